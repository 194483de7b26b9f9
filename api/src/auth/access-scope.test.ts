import { describe, expect, test } from 'vitest';
import { type AccessScope, resolveScope } from './access-scope';
import { UnauthorizedError } from './auth-errors';

const municipal: AccessScope = { role: 'municipal', districtIds: [3, 7], isPublic: false };
const regional: AccessScope = { role: 'regional', districtIds: 'all', isPublic: false };

describe('resolveScope', () => {
  const district = (id: number) => ({ id, name: `d${id}` });
  test('municipal: exactly their districts', () => {
    expect(
      resolveScope({ user: { role: 'municipal', districts: [district(3), district(7)] }, publicMap: true }),
    ).toEqual(municipal);
  });
  test('admin and regional: all districts, whatever is granted', () => {
    expect(
      resolveScope({ user: { role: 'admin', districts: [district(3)] }, publicMap: false }).districtIds,
    ).toBe('all');
    expect(resolveScope({ user: { role: 'regional', districts: [] }, publicMap: false })).toEqual(regional);
  });
  test('anonymous: public when the public map is on, 401 when it is off', () => {
    expect(resolveScope({ user: null, publicMap: true })).toEqual({
      role: 'public',
      districtIds: 'all',
      isPublic: true,
    });
    expect(() => resolveScope({ user: null, publicMap: false })).toThrow(UnauthorizedError);
  });
});
