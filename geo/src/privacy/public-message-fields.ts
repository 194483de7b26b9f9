/**
 * The only fields a public (no sign-in) drill-down may show about a single message. `month` is the local
 * month of creation (the public bucket), never the day or the time; `text` is scrubbed, and shown only where the region has enabled it.
 * Author, contact, exact address, coordinates, source link and executor never leave the API in public.
 */
export const PUBLIC_MESSAGE_FIELDS = ['category', 'month', 'status', 'text'] as const;
export type PublicMessageField = (typeof PUBLIC_MESSAGE_FIELDS)[number];

/** The allow-list for one response: without `includeText`, the text is left out. */
export function publicMessageFields(options: { includeText?: boolean } = {}): readonly PublicMessageField[] {
  return options.includeText
    ? PUBLIC_MESSAGE_FIELDS
    : PUBLIC_MESSAGE_FIELDS.filter((field) => field !== 'text');
}
