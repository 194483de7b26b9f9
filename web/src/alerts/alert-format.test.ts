import { describe, expect, test } from 'vitest';
import { createTranslator } from '../i18n/i18n';
import { alertFigure, shortDay, sparklineLabel } from './alert-format';

const ru = createTranslator('ru');
const en = createTranslator('en');

describe('alertFigure', () => {
  test('observed against expected, expected to one decimal in the local way', () => {
    expect(alertFigure({ observed: 23, expected: 4.125 }, ru)).toBe('23 при норме 4,1');
    expect(alertFigure({ observed: 23, expected: 4.125 }, en)).toBe('23 where 4.1 is usual');
  });

  test('a whole expected value has no decimals; the floor shows as 0,5', () => {
    expect(alertFigure({ observed: 6, expected: 2 }, ru)).toBe('6 при норме 2');
    expect(alertFigure({ observed: 6, expected: 0.5 }, ru)).toBe('6 при норме 0,5');
  });

  test('thousands are grouped', () => {
    expect(alertFigure({ observed: 1234, expected: 10 }, en)).toBe('1,234 where 10 is usual');
  });
});

describe('shortDay', () => {
  test('day and month, whatever the viewer zone (the date is already local to the region)', () => {
    expect(shortDay('2024-06-02', 'ru')).toBe('02.06');
    expect(shortDay('2024-12-31', 'en')).toBe('12/31');
  });
});

describe('sparklineLabel', () => {
  test('every count in order, the last day named, and the usual level', () => {
    expect(sparklineLabel({ series: [1, 0, 23], expected: 4.125, day: '2024-06-12' }, ru)).toBe(
      'По дням, 3 дн. до 12.06: 1, 0, 23; норма 4,1',
    );
    expect(sparklineLabel({ series: [1, 0, 23], expected: 4.125, day: '2024-06-12' }, en)).toBe(
      'Per day, 3 days to 06/12: 1, 0, 23; usual 4.1',
    );
  });
});
