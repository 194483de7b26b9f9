import type { MessageTimes } from './message-times';

/**
 * Open = no answer yet. With `asOf`, open at that instant: created by then and not answered by then
 * (for "open at the end of each day" series); without it, the answer must simply be missing.
 */
export function isOpen(message: Pick<MessageTimes, 'createdAt' | 'answeredAt'>, asOf?: Date): boolean {
  if (!asOf) return message.answeredAt === null;
  return message.createdAt <= asOf && (message.answeredAt === null || message.answeredAt > asOf);
}
