import { describe, expect, test } from 'vitest';
import { canonicalStatus, JAROKELO_STATUSES } from './message-status';

const none = { answered: false, resolved: false };

describe('canonicalStatus', () => {
  test.each([
    ['Válaszra vár', 'new'],
    ['Kiegészítésre vár', 'in_progress'],
    ['Megoldásra vár', 'in_progress'],
    ['Megerősítésre vár', 'answered'],
    ['Megoldott', 'resolved'],
    ['Megoldatlan', 'closed_unresolved'],
  ])('Járókelő "%s" is %s', (raw, expected) => {
    expect(canonicalStatus(raw, none, JAROKELO_STATUSES)).toBe(expected);
  });

  test('generic values, any case, trimmed', () => {
    expect(canonicalStatus(' In Progress ', none)).toBe('in_progress');
    expect(canonicalStatus('В работе', none)).toBe('in_progress');
    expect(canonicalStatus('Отклонено', none)).toBe('closed_unresolved');
  });

  test('a source mapping falls back to the generic values', () => {
    expect(canonicalStatus('resolved', none, JAROKELO_STATUSES)).toBe('resolved');
  });

  test('without a raw status the timestamps decide', () => {
    expect(canonicalStatus(null, { answered: true, resolved: true })).toBe('resolved');
    expect(canonicalStatus('', { answered: true, resolved: false })).toBe('answered');
    expect(canonicalStatus(undefined, none)).toBe('new');
  });

  test('an unknown value is undefined', () => {
    expect(canonicalStatus('whatever', none)).toBeUndefined();
  });
});
