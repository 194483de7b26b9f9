export { cellOverlapsBbox } from './bbox/cell-overlaps-bbox';
export { cellsInBbox, MAX_BBOX_CELLS } from './bbox/cells-in-bbox';
export { type Bbox, parseBbox } from './bbox/parse-bbox';
export { GeoError } from './errors';
export { bigIntToCell, cellToBigInt } from './h3/cell-bigint';
export { cellsForPoint } from './h3/cells-for-point';
export { resolutionForZoom } from './h3/resolution-for-zoom';
export {
  isResolution,
  MAX_RESOLUTION,
  MIN_RESOLUTION,
  RESOLUTIONS,
  type Resolution,
  ROLLUP_RESOLUTIONS,
} from './h3/resolutions';
export { dailyAlerts } from './hotspots/daily-alerts';
export { ANOMALY_BASELINE_WEEKS, dailyAnomaly } from './hotspots/daily-anomaly';
export { EMERGING_PATTERNS, emergingClass } from './hotspots/emerging-class';
export { h3GiStar } from './hotspots/h3-gi-star';
export { mannKendall } from './hotspots/mann-kendall';
export { DEFAULT_NEIGHBOURHOOD_K, MAX_NEIGHBOURHOOD_K } from './hotspots/neighbourhood-size';
export { LISTED_HOTSPOT_BIN, strongestHotspots } from './hotspots/strongest-hotspots';
export { DEFAULT_ANSWER_LIMIT_MINUTES } from './metrics/answer-limit';
export { changeRatio } from './metrics/change-ratio';
export {
  middleBucketsMedian,
  SKETCH_RELATIVE_ERROR,
  sketchBucket,
  sketchMedian,
} from './metrics/sketch-median';
export { type Bounds, cellsBounds } from './places/cells-bounds';
export { foldedWords, streetSearchWords } from './places/street-key';
export { streetOf } from './places/street-of';
export { holdsAuthorName, type KnownAuthors, knownAuthors } from './privacy/author-names';
export { cellKeyNoise, perturbedCount, publishedNoises } from './privacy/cell-key-noise';
export { groupsOfAtLeast } from './privacy/groups-of-k';
export { type DateWindow, previousMonthWindow, publicMonthWindow } from './privacy/public-month-window';
export { publicPart } from './privacy/public-part';
export {
  MIN_PUBLIC_COUNT,
  MIN_PUBLIC_STREET_COUNT,
  PUBLIC_MAX_RESOLUTION,
} from './privacy/public-thresholds';
export { suppressSmallCounts } from './privacy/suppress-small-counts';
export { suppressTimeline } from './privacy/suppress-timeline';
export { suppressWithRemainder } from './privacy/suppress-with-remainder';
export { type PublicMessage, toPublicMessage } from './privacy/to-public-message';
export {
  canonicalStatus,
  JAROKELO_STATUSES,
  MESSAGE_STATUSES,
  type MessageStatus,
} from './status/message-status';
export {
  OPEN311_STATUSES,
  type Open311Status,
  open311Status,
  statusesOfOpen311,
} from './status/open311-status';
export { bucketEdges } from './time/bucket-edges';
export { bucketStart } from './time/bucket-start';
export {
  EARLIEST_MESSAGE_DATE,
  isPlausibleMessageDate,
  latestMessageDate,
  QUERY_YEARS,
} from './time/date-bounds';
export { daysUntilYesterday } from './time/days-until-yesterday';
export { localDate } from './time/local-date';
export { nextBucketStart } from './time/next-bucket-start';
export { parseInstant } from './time/parse-instant';
export { previousPeriod } from './time/previous-period';
export { wallTimeToInstant } from './time/wall-time-to-instant';
export { zonedIso } from './time/zoned-iso';
export { zonedMidnight } from './time/zoned-midnight';
