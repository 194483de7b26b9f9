import type { MessageStatus } from '../status/message-status';
import { localDate } from '../time/local-date';
import type { KnownAuthors } from './author-names';
import { scrubPersonalData } from './scrub-personal-data';

/**
 * The only fields a public (no sign-in) drill-down may show about a single message. Author, contact, exact
 * address, coordinates, source link and executor never leave the API in public.
 */
export interface PublicMessage {
  category: string | null;
  /** Local month of creation, 'YYYY-MM': the public bucket, never the day or the time. */
  month: string;
  status: MessageStatus;
  /** Scrubbed text; present only with includeText. */
  text?: string;
}

/**
 * The public view of a message: only the fields of PublicMessage, built field by field so that nothing
 * else on the input object can slip through.
 */
export function toPublicMessage(
  message: { category: string | null; createdAt: Date; status: MessageStatus; text?: string | null },
  options: {
    timeZone: string;
    includeText?: boolean;
    /** For the scrubber: the message's own author and the registered authors (docs/privacy.md). */
    author?: string | null;
    knownAuthors?: KnownAuthors;
  },
): PublicMessage {
  const result: PublicMessage = {
    category: message.category,
    month: localDate(message.createdAt, options.timeZone).slice(0, 7),
    status: message.status,
  };
  if (options.includeText) {
    result.text = scrubPersonalData(message.text ?? '', {
      author: options.author ?? null,
      ...(options.knownAuthors ? { knownAuthors: options.knownAuthors } : {}),
    });
  }
  return result;
}
