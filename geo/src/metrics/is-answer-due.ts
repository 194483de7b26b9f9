import { DEFAULT_ANSWER_LIMIT_MINUTES } from './answer-limit';
import { elapsedMinutes } from './elapsed-minutes';
import type { MessageTimes } from './message-times';

/**
 * Whether a message counts in the answered-in-time share at `now`: it has been answered, or its time is up
 * (it could no longer be answered within the limit). A fresh unanswered message is neither late nor in time.
 */
export function isAnswerDue(
  message: Pick<MessageTimes, 'createdAt' | 'answeredAt'>,
  now: Date,
  options: { limitMinutes?: number } = {},
): boolean {
  const limit = options.limitMinutes ?? DEFAULT_ANSWER_LIMIT_MINUTES;
  return (
    message.answeredAt !== null || (now > message.createdAt && elapsedMinutes(message.createdAt, now) > limit)
  );
}
