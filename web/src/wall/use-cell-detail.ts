import { useEffect, useState } from 'react';
import type { WallMessage } from './wall-api-types';
import type { WallClient } from './wall-client';
import type { DateWindow } from './wall-windows';

/** What the public API also sends about a message; the staff API adds the title and the time. */
type CellMessage = { category: WallMessage['category'] | null } & Partial<
  Pick<WallMessage, 'title' | 'createdAt'>
>;

export interface CellDetail {
  h3: string;
  categories: { name: string; count: number }[];
  latest: { key: string; title: string }[];
}

const SAMPLE = 100;

/** Top categories and latest messages of the focused hotspot, from its newest 100 messages. */
export function summariseCell(h3: string, messages: readonly CellMessage[]): CellDetail {
  const counts = new Map<string, number>();
  for (const message of messages) {
    if (message.category) counts.set(message.category, (counts.get(message.category) ?? 0) + 1);
  }
  const categories = [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, 3);
  const latest = messages
    .filter((message) => message.title)
    .slice(0, 3)
    .map((message, index) => ({
      key: `${index}:${message.createdAt ?? ''}`,
      title: message.title as string,
    }));
  return { h3, categories, latest };
}

export function useCellDetail(
  client: WallClient,
  h3: string | null,
  window: DateWindow | null,
  dataKey: string | null,
): CellDetail | null {
  const [detail, setDetail] = useState<CellDetail | null>(null);
  useEffect(() => {
    if (!h3 || !window || !dataKey) return;
    const controller = new AbortController();
    client
      .get('/cells/{h3}/messages', { path: { h3 }, query: { ...window, limit: SAMPLE } }, controller.signal)
      .then(
        (fetched) => {
          if (!controller.signal.aborted) setDetail(summariseCell(h3, fetched.body.messages));
        },
        () => {
          // A hotspot without its examples is still worth showing; the next poll retries.
        },
      );
    return () => controller.abort();
  }, [client, h3, window, dataKey]);
  return detail?.h3 === h3 ? detail : null;
}
