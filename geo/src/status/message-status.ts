/** The canonical life of a message; the raw value from the source is kept beside it. */
export const MESSAGE_STATUSES = ['new', 'in_progress', 'answered', 'resolved', 'closed_unresolved'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Raw values (lower-cased, trimmed) that mean a canonical status, for sources without a mapping of their own. */
const GENERIC_STATUSES: Record<string, MessageStatus> = {
  new: 'new',
  open: 'new',
  'in progress': 'in_progress',
  in_progress: 'in_progress',
  answered: 'answered',
  resolved: 'resolved',
  closed: 'resolved',
  done: 'resolved',
  'closed unresolved': 'closed_unresolved',
  closed_unresolved: 'closed_unresolved',
  rejected: 'closed_unresolved',
  новое: 'new',
  новый: 'new',
  'в работе': 'in_progress',
  отвечено: 'answered',
  'дан ответ': 'answered',
  решено: 'resolved',
  решён: 'resolved',
  закрыто: 'resolved',
  'не решено': 'closed_unresolved',
  отклонено: 'closed_unresolved',
};

/** The six Járókelő statuses (see shared data PROVENANCE.md for their meaning). */
export const JAROKELO_STATUSES: Record<string, MessageStatus> = {
  'Válaszra vár': 'new', // awaiting the authority's answer
  'Kiegészítésre vár': 'in_progress', // awaiting more information
  'Megoldásra vár': 'in_progress', // accepted, awaiting repair
  'Megerősítésre vár': 'answered', // authority says done, reporter has not confirmed
  Megoldott: 'resolved',
  Megoldatlan: 'closed_unresolved',
};

/**
 * The canonical status of a raw value. Without a raw status, the timestamps decide:
 * resolved if it has a resolution date, answered if it has an answer, else new.
 */
export function canonicalStatus(
  raw: string | null | undefined,
  dates: { answered: boolean; resolved: boolean },
  mapping: Record<string, MessageStatus> = GENERIC_STATUSES,
): MessageStatus | undefined {
  const value = raw?.trim();
  if (!value) return dates.resolved ? 'resolved' : dates.answered ? 'answered' : 'new';
  return mapping[value] ?? GENERIC_STATUSES[value.toLowerCase()];
}
