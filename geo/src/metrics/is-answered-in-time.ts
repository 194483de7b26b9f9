import { DEFAULT_ANSWER_LIMIT_MINUTES } from './answer-limit';
import { answerMinutes } from './answer-minutes';
import type { MessageTimes } from './message-times';

/** Answered within the limit: answer minutes (rounded down) <= limitMinutes; exactly 24 h 0 min is in time. */
export function isAnsweredInTime(
  message: Pick<MessageTimes, 'createdAt' | 'answeredAt'>,
  options: { limitMinutes?: number } = {},
): boolean {
  const minutes = answerMinutes(message);
  return minutes !== null && minutes <= (options.limitMinutes ?? DEFAULT_ANSWER_LIMIT_MINUTES);
}
