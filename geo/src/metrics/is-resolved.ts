import type { MessageTimes } from './message-times';

/** Resolved = has a resolution time (answered or not: some are solved without a recorded answer). */
export function isResolved(message: Pick<MessageTimes, 'resolvedAt'>): boolean {
  return message.resolvedAt !== null;
}
