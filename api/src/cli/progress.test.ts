import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { Progress } from './progress';

function capture(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  (stream as { isTTY: boolean }).isTTY = isTTY;
  return { stream, text: () => chunks.join('') };
}

describe('Progress', () => {
  test('off a terminal: plain lines with rows, rate and percent, no control codes', () => {
    const out = capture(false);
    const p = new Progress('importing x', 1000, out.stream, 0);
    p.update(250, 500);
    p.finish();
    const lines = out.text().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^importing x 50% {2}250 rows {2}[\d,]+ rows\/s/);
    expect(lines[1]).toMatch(/^importing x 100% {2}250 rows {2}[\d,]+ rows\/s {2}\d+\.\d s$/);
    expect(out.text()).not.toContain('\x1b');
  });
  test('on a terminal: a bar redrawn in place with an ETA', () => {
    const out = capture(true);
    const p = new Progress('importing x', 1000, out.stream, 0);
    p.update(100, 250);
    const text = out.text();
    expect(text.startsWith('\r\u001b[2K')).toBe(true);
    expect(text.slice(5)).toMatch(/^importing x \[#{6}\.{18}\] 25% {2}100 rows .*ETA \d+:\d\d$/);
  });
  test('prints at most once per interval', () => {
    const out = capture(false);
    const p = new Progress('x', 0, out.stream, 60_000);
    for (let i = 0; i < 100; i++) p.update(i);
    expect(out.text().split('\n').filter(Boolean)).toHaveLength(1);
  });
});
