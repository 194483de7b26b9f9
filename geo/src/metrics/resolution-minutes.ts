import { elapsedMinutes } from './elapsed-minutes';
import type { MessageTimes } from './message-times';

/** Minutes from a message to its resolution (see elapsedMinutes), or null while it is not resolved. */
export function resolutionMinutes(message: Pick<MessageTimes, 'createdAt' | 'resolvedAt'>): number | null {
  return message.resolvedAt ? elapsedMinutes(message.createdAt, message.resolvedAt) : null;
}
