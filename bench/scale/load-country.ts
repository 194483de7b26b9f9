import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDistrictsFile, type Sql } from '@heatmap/api';
import type { Country } from './country-districts';

/** Loads the country's districts through the same path as `heatmap districts <file>`. */
export async function loadCountry(sql: Sql, country: Country): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'heatmap-country-'));
  try {
    const file = join(dir, 'country.geojson');
    const features = country.all.map((d) => ({
      type: 'Feature',
      properties: { name: d.name },
      geometry: d.geometry,
    }));
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
    await loadDistrictsFile(sql, file, 'name');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
