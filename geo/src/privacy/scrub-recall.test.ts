import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { sharedDataFile } from '../node/shared-data';
import { knownAuthors } from './author-names';
import { scrubPersonalData } from './scrub-personal-data';
import { type RecallRecord, scrubRecall } from './scrub-recall';

const JAROKELO = sharedDataFile('jarokelo');

function jarokelo(): RecallRecord[] {
  return gunzipSync(readFileSync(JAROKELO))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const row = JSON.parse(line) as {
        description: string | null;
        author: string | null;
        address: string | null;
      };
      return { text: row.description ?? '', author: row.author, address: row.address };
    });
}

describe('scrubPersonalData recall on the Járókelő descriptions', () => {
  test('removes the authors names, house-number addresses and licence plates (floors in docs/privacy.md)', () => {
    const records = jarokelo();
    expect(records).toHaveLength(37_869);
    const known = knownAuthors(records.map((r) => r.author));
    const recall = scrubRecall(records, (r) =>
      scrubPersonalData(r.text, { author: r.author, knownAuthors: known }),
    );
    expect(recall.authors.truth).toBeGreaterThan(100);
    expect(recall.addresses.truth).toBeGreaterThan(400);
    expect(recall.plates.truth).toBeGreaterThan(50);
    expect(recall.authors.recall).toBeGreaterThanOrEqual(0.99);
    expect(recall.addresses.recall).toBeGreaterThanOrEqual(0.98);
    expect(recall.plates.recall).toBeGreaterThanOrEqual(0.99);
  }, 60_000);
});
