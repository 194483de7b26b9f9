/** "Answer within one working day", taken as 24 hours; regions set their own with the limitMinutes option. */
export const DEFAULT_ANSWER_LIMIT_MINUTES = 24 * 60;
