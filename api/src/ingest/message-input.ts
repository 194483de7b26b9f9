import type { MessageStatus } from '@heatmap/geo';

/** One validated message, whatever it came from (file import, HTTP ingest, generator). */
export interface MessageInput {
  source: string;
  externalId: string;
  category: string;
  title: string | null;
  text: string | null;
  author: string | null;
  authorUrl: string | null;
  address: string | null;
  executor: string | null;
  url: string | null;
  status: MessageStatus;
  statusRaw: string | null;
  createdAt: Date;
  answeredAt: Date | null;
  resolvedAt: Date | null;
  lat: number;
  lon: number;
}

/** What every ingestion path reports. `line` for files (1-based), `index` for HTTP arrays (0-based). */
export interface IngestReport {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ line?: number; index?: number; reason: string }>;
}
