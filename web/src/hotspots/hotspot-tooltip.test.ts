import { describe, expect, test } from 'vitest';
import { createTranslator } from '../i18n/i18n';
import { emergingTooltipLines, giTooltipLines } from './hotspot-tooltip';

describe('hotspot tooltips', () => {
  test('staff Gi*: the meaning of the bin, the count and z', () => {
    const lines = giTooltipLines({ h3: 'a', bin: 2, count: 1234, z: 2.71345 }, createTranslator('ru'));
    expect(lines).toEqual(['Очаг, значимость 95 %', 'Обращений: 1\u00a0234', 'Gi* z = 2,71']);
  });

  test('public Gi*: the meaning only', () => {
    expect(giTooltipLines({ h3: 'a', bin: -1 }, createTranslator('en'))).toEqual([
      'Cold spot, 90 % confidence',
    ]);
  });

  test('emerging: the class and the hot weeks', () => {
    const cell = {
      h3: 'a',
      class: 'intensifying-hot' as const,
      trend: { z: 2.5, p: 0.01 },
      bins: [1, 2, 0, 3],
    };
    expect(emergingTooltipLines(cell, createTranslator('ru'))).toEqual([
      'Усиливающийся очаг',
      'Очаг в 3 из 4 нед.',
    ]);
  });
});
