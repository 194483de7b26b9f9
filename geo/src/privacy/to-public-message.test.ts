import { describe, expect, test } from 'vitest';
import { toPublicMessage } from './to-public-message';

const message = {
  category: 'Kátyú',
  createdAt: new Date('2024-03-30T23:30:00Z'),
  status: 'new' as const,
  text: 'Kátyú a Fő utca 12 előtt. Hívjon: 06-20/534-3220',
  author: 'Kovács Péter',
  address: 'I. kerület, Fő utca 12',
  lat: 47.5,
};

describe('toPublicMessage', () => {
  test('only category, local day and status; nothing else on the input slips through', () => {
    expect(toPublicMessage(message, { timeZone: 'Europe/Budapest' })).toEqual({
      category: 'Kátyú',
      day: '2024-03-31',
      status: 'new',
    });
  });

  test('with text enabled, the text is scrubbed', () => {
    expect(toPublicMessage(message, { timeZone: 'Europe/Budapest', includeText: true }).text).toBe(
      'Kátyú a Fő utca […] előtt. Hívjon: […]',
    );
  });

  test('the day is in the region time zone', () => {
    expect(toPublicMessage(message, { timeZone: 'UTC' }).day).toBe('2024-03-30');
  });
});
