/** A hostile value for one parameter; `repeat` sends the parameter twice (an array where a scalar goes). */
export interface Payload {
  kind: 'injection' | 'oversized';
  name: string;
  value: string;
  repeat?: boolean;
}

export const INJECTIONS: Payload[] = [
  { kind: 'injection', name: 'quote OR 1=1', value: "' OR 1=1--" },
  { kind: 'injection', name: 'stacked DROP', value: '1;DROP TABLE messages' },
  { kind: 'injection', name: 'dollar quote', value: '$$' },
  { kind: 'injection', name: 'unicode quotes', value: '’ OR ‘1’=‘1' },
  { kind: 'injection', name: 'NUL byte', value: 'a\u0000b' },
  { kind: 'injection', name: 'sleep', value: "1') OR pg_sleep(5) IS NULL--" },
  { kind: 'injection', name: 'backslash', value: '\\' },
];

export const OVERSIZED: Payload[] = [
  { kind: 'oversized', name: '10 kB', value: 'x'.repeat(10 * 1024) },
  { kind: 'oversized', name: '1 MB', value: 'x'.repeat(1024 * 1024) },
  {
    kind: 'oversized',
    name: '10,000 items',
    value: Array.from({ length: 10_000 }, (_, i) => `a${i}`).join(','),
  },
  { kind: 'oversized', name: 'huge number', value: `9${'9'.repeat(400)}` },
  { kind: 'oversized', name: '1e308', value: '1e308' },
  { kind: 'oversized', name: 'negative', value: '-1' },
  { kind: 'oversized', name: 'NaN', value: 'NaN' },
  { kind: 'oversized', name: 'Infinity', value: 'Infinity' },
  { kind: 'oversized', name: 'array for a scalar', value: '7', repeat: true },
];

/** A value no data matches and every free-text parameter accepts: the answer an injection must equal. */
export const NEUTRAL = 'zzqxnomatch';

export const PAYLOADS: Payload[] = [...INJECTIONS, ...OVERSIZED];

/** The raw (URL-encoded) query or path value(s) for a payload. */
export function encodedPayload(payload: Payload): string | string[] {
  const value = encodeURIComponent(payload.value);
  return payload.repeat ? [encodeURIComponent(NEUTRAL), value] : value;
}
