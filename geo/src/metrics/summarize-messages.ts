import { answerMinutes } from './answer-minutes';
import { isAnswerDue } from './is-answer-due';
import { isAnsweredInTime } from './is-answered-in-time';
import { median } from './median';
import type { MessageTimes } from './message-times';
import { resolutionMinutes } from './resolution-minutes';

export interface MessageSummary {
  count: number;
  open: number;
  answered: number;
  resolved: number;
  /** Answered within the limit. */
  answeredInTime: number;
  /** Denominator of the share: answered, or unanswered past the limit at `now`. */
  answerDue: number;
  answeredInTimeShare: number | null;
  medianAnswerMinutes: number | null;
  medianResolutionMinutes: number | null;
}

/**
 * Every headline metric of a set of messages, computed the slow obvious way. This is the oracle the SQL
 * aggregates are tested against; docs/metrics.md explains each number.
 */
export function summarizeMessages(
  messages: Iterable<MessageTimes>,
  options: { now: Date; limitMinutes?: number },
): MessageSummary {
  const answers: number[] = [];
  const resolutions: number[] = [];
  const summary = { count: 0, open: 0, answered: 0, resolved: 0, answeredInTime: 0, answerDue: 0 };
  for (const message of messages) {
    summary.count += 1;
    const answer = answerMinutes(message);
    const resolution = resolutionMinutes(message);
    if (answer === null) summary.open += 1;
    else answers.push(answer);
    if (resolution !== null) {
      summary.resolved += 1;
      resolutions.push(resolution);
    }
    if (isAnswerDue(message, options.now, options)) summary.answerDue += 1;
    if (isAnsweredInTime(message, options)) summary.answeredInTime += 1;
  }
  return {
    ...summary,
    answered: answers.length,
    answeredInTimeShare: summary.answerDue === 0 ? null : summary.answeredInTime / summary.answerDue,
    medianAnswerMinutes: median(answers),
    medianResolutionMinutes: median(resolutions),
  };
}
