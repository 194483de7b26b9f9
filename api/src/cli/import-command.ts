import { statSync } from 'node:fs';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import { IDENTITY_MAPPING, parseMappingOption } from '../ingest/field-mapping';
import { ingestFile } from '../ingest/ingest-file';
import type { IngestReport } from '../ingest/message-input';
import { Progress } from './progress';

export interface ImportOptions {
  map?: string;
  source?: string;
  timezone?: string;
  /** `--max-unpacked-mb`: how far a .gz file may unpack. */
  maxUnpackedMb?: number;
}

/** `import <file>`: one transaction; prints the report and the first rejected rows. */
export async function importCommand(db: Database, config: Config, file: string, options: ImportOptions) {
  // Parse --map now: an unknown field fails before the file is opened or anything is written.
  if (options.map) parseMappingOption(options.map, IDENTITY_MAPPING);
  const size = fileSize(file);
  const progress = new Progress(`importing ${file}`, size);
  const started = Date.now();
  const map = options.map;
  const report = await ingestFile(db.sql, file, {
    timezone: options.timezone ?? config.timezone,
    ...(options.source ? { source: options.source } : {}),
    ...(options.maxUnpackedMb ? { maxUnpackedBytes: options.maxUnpackedMb * 1024 * 1024 } : {}),
    ...(map ? { refineMapping: (detected) => parseMappingOption(map, detected) } : {}),
    onProgress: (p) => progress.update(p.rows, p.bytesRead),
  });
  progress.finish();
  const seconds = (Date.now() - started) / 1000;
  printReport(report, seconds, report.mappingName);
  return report;
}

export function printReport(report: IngestReport, seconds: number, mappingName?: string): void {
  const stored = report.inserted + report.updated + report.unchanged;
  const rate = seconds > 0 ? Math.round(stored / seconds) : stored;
  console.log(
    `${mappingName ? `mapping: ${mappingName}; ` : ''}inserted ${report.inserted}, updated ${report.updated}, ` +
      `unchanged ${report.unchanged}, rejected ${report.rejected.length} in ${seconds.toFixed(1)} s (${rate} rows/s)`,
  );
  for (const r of report.rejected.slice(0, 20)) {
    console.log(`  ${r.line !== undefined ? `line ${r.line}` : `index ${r.index}`}: ${r.reason}`);
  }
  if (report.rejected.length > 20) console.log(`  … and ${report.rejected.length - 20} more rejected rows`);
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
