/**
 * The only fields a public (no sign-in) drill-down may show about a single message. `month` is the local
 * month of creation (the public bucket), never the day or the time; `text` is scrubbed, and shown only where the region has enabled it.
 * Author, contact, exact address, coordinates, source link and executor never leave the API in public.
 */
export const PUBLIC_MESSAGE_FIELDS = ['category', 'month', 'status', 'text'] as const;
