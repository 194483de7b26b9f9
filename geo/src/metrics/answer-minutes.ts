import { elapsedMinutes } from './elapsed-minutes';
import type { MessageTimes } from './message-times';

/** Minutes from a message to its first answer (see elapsedMinutes), or null while it is unanswered. */
export function answerMinutes(message: Pick<MessageTimes, 'createdAt' | 'answeredAt'>): number | null {
  return message.answeredAt ? elapsedMinutes(message.createdAt, message.answeredAt) : null;
}
