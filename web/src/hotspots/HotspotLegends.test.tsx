import { render, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { Emerging } from '../api/types';
import { I18nProvider, type Locale } from '../i18n/i18n';
import { EmergingLegend, GiLegend } from './HotspotLegends';

function inLocale(locale: Locale, node: React.ReactNode) {
  return render(<I18nProvider locale={locale}>{node}</I18nProvider>);
}

const cell = (h3: string, name: Emerging['cells'][number]['class']) => ({
  h3,
  class: name,
  trend: { z: 0, p: 1 },
  bins: [0, 1],
});

describe('hotspot legends', () => {
  test('Gi*: seven classes, hot to cold, with the confidence and FDR note, in Russian and English', () => {
    inLocale('ru', <GiLegend />);
    const ru = screen.getByRole('figure', { name: 'Статистически значимый очаг' });
    expect(ru.textContent).toContain('значимость 90/95/99 %, поправка FDR');
    expect(within(ru).getAllByRole('listitem')).toHaveLength(7);
    inLocale('en', <GiLegend />);
    const en = screen.getByRole('figure', { name: 'Statistically significant hot spot' });
    expect(en.textContent).toContain('90/95/99 % confidence, FDR-corrected');
    expect(within(en).getAllByRole('listitem')[0]?.textContent).toBe('Hot spot, 99 % confidence');
  });

  test('Emerging: the classes present, each with its glyph beside its name', () => {
    const answer = {
      res: 8,
      k: 1,
      step: 'week',
      steps: 12,
      from: null,
      to: null,
      cells: [
        cell('a', 'intensifying-hot'),
        cell('b', 'new-hot'),
        cell('c', 'no-pattern'),
        cell('d', 'new-hot'),
      ],
    } as Emerging;
    inLocale('ru', <EmergingLegend answer={answer} />);
    const legend = screen.getByRole('figure', { name: 'Динамика очагов за 12 нед.' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['★Новый очаг', '▲Усиливающийся очаг', 'Без тенденции']);
  });
});
