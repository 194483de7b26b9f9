import { describe, expect, test } from 'vitest';
import { discreteUpperTail } from './discrete-upper-tail';

describe('discreteUpperTail', () => {
  test('geometric, P(X = k) = (1 − r) r^k: the tail is r^x (summed upwards, ratio r throughout)', () => {
    const r = 0.9;
    const tail = discreteUpperTail(20, (1 - r) * r ** 20, () => r, r);
    expect(Math.abs(tail - r ** 20) / r ** 20).toBeLessThan(1e-14);
  });

  test('binomial(10, 1/2), below the mode: 1 − P(X < 3) = 1 − 56/1024', () => {
    const ratio = (k: number) => (10 - k) / (k + 1);
    expect(discreteUpperTail(3, 120 / 1024, ratio, 0)).toBe(968 / 1024);
  });

  test('binomial(10, 1/2), past the mode, the support ends: P(X >= 8) = 56/1024', () => {
    const ratio = (k: number) => (10 - k) / (k + 1);
    expect(discreteUpperTail(8, 45 / 1024, ratio, 0)).toBe(56 / 1024);
  });

  test('x <= 0 is certain', () => {
    expect(discreteUpperTail(0, 0.5, () => 0.5, 0.5)).toBe(1);
  });
});
