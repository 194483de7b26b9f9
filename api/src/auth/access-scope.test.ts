import { describe, expect, test } from 'vitest';
import { type AccessScope, resolveScope, scopeDistrictFilter } from './access-scope';
import { ForbiddenError, UnauthorizedError } from './auth-errors';

const municipal: AccessScope = { role: 'municipal', districtIds: [3, 7], isPublic: false };
const regional: AccessScope = { role: 'regional', districtIds: 'all', isPublic: false };
const names = new Map([
  [3, 'III. kerület'],
  [7, 'VII. kerület'],
  [9, 'IX. kerület'],
]);

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

describe('scopeDistrictFilter', () => {
  test('no filter: the scope itself', () => {
    expect(scopeDistrictFilter(municipal, undefined)).toEqual([3, 7]);
    expect(scopeDistrictFilter(municipal, [])).toEqual([3, 7]);
    expect(scopeDistrictFilter(regional, undefined)).toBe('all');
  });
  test('a filter inside the scope narrows it', () => {
    expect(scopeDistrictFilter(municipal, [7, 7])).toEqual([7]);
    expect(scopeDistrictFilter(regional, [9])).toEqual([9]);
  });
  test('a filter naming any district outside the scope is 403, naming it', () => {
    expect(() => scopeDistrictFilter(municipal, [3, 9], (id) => names.get(id))).toThrow(
      new ForbiddenError('You may only see your own districts; IX. kerület is outside them.'),
    );
    expect(() => scopeDistrictFilter({ ...municipal, districtIds: [] }, [3])).toThrow(ForbiddenError);
  });
});
