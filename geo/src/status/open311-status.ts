import type { MessageStatus } from './message-status';

/** Open311 GeoReport v2 knows two states of a request. */
export const OPEN311_STATUSES = ['open', 'closed'] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];

/**
 * Our statuses in Open311's two: a message is closed once it is resolved or closed unresolved; an answer
 * alone does not close it (the problem may still be there).
 */
const OPEN311_OF: Record<MessageStatus, Open311Status> = {
  new: 'open',
  in_progress: 'open',
  answered: 'open',
  resolved: 'closed',
  closed_unresolved: 'closed',
};

export function open311Status(status: MessageStatus): Open311Status {
  return OPEN311_OF[status];
}

/** Our statuses that are `status` in Open311 (a filter by status=open|closed). */
export function statusesOfOpen311(status: Open311Status): MessageStatus[] {
  return (Object.keys(OPEN311_OF) as MessageStatus[]).filter((s) => OPEN311_OF[s] === status);
}
