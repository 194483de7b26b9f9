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
  test('only category, local month and status; nothing else on the input slips through', () => {
    expect(toPublicMessage(message, { timeZone: 'Europe/Budapest' })).toEqual({
      category: 'Kátyú',
      month: '2024-03',
      status: 'new',
    });
  });

  test('with text enabled, the text is scrubbed', () => {
    expect(toPublicMessage(message, { timeZone: 'Europe/Budapest', includeText: true }).text).toBe(
      'Kátyú a Fő utca […] előtt. Hívjon: […]',
    );
  });

  test('the month is in the region time zone', () => {
    const lastNight = { ...message, createdAt: new Date('2024-03-31T22:30:00Z') };
    expect(toPublicMessage(lastNight, { timeZone: 'Europe/Budapest' }).month).toBe('2024-04');
    expect(toPublicMessage(lastNight, { timeZone: 'UTC' }).month).toBe('2024-03');
  });
});
