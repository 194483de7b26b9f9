import { describe, expect, test } from 'vitest';
import { PUBLIC_MESSAGE_FIELDS } from './public-message-fields';

describe('PUBLIC_MESSAGE_FIELDS', () => {
  test('the allow-list', () => {
    expect(PUBLIC_MESSAGE_FIELDS).toEqual(['category', 'month', 'status', 'text']);
  });
});
