import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import type { Alert, AlertsQuery } from '../api/types';
import { I18nProvider, type Locale } from '../i18n/i18n';
import type { UrlState } from '../url-state/url-state';
import { AlertsPanel } from './AlertsPanel';
import { alertFocusBounds } from './alert-focus';

const SERIES = [1, 0, 2, 1, 0, 1, 3, 1, 0, 2, 1, 0, 1, 23];

function createAlert(h3: string, category: string, observed: number, expected: number): Alert {
  return {
    h3,
    categoryId: 1,
    category,
    observed,
    expected,
    p: 1e-9,
    series: [...SERIES.slice(0, 13), observed],
    district: 'XI. kerület',
    place: 'XI. kerület, Bartók Béla út',
  };
}

/** A stand-in for /alerts that records each query and answers from a table by day. */
function createLoader(byDay: Record<string, Alert[]>) {
  const queries: AlertsQuery[] = [];
  const load = async (query: AlertsQuery) => {
    queries.push(query);
    return byDay[query.day ?? ''] ?? [];
  };
  return { load, queries };
}

function renderPanel(load: ReturnType<typeof createLoader>['load'], locale: Locale = 'ru') {
  const selected: { patch: Partial<UrlState>; bounds: number[] }[] = [];
  render(
    <I18nProvider locale={locale}>
      <AlertsPanel
        load={load}
        meta={{ timezone: 'Europe/Budapest', extent: { from: null, to: '2024-06-12T15:00:00Z', bbox: null } }}
        url={{ district: ['XI. kerület'] }}
        onOpen={(patch, bounds) => selected.push({ patch, bounds })}
      />
    </I18nProvider>,
  );
  return selected;
}

describe('AlertsPanel', () => {
  test('lists the day spikes with category, place, observed against usual and the 14 days in words', async () => {
    const { load, queries } = createLoader({
      '2024-06-12': [createAlert('881e030d4dfffff', 'Úthiba', 23, 4.125)],
    });
    renderPanel(load);
    const item = await screen.findByRole('button', { name: /Úthiba/ });
    expect(item.textContent).toContain('XI. kerület, Bartók Béla út');
    expect(item.textContent).toContain('23 при норме 4,1');
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'По дням, 14 дн. до 12.06: 1, 0, 2, 1, 0, 1, 3, 1, 0, 2, 1, 0, 1, 23; норма 4,1',
    );
    expect(queries).toEqual([{ day: '2024-06-12', district: 'XI. kerület' }]);
    expect(screen.getByRole('heading').textContent).toBe('Всплески');
  });

  test('a click or Enter opens the cell on its day, with the box around it to fly to', async () => {
    const { load } = createLoader({ '2024-06-12': [createAlert('881e030d4dfffff', 'Úthiba', 23, 4)] });
    const selected = renderPanel(load);
    const item = await screen.findByRole('button', { name: /Úthiba/ });
    await userEvent.click(item);
    item.focus();
    await userEvent.keyboard('{Enter}');
    const opened = {
      patch: { cell: '881e030d4dfffff', win: 'day', from: '2024-06-12', to: '2024-06-13' },
      bounds: alertFocusBounds('881e030d4dfffff'),
    };
    expect(selected).toEqual([opened, opened]);
  });

  test('says when a day has no spikes, naming the day', async () => {
    renderPanel(createLoader({}).load);
    expect((await screen.findByRole('status')).textContent).toBe('Всплесков нет за 12.06');
  });

  test('in English', async () => {
    const { load } = createLoader({ '2024-06-12': [createAlert('881e030d4dfffff', 'Úthiba', 23, 4.125)] });
    renderPanel(load, 'en');
    const item = await screen.findByRole('button', { name: /Úthiba/ });
    expect(item.textContent).toContain('23 where 4.1 is usual');
    expect(screen.getByRole('heading').textContent).toBe('Spikes');
  });

  test('another day is asked for and shown', async () => {
    const { load, queries } = createLoader({
      '2024-06-12': [],
      '2024-06-05': [createAlert('881e030d4dfffff', 'Köztisztaság', 9, 1)],
    });
    renderPanel(load);
    await screen.findByRole('status');
    fireEvent.change(screen.getByLabelText('День'), { target: { value: '2024-06-05' } });
    const item = await screen.findByRole('button', { name: /Köztisztaság/ });
    expect(item.textContent).toContain('9 при норме 1');
    expect(queries.map((query) => query.day)).toEqual(['2024-06-12', '2024-06-05']);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
