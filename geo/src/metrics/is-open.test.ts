import { describe, expect, test } from 'vitest';
import { isOpen } from './is-open';

const message = { createdAt: new Date('2024-03-01T10:00:00Z'), answeredAt: new Date('2024-03-02T10:00:00Z') };

describe('isOpen', () => {
  test('open means no answer yet', () => {
    expect(isOpen({ ...message, answeredAt: null })).toBe(true);
    expect(isOpen(message)).toBe(false);
  });

  test('asOf: open between creation and answer, not before creation', () => {
    expect(isOpen(message, new Date('2024-03-01T09:59:59Z'))).toBe(false);
    expect(isOpen(message, new Date('2024-03-01T10:00:00Z'))).toBe(true);
    expect(isOpen(message, new Date('2024-03-02T09:59:59Z'))).toBe(true);
    expect(isOpen(message, new Date('2024-03-02T10:00:00Z'))).toBe(false);
  });
});
