import { describe, expect, test } from 'vitest';
import { createTranslator } from '../i18n/i18n';
import { exportFileName } from './export-file-name';
import { mapCaption } from './map-caption';
import { pngSize } from './map-png';

describe('mapCaption', () => {
  test('title with the metric, the period and the filters, status in words (Russian)', () => {
    const caption = mapCaption(
      createTranslator('ru'),
      'Обращения',
      { category: 'Kátyú,Graffiti', status: 'new', district: undefined },
      { from: '2025-03-01', to: '2025-04-01' },
    );
    expect(caption).toEqual({
      title: 'Тепловая карта обращений — Обращения',
      period: 'Период: с 2025-03-01 по 2025-04-01 (не включая)',
      filters: 'Фильтры: Категория: Kátyú, Graffiti; Статус: Новое',
    });
  });

  test('no filters, cumulative and unknown periods (English)', () => {
    const en = createTranslator('en');
    expect(mapCaption(en, 'Messages', {}, { to: '2025-04-01' })).toMatchObject({
      period: 'Period: everything before 2025-04-01',
      filters: 'Filters: none',
    });
    expect(mapCaption(en, 'Messages', {}, null).period).toBe('Period: all');
  });
});

describe('exportFileName and pngSize', () => {
  test('the day in the region’s zone, not the viewer’s', () => {
    // 23:30 UTC on 31 March is already 1 April in Budapest.
    const ms = Date.UTC(2025, 2, 31, 23, 30);
    expect(exportFileName('png', ms, 'Europe/Budapest')).toBe('heatmap-2025-04-01.png');
    expect(exportFileName('geojson', ms, 'UTC')).toBe('heatmap-2025-03-31.geojson');
  });

  test('the map at 2× plus a 76 px caption band at 2×', () => {
    expect(pngSize(800, 600)).toEqual({ width: 1600, height: 1352 });
  });
});
