import { describe, expect, test } from 'vitest';
import { PUBLIC_MESSAGE_FIELDS, publicMessageFields } from './public-message-fields';

describe('publicMessageFields', () => {
  test('the allow-list', () => {
    expect(PUBLIC_MESSAGE_FIELDS).toEqual(['category', 'month', 'status', 'text']);
  });

  test('text only when enabled', () => {
    expect(publicMessageFields()).toEqual(['category', 'month', 'status']);
    expect(publicMessageFields({ includeText: true })).toEqual(['category', 'month', 'status', 'text']);
  });
});
