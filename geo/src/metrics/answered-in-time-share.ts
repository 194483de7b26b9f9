import { isAnswerDue } from './is-answer-due';
import { isAnsweredInTime } from './is-answered-in-time';
import type { MessageTimes } from './message-times';

/**
 * Share answered in time, 0..1: messages answered within the limit, out of the messages that are due at
 * `now` (answered, or unanswered past the limit). null when none is due.
 */
export function answeredInTimeShare(
  messages: Iterable<Pick<MessageTimes, 'createdAt' | 'answeredAt'>>,
  options: { now: Date; limitMinutes?: number },
): number | null {
  let due = 0;
  let inTime = 0;
  for (const message of messages) {
    if (!isAnswerDue(message, options.now, options)) continue;
    due += 1;
    if (isAnsweredInTime(message, options)) inTime += 1;
  }
  return due === 0 ? null : inTime / due;
}
