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
export {
  canonicalStatus,
  isMessageStatus,
  JAROKELO_STATUSES,
  MESSAGE_STATUSES,
  type MessageStatus,
} from './status/message-status';
