import { describe, expect, test } from 'vitest';
import { isConnectionFault } from './connection-fault';

const withCode = (code: string) => Object.assign(new Error('x'), { code });

describe('isConnectionFault', () => {
  test.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'CONNECTION_CLOSED',
    'CONNECTION_ENDED',
    'CONNECT_TIMEOUT',
    '57P01',
    '57P03',
    '08006',
    '08P01',
  ])('%s is a connection fault', (code) => {
    expect(isConnectionFault(withCode(code))).toBe(true);
  });

  test.each([
    '23505', // unique_violation: the request's own fault
    '42P01', // undefined_table: a bug or a missing migration, not a blip
    '57014', // query_canceled
    'UNSAFE_TRANSACTION',
  ])('%s is not', (code) => {
    expect(isConnectionFault(withCode(code))).toBe(false);
  });

  test('errors without a string code are not', () => {
    expect(isConnectionFault(new Error('ECONNRESET'))).toBe(false);
    expect(isConnectionFault(null)).toBe(false);
    expect(isConnectionFault(Object.assign(new Error('x'), { code: 57 }))).toBe(false);
  });
});
