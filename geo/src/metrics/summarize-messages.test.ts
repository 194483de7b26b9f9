import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { sharedDataFile } from '../node/shared-data';
import { parseInstant } from '../time/parse-instant';
import { summarizeMessages } from './summarize-messages';

const JAROKELO = sharedDataFile('jarokelo');
const at = (iso: string) => new Date(iso);

describe('summarizeMessages', () => {
  test('a small set, every number by hand', () => {
    const now = at('2024-03-10T00:00:00Z');
    const summary = summarizeMessages(
      [
        {
          createdAt: at('2024-03-01T10:00:00Z'),
          answeredAt: at('2024-03-01T11:00:00Z'),
          resolvedAt: at('2024-03-03T10:00:00Z'),
        },
        { createdAt: at('2024-03-01T10:00:00Z'), answeredAt: at('2024-03-04T10:00:00Z'), resolvedAt: null },
        { createdAt: at('2024-03-01T10:00:00Z'), answeredAt: null, resolvedAt: at('2024-03-02T10:00:00Z') },
        { createdAt: at('2024-03-09T23:00:00Z'), answeredAt: null, resolvedAt: null },
      ],
      { now },
    );
    expect(summary).toEqual({
      count: 4,
      open: 2,
      answered: 2,
      resolved: 2,
      answeredInTime: 1,
      answerDue: 3,
      answeredInTimeShare: 1 / 3,
      medianAnswerMinutes: (60 + 3 * 1440) / 2,
      medianResolutionMinutes: (2 * 1440 + 1440) / 2,
    });
  });

  test('no messages', () => {
    expect(summarizeMessages([], { now: at('2024-03-10T00:00:00Z') })).toMatchObject({
      count: 0,
      answeredInTimeShare: null,
      medianAnswerMinutes: null,
    });
  });

  // Figures from shared/data/PROVENANCE.md: 2,730 without an answer, 16,252 without a resolution date,
  // median answer 12 days, median resolution 34 days. Dates are Budapest local midnights.
  test('the Járókelő reports agree with the published figures', () => {
    const rows = gunzipSync(readFileSync(JAROKELO))
      .toString('utf8')
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Record<string, string | null>);
    const day = (value: string | null | undefined) => (value ? parseInstant(value, 'Europe/Budapest') : null);
    const messages = rows.map((row) => ({
      createdAt: day(row.date) as Date,
      answeredAt: day(row.first_authority_response_date),
      resolvedAt: day(row.resolution_date),
    }));
    const summary = summarizeMessages(messages, { now: at('2025-10-11T00:00:00Z') });
    expect(summary).toMatchObject({
      count: 37_869,
      open: 2_730,
      answered: 37_869 - 2_730,
      resolved: 37_869 - 16_252,
      medianAnswerMinutes: 12 * 1440,
      medianResolutionMinutes: 34 * 1440,
    });
  }, 30_000);
});
