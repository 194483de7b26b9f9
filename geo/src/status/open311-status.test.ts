import { describe, expect, test } from 'vitest';
import { MESSAGE_STATUSES } from './message-status';
import { open311Status, statusesOfOpen311 } from './open311-status';

describe('open311Status', () => {
  test('an answer alone leaves a request open; resolved and closed unresolved close it', () => {
    expect(MESSAGE_STATUSES.map((s) => [s, open311Status(s)])).toEqual([
      ['new', 'open'],
      ['in_progress', 'open'],
      ['answered', 'open'],
      ['resolved', 'closed'],
      ['closed_unresolved', 'closed'],
    ]);
  });

  test('the two filters split every status between them', () => {
    expect(statusesOfOpen311('open')).toEqual(['new', 'in_progress', 'answered']);
    expect(statusesOfOpen311('closed')).toEqual(['resolved', 'closed_unresolved']);
  });
});
