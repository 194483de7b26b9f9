import type { RecordMapping } from '../ingest/field-mapping';
import { openMappedFile } from '../ingest/ingest-file';
import type { MessageInput } from '../ingest/message-input';
import { recordToMessage } from '../ingest/record-to-message';
import { type ReplayEvent, replayEvents } from './replay-plan';

export interface ReplayFile {
  events: ReplayEvent[];
  /** Rows that are not messages, with why (as an import would reject them). */
  rejected: { line?: number; reason: string }[];
}

/**
 * The events of a record file, read as `import` reads it (same formats, mapping detection and
 * checks): what an import would reject is not sent.
 */
export async function readReplayFile(
  path: string,
  options: { timezone: string; mapping?: RecordMapping; source?: string },
): Promise<ReplayFile> {
  const file = await openMappedFile(path, options.mapping ? { mapping: options.mapping } : {});
  const messages: MessageInput[] = [];
  const rejected: ReplayFile['rejected'] = [];
  for await (const { line, record, reason } of file.records) {
    const conversion = reason
      ? { reason }
      : recordToMessage(record, {
          mapping: file.mapping,
          timezone: options.timezone,
          ...(options.source && { source: options.source }),
        });
    if ('message' in conversion) messages.push(conversion.message);
    else rejected.push({ ...(line !== undefined && { line }), reason: conversion.reason });
  }
  return { events: replayEvents(messages), rejected };
}
