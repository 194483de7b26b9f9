import type { MessageTimes } from './message-times';

/** Answered = has a first answer, whatever happened after. */
export function isAnswered(message: Pick<MessageTimes, 'answeredAt'>): boolean {
  return message.answeredAt !== null;
}
