import { describe, expect, test } from 'vitest';
import { createTranslator } from '../i18n/i18n';
import { headlineItems, type LooseSummary } from './headline';

function createSummary(values: Partial<LooseSummary>): LooseSummary {
  return {
    from: null,
    to: null,
    count: 0,
    open: 0,
    answered: 0,
    resolved: 0,
    medianAnswerMinutes: null,
    medianResolveMinutes: null,
    answeredShare: null,
    answeredInTimeShare: null,
    previous: null,
    change: null,
    topCategories: [],
    topCells: [],
    res: 8,
    answerLimitMinutes: 1440,
    ...values,
  };
}

const ru = createTranslator('ru');
const en = createTranslator('en');

describe('headlineItems', () => {
  test('today, open now, median of the window and change versus last week, in Russian', () => {
    const items = headlineItems(
      {
        today: createSummary({ count: 12 }),
        recent: createSummary({
          count: 1703,
          medianAnswerMinutes: 4 * 1440,
          change: { count: -0.07, open: null, medianAnswerMinutes: null },
        }),
        all: createSummary({ open: 12_621 }),
        windowDays: 7,
      },
      ru,
    );
    expect(items.map((item) => [item.key, item.label, item.value, item.tone])).toEqual([
      ['today', 'Сегодня', '12', 'neutral'],
      ['open', 'Без ответа', '12\u00a0621', 'neutral'],
      ['median', 'Медиана до ответа', '4 дн', 'neutral'],
      ['change', 'К прошлой неделе', '▼-7\u00a0%', 'fewer'],
    ]);
    expect(items[3]?.detail).toBe('1\u00a0703 обращ. за 7 дн.');
  });

  test('a rise is marked as more; another window length names its own period', () => {
    const items = headlineItems(
      {
        today: createSummary({ count: 0 }),
        recent: createSummary({
          count: 30,
          medianAnswerMinutes: 95,
          change: { count: 0.25, open: null, medianAnswerMinutes: null },
        }),
        all: createSummary({ open: 3 }),
        windowDays: 14,
      },
      en,
    );
    expect(items[2]?.value).toBe('1.6 h');
    expect(items[3]).toMatchObject({ label: 'Versus the previous 14 days', value: '▲+25%', tone: 'more' });
  });

  test('before any data, and for numbers the public API withholds, a dash', () => {
    const empty = headlineItems({ today: null, recent: null, all: null, windowDays: 7 }, en);
    expect(empty.map((item) => item.value)).toEqual(['—', '—', '—', '—']);
    const withheld = headlineItems(
      {
        today: createSummary({ count: null }),
        recent: null,
        all: createSummary({ open: null }),
        windowDays: 7,
      },
      en,
    );
    expect(withheld.slice(0, 2).map((item) => item.value)).toEqual(['—', '—']);
  });

  test('a change that rounds to 0 % has no arrow and no tone', () => {
    const items = headlineItems(
      {
        today: null,
        recent: createSummary({ count: 10, change: { count: 0, open: null, medianAnswerMinutes: null } }),
        all: null,
        windowDays: 7,
      },
      en,
    );
    expect(items[3]).toMatchObject({ value: '0%', tone: 'neutral' });
  });
});
