import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { Sql } from '../db/database';
import { type DistrictInput, replaceDistricts } from '../repositories/districts-repository';
import { InputFileError } from './text-stream';

/** The (Multi)Polygon features of a GeoJSON file as districts named by `nameField`. */
export async function readDistrictsFile(path: string, nameField: string): Promise<DistrictInput[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
    if (path.toLowerCase().endsWith('.gz')) bytes = gunzipSync(bytes);
  } catch (err) {
    throw new InputFileError(`cannot read ${path}: ${(err as Error).message}`);
  }
  let doc: { type?: string; features?: unknown[] };
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    throw new InputFileError(`${path} is not valid UTF-8 JSON: ${(err as Error).message}`);
  }
  if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    throw new InputFileError(`${path} is not a GeoJSON FeatureCollection`);
  }
  const districts: DistrictInput[] = [];
  const seen = new Set<string>();
  doc.features.forEach((f, i) => {
    const feature = f as {
      properties?: Record<string, unknown>;
      geometry?: { type?: string; coordinates?: unknown };
    };
    const name = feature.properties?.[nameField];
    if (typeof name !== 'string' || name.trim() === '') {
      const keys = Object.keys(feature.properties ?? {}).join(', ') || 'none';
      throw new InputFileError(
        `feature ${i} has no "${nameField}" property (its properties: ${keys}); pass --name-field`,
      );
    }
    const type = feature.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      throw new InputFileError(
        `feature ${i} ("${name}") has a ${type ?? 'missing'} geometry; districts must be polygons`,
      );
    }
    if (seen.has(name.trim())) throw new InputFileError(`two features are named "${name.trim()}"`);
    seen.add(name.trim());
    districts.push({ name: name.trim(), geometry: { type, coordinates: feature.geometry?.coordinates } });
  });
  if (districts.length === 0) throw new InputFileError(`${path} holds no features`);
  return districts;
}

/** Loads or replaces the districts from a file, re-assigning messages, in one transaction. */
export async function loadDistrictsFile(
  sql: Sql,
  path: string,
  nameField: string,
): Promise<{ districts: number; reassigned: number }> {
  const districts = await readDistrictsFile(path, nameField);
  const { reassigned } = await sql.begin((tx) => replaceDistricts(tx as unknown as Sql, districts));
  return { districts: districts.length, reassigned };
}
