/** Named error codes: tests and the API check the code, never the wording. */
export const GeoErrorCode = {
  E_CELL_INVALID: 'E_CELL_INVALID',
  E_RES_DOMAIN: 'E_RES_DOMAIN',
  E_LATLNG_DOMAIN: 'E_LATLNG_DOMAIN',
  E_BBOX_INVALID: 'E_BBOX_INVALID',
  E_TIMEZONE_INVALID: 'E_TIMEZONE_INVALID',
  E_DATE_INVALID: 'E_DATE_INVALID',
  E_BUCKET_INVALID: 'E_BUCKET_INVALID',
  E_RANGE_INVALID: 'E_RANGE_INVALID',
  E_RANGE_TOO_LONG: 'E_RANGE_TOO_LONG',
  E_THRESHOLD_INVALID: 'E_THRESHOLD_INVALID',
} as const;
export type GeoErrorCode = (typeof GeoErrorCode)[keyof typeof GeoErrorCode];

export class GeoError extends Error {
  constructor(
    readonly code: GeoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GeoError';
  }
}
