import { type Bbox, GeoError, parseBbox as parseGeoBbox } from '@heatmap/geo';
import { badParameter } from './query-error';

export type { Bbox };

/** The `bbox` parameter by the rule in geo (antimeridian crossing only from west > 0 to east < 0). */
export function parseBbox(text: string): Bbox {
  try {
    return parseGeoBbox(text);
  } catch (error) {
    if (error instanceof GeoError) {
      throw badParameter('bbox', `${error.message} (expected west,south,east,north in degrees)`);
    }
    throw error;
  }
}
