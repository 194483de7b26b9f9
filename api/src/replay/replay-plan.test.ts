import { describe, expect, test } from 'vitest';
import type { MessageInput } from '../ingest/message-input';
import { batchesOf, dueAt, recordForEvent, replayEvents } from './replay-plan';

const message = (id: string, created: string, answered?: string, resolved?: string): MessageInput => ({
  source: 'file',
  externalId: id,
  category: 'Roads',
  title: 'Pothole',
  text: null,
  author: 'Anna',
  authorUrl: null,
  address: 'Fő utca 1',
  executor: null,
  url: null,
  status: resolved ? 'resolved' : answered ? 'answered' : 'new',
  statusRaw: null,
  createdAt: new Date(created),
  answeredAt: answered ? new Date(answered) : null,
  resolvedAt: resolved ? new Date(resolved) : null,
  lat: 47.5,
  lon: 19.05,
});

describe('replayEvents', () => {
  test("every moment of every message, oldest first, a message's moments in their order", () => {
    const events = replayEvents([
      message('a', '2024-01-01T10:00:00Z', '2024-01-03T10:00:00Z', '2024-01-05T10:00:00Z'),
      message('b', '2024-01-02T10:00:00Z'),
      message('c', '2024-01-03T10:00:00Z', '2024-01-03T10:00:00Z'),
    ]);
    expect(events.map((e) => `${e.externalId}:${e.kind}`)).toEqual([
      'a:created',
      'b:created',
      'c:created',
      'a:answered',
      'c:answered',
      'a:resolved',
    ]);
  });
});

describe('recordForEvent', () => {
  const resolved = message('a', '2024-01-01T10:00:00Z', '2024-01-03T10:00:00Z', '2024-01-05T10:00:00Z');
  const events = replayEvents([resolved]);
  const nth = (i: number) => {
    const event = events[i];
    if (!event) throw new Error(`no event ${i}`);
    return event;
  };
  const [created, answered, done] = [nth(0), nth(1), nth(2)];
  const same = (at: number) => new Date(at);

  test('a message arrives new, without the answer it does not have yet', () => {
    expect(recordForEvent(created, same)).toEqual({
      id: 'a',
      createdAt: '2024-01-01T10:00:00.000Z',
      category: 'Roads',
      lat: 47.5,
      lon: 19.05,
      status: 'new',
      title: 'Pothole',
      author: 'Anna',
      address: 'Fő utca 1',
    });
  });

  test('then answered, then with its final status and both dates', () => {
    expect(recordForEvent(answered, same)).toMatchObject({
      status: 'answered',
      answeredAt: '2024-01-03T10:00:00.000Z',
    });
    expect(recordForEvent(answered, same).resolvedAt).toBeUndefined();
    expect(recordForEvent(done, same)).toMatchObject({
      status: 'resolved',
      answeredAt: '2024-01-03T10:00:00.000Z',
      resolvedAt: '2024-01-05T10:00:00.000Z',
    });
  });

  test('a status without a date for it comes with the creation', () => {
    const closed = { ...message('z', '2024-01-01T10:00:00Z'), status: 'closed_unresolved' as const };
    const [event] = replayEvents([closed]);
    expect(event && recordForEvent(event, same).status).toBe('closed_unresolved');
  });

  test('every instant goes through the stamp (--shift-to-now)', () => {
    const stamp = (at: number) => new Date(at + 86_400_000);
    expect(recordForEvent(done, stamp)).toMatchObject({
      createdAt: '2024-01-02T10:00:00.000Z',
      answeredAt: '2024-01-04T10:00:00.000Z',
      resolvedAt: '2024-01-06T10:00:00.000Z',
    });
  });
});

describe('dueAt', () => {
  test('the first event at the start, the rest compressed by the speed', () => {
    expect(dueAt(1000, 1000, 50_000, 10)).toBe(50_000);
    expect(dueAt(1000 + 3_600_000, 1000, 50_000, 60)).toBe(50_000 + 60_000);
  });
});

describe('batchesOf', () => {
  const r = (id: string) => ({ id, createdAt: '', category: 'x', lat: 0, lon: 0, status: 'new' });
  test('at most max records, and never one id twice in a batch', () => {
    expect(batchesOf([r('a'), r('b'), r('c')], 2).map((b) => b.map((x) => x.id))).toEqual([
      ['a', 'b'],
      ['c'],
    ]);
    expect(batchesOf([r('a'), r('b'), r('a')], 10).map((b) => b.map((x) => x.id))).toEqual([
      ['a', 'b'],
      ['a'],
    ]);
    expect(batchesOf([], 10)).toEqual([]);
  });
});
