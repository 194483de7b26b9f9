import type { SourceRecord } from './ingest-records';
import { jsonArrayElements } from './json-elements';

/** A JSON array of objects, streamed element by element. */
export async function* jsonArrayRecords(
  chunks: AsyncIterable<string>,
  name = 'input',
): AsyncGenerator<SourceRecord> {
  for await (const { line, value } of jsonArrayElements(chunks, { name })) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { line, record: {}, reason: 'the array element is not a JSON object' };
    } else yield { line, record: value as Record<string, unknown> };
  }
}

/**
 * A GeoJSON FeatureCollection of Points: each feature's properties, with `lat` and `lon` taken
 * from its geometry (the geometry wins over properties of the same name).
 */
export async function* geojsonRecords(
  chunks: AsyncIterable<string>,
  name = 'input',
): AsyncGenerator<SourceRecord> {
  for await (const { line, value } of jsonArrayElements(chunks, { key: 'features', name })) {
    const feature = value as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    if (feature === null || typeof feature !== 'object' || feature.type !== 'Feature') {
      yield { line, record: {}, reason: 'the features entry is not a GeoJSON Feature' };
      continue;
    }
    const properties =
      feature.properties && typeof feature.properties === 'object'
        ? (feature.properties as Record<string, unknown>)
        : {};
    const geometry = feature.geometry as { type?: unknown; coordinates?: unknown } | null;
    if (geometry?.type !== 'Point' || !Array.isArray(geometry.coordinates)) {
      const kind = geometry ? String(geometry.type) : 'null';
      yield { line, record: properties, reason: `the feature's geometry is ${kind}, expected a Point` };
      continue;
    }
    const [lon, lat] = geometry.coordinates as unknown[];
    yield { line, record: { ...properties, lat, lon } };
  }
}
