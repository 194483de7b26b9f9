import { render, screen } from '@testing-library/react';
import { latLngToCell } from 'h3-js';
import { describe, expect, test } from 'vitest';
import { I18nProvider, type Locale } from '../i18n/i18n';
import type { DistrictShape } from '../map/layers/district-layers';
import { WallNewsPanel } from './WallNewsPanel';
import type { WallNews } from './wall-data';

const INSIDE = latLngToCell(47.5, 19.05, 8);
const OUTSIDE = latLngToCell(47.2, 18.6, 8);
const SHAPES: DistrictShape[] = [
  {
    id: 5,
    name: 'V. kerület',
    coordinates: [
      [
        [
          [19.0, 47.45],
          [19.1, 47.45],
          [19.1, 47.55],
          [19.0, 47.55],
          [19.0, 47.45],
        ],
      ],
    ],
  },
];

const NEWS: WallNews = {
  weeks: 12,
  items: [
    { kind: 'new', h3: INSIDE },
    { kind: 'intensifying', h3: OUTSIDE },
    {
      kind: 'spike',
      h3: INSIDE,
      place: 'V. kerület, Váci utca',
      alert: {
        h3: INSIDE,
        categoryId: 3,
        category: 'Köztisztaság',
        observed: 23,
        expected: 4.125,
        p: 1e-9,
        series: Array.from({ length: 14 }, () => 4),
        district: 'V. kerület',
        place: 'V. kerület, Váci utca',
      },
    },
  ],
};

function renderPanel(locale: Locale) {
  render(
    <I18nProvider locale={locale}>
      <WallNewsPanel news={NEWS} day="2025-09-30" shapes={SHAPES} />
    </I18nProvider>,
  );
  return screen.getAllByRole('listitem').map((item) => item.textContent);
}

describe('WallNewsPanel', () => {
  test('each line numbered as on the map, its kind in words, the place, a spike with its category and figures', () => {
    expect(renderPanel('ru')).toEqual([
      '1Новый очагV. kerület',
      `2Усиливающийся очаг${OUTSIDE}`,
      '3Всплеск · KöztisztaságV. kerület, Váci utca23 при норме 4,1',
    ]);
    expect(screen.getByText('очаги: 12 нед. до 30.09; всплески: 30.09')).toBeTruthy();
  });

  test('in English', () => {
    expect(renderPanel('en')).toEqual([
      '1New hotspotV. kerület',
      `2Intensifying hotspot${OUTSIDE}`,
      '3Spike · KöztisztaságV. kerület, Váci utca23 where 4.1 is usual',
    ]);
  });
});
