import { expect, test } from 'vitest';
import { walDistance } from './replica-report';

test('walDistance: bytes between two WAL positions, across the 4 GB boundary of the high half', () => {
  expect(walDistance('0/3000148', '0/3000060')).toBe(0xe8);
  expect(walDistance('1/10', '0/FFFFFFF0')).toBe(0x20);
  expect(walDistance('0/10', '0/20')).toBe(0);
});
