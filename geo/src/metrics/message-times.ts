/** The three timestamps every metric is computed from; a missing one is null. */
export interface MessageTimes {
  createdAt: Date;
  /** First answer from the responsible authority. */
  answeredAt: Date | null;
  /** Marked solved or closed. */
  resolvedAt: Date | null;
}
