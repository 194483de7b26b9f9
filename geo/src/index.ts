export { cellOverlapsBbox } from './bbox/cell-overlaps-bbox';
export { cellsInBbox, MAX_BBOX_CELLS } from './bbox/cells-in-bbox';
export { type Bbox, parseBbox } from './bbox/parse-bbox';
export { GeoError, GeoErrorCode } from './errors';
export { bigIntToCell, cellToBigInt } from './h3/cell-bigint';
export { type CellsByResolution, cellsForPoint } from './h3/cells-for-point';
export { resolutionForZoom } from './h3/resolution-for-zoom';
export {
  isResolution,
  MAX_RESOLUTION,
  MIN_RESOLUTION,
  RESOLUTIONS,
  type Resolution,
  ROLLUP_RESOLUTIONS,
} from './h3/resolutions';
export { benjaminiHochberg } from './hotspots/benjamini-hochberg';
export { type DailyAlertsOptions, dailyAlerts } from './hotspots/daily-alerts';
export {
  ANOMALY_BASELINE_WEEKS,
  ANOMALY_EXPECTED_FLOOR,
  type DailyAnomaly,
  dailyAnomaly,
} from './hotspots/daily-anomaly';
export {
  EMERGING_PATTERNS,
  type EmergingClass,
  type EmergingClassOptions,
  type EmergingPattern,
  type EmergingTrend,
  emergingClass,
} from './hotspots/emerging-class';
export { erfc } from './hotspots/erfc';
export { getisOrdGiStar } from './hotspots/getis-ord-gi-star';
export { GI_BIN_LEVELS, type GiBin, giBins } from './hotspots/gi-bins';
export { type HotspotCell, h3GiStar } from './hotspots/h3-gi-star';
export { type MannKendallResult, mannKendall } from './hotspots/mann-kendall';
export { negativeBinomialUpperTail } from './hotspots/negative-binomial-upper-tail';
export { DEFAULT_NEIGHBOURHOOD_K, MAX_NEIGHBOURHOOD_K } from './hotspots/neighbourhood-size';
export { poissonUpperTail } from './hotspots/poisson-upper-tail';
export { hotspotStudyArea, type StudyArea, type StudyAreaOptions } from './hotspots/study-area';
export { twoSidedP } from './hotspots/two-sided-p';
export { DEFAULT_ANSWER_LIMIT_MINUTES } from './metrics/answer-limit';
export { answerMinutes } from './metrics/answer-minutes';
export { answeredInTimeShare } from './metrics/answered-in-time-share';
export { changeRatio } from './metrics/change-ratio';
export { elapsedMinutes } from './metrics/elapsed-minutes';
export { isAnswerDue } from './metrics/is-answer-due';
export { isAnswered } from './metrics/is-answered';
export { isAnsweredInTime } from './metrics/is-answered-in-time';
export { isOpen } from './metrics/is-open';
export { isResolved } from './metrics/is-resolved';
export { median } from './metrics/median';
export type { MessageTimes } from './metrics/message-times';
export { resolutionMinutes } from './metrics/resolution-minutes';
export { type MessageSummary, summarizeMessages } from './metrics/summarize-messages';
export { streetOfAddress } from './places/street-of-address';
export { type KnownAuthors, knownAuthors } from './privacy/author-names';
export {
  CELL_KEY_NOISE,
  cellKeyNoise,
  perturbedCount,
  publishedNoises,
} from './privacy/cell-key-noise';
export { groupsOfAtLeast } from './privacy/groups-of-k';
export { publicAddress } from './privacy/public-address';
export {
  PUBLIC_MESSAGE_FIELDS,
  type PublicMessageField,
  publicMessageFields,
} from './privacy/public-message-fields';
export { type DateWindow, previousMonthWindow, publicMonthWindow } from './privacy/public-month-window';
export { publicPart } from './privacy/public-part';
export { MIN_PUBLIC_COUNT, PUBLIC_MAX_RESOLUTION } from './privacy/public-thresholds';
export { SCRUB_MARKER } from './privacy/scrub-marker';
export { type ScrubOptions, scrubPersonalData } from './privacy/scrub-personal-data';
export {
  type CountedCell,
  type SuppressionResult,
  suppressSmallCounts,
} from './privacy/suppress-small-counts';
export { suppressTimeline } from './privacy/suppress-timeline';
export { suppressWithRemainder } from './privacy/suppress-with-remainder';
export { type PublicMessage, toPublicMessage } from './privacy/to-public-message';
export {
  canonicalStatus,
  isMessageStatus,
  JAROKELO_STATUSES,
  MESSAGE_STATUSES,
  type MessageStatus,
} from './status/message-status';
export { bucketEdges, MAX_BUCKET_EDGES } from './time/bucket-edges';
export { bucketStart } from './time/bucket-start';
export {
  EARLIEST_MESSAGE_DATE,
  isPlausibleMessageDate,
  latestMessageDate,
  QUERY_YEARS,
} from './time/date-bounds';
export { localDate } from './time/local-date';
export { nextBucketStart } from './time/next-bucket-start';
export { parseInstant } from './time/parse-instant';
export { type Period, previousPeriod } from './time/previous-period';
export { isTimeBucket, TIME_BUCKETS, type TimeBucket } from './time/time-bucket';
export { timeZoneOffset } from './time/time-zone-offset';
export { timeZoneParts, type WallTime } from './time/time-zone-parts';
export { type Disambiguation, type WallTimeInput, wallTimeToInstant } from './time/wall-time-to-instant';
export { zonedMidnight } from './time/zoned-midnight';
