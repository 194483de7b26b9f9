import { describe, expect, test } from 'vitest';
import { parseUrlState } from '../url-state/url-state';
import { publicUrl } from './public-url';

describe('publicUrl', () => {
  test('months only, and the first value of each filter', () => {
    const url = publicUrl(
      parseUrlState('?win=day&cat=K%C3%A1ty%C3%BA,Graffiti&status=new,resolved&src=jarokelo'),
    );
    expect(url).toMatchObject({
      win: 'month',
      cat: ['Kátyú'],
      status: ['new'],
      src: ['jarokelo'],
      district: [],
    });
  });

  test('the Gi* mode stays; the emerging mode, which the public API does not serve, becomes hexagons', () => {
    expect(publicUrl(parseUrlState('?mode=gi')).mode).toBe('gi');
    expect(publicUrl(parseUrlState('?mode=emerging')).mode).toBe('hexagons');
    expect(publicUrl(parseUrlState('?mode=districts')).mode).toBe('districts');
  });
});
