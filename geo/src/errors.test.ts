import { describe, expect, test } from 'vitest';
import { GeoError, GeoErrorCode } from './errors';

describe('GeoError', () => {
  test('carries its code and is an Error', () => {
    const error = new GeoError('E_BBOX_INVALID', 'bad box');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'GeoError', code: 'E_BBOX_INVALID', message: 'bad box' });
  });

  test('every code is named after itself', () => {
    for (const [key, value] of Object.entries(GeoErrorCode)) expect(value).toBe(key);
  });
});
