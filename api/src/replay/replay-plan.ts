import type { MessageInput } from '../ingest/message-input';

/** One record as POST /api/v1/messages takes it. */
export interface IngestRecord {
  id: string;
  createdAt: string;
  category: string;
  lat: number;
  lon: number;
  status: string;
  answeredAt?: string;
  resolvedAt?: string;
  title?: string;
  text?: string;
  address?: string;
  executor?: string;
  url?: string;
  author?: string;
  authorUrl?: string;
}

/** A message's life as separate moments: it arrives as new, later it is answered, later resolved. */
export interface ReplayEvent {
  /** When it happened in the original data (epoch ms). */
  at: number;
  externalId: string;
  kind: 'created' | 'answered' | 'resolved';
  message: MessageInput;
}

/** Every moment of every message, oldest first (ties: creation before answer before resolution). */
export function replayEvents(messages: readonly MessageInput[]): ReplayEvent[] {
  const events: ReplayEvent[] = [];
  for (const message of messages) {
    const base = { externalId: message.externalId, message };
    events.push({ ...base, at: message.createdAt.getTime(), kind: 'created' });
    if (message.answeredAt) events.push({ ...base, at: message.answeredAt.getTime(), kind: 'answered' });
    if (message.resolvedAt) events.push({ ...base, at: message.resolvedAt.getTime(), kind: 'resolved' });
  }
  const order = { created: 0, answered: 1, resolved: 2 };
  return events.sort((a, b) => a.at - b.at || order[a.kind] - order[b.kind]);
}

/**
 * The record to send for an event, with every instant passed through `stamp` (the original, or the
 * moment it is sent under --shift-to-now). A message is sent as new when created, as answered when
 * answered, and with its final status once its last moment comes; a message with a status but no
 * dates for it (closed without an answer date) gets it at creation.
 */
export function recordForEvent(event: ReplayEvent, stamp: (at: number) => Date): IngestRecord {
  const { message } = event;
  const last = message.resolvedAt ? 'resolved' : message.answeredAt ? 'answered' : 'created';
  const status = event.kind === last ? message.status : event.kind === 'answered' ? 'answered' : 'new';
  const iso = (date: Date) => stamp(date.getTime()).toISOString();
  const record: IngestRecord = {
    id: message.externalId,
    createdAt: iso(message.createdAt),
    category: message.category,
    lat: message.lat,
    lon: message.lon,
    status,
  };
  if (event.kind !== 'created' && message.answeredAt) record.answeredAt = iso(message.answeredAt);
  if (event.kind === 'resolved' && message.resolvedAt) record.resolvedAt = iso(message.resolvedAt);
  for (const field of ['title', 'text', 'address', 'executor', 'url', 'author', 'authorUrl'] as const) {
    const value = message[field];
    if (value !== null) record[field] = value;
  }
  return record;
}

/**
 * When (wall clock, epoch ms) an event is due: the replay starts at `startedAt` with the first event
 * and runs `speed` times faster than the data did.
 */
export function dueAt(eventAt: number, firstAt: number, startedAt: number, speed: number): number {
  return startedAt + (eventAt - firstAt) / speed;
}

/**
 * The due events cut into POST bodies: at most `max` records, and never one message twice in a body
 * (the API rejects a second row with the same id in one batch: which should win?).
 */
export function batchesOf(records: readonly IngestRecord[], max: number): IngestRecord[][] {
  const batches: IngestRecord[][] = [];
  let current: IngestRecord[] = [];
  let ids = new Set<string>();
  for (const record of records) {
    if (current.length >= max || ids.has(record.id)) {
      batches.push(current);
      current = [];
      ids = new Set();
    }
    current.push(record);
    ids.add(record.id);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
