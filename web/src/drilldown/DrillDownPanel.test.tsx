import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import type { Message } from '../api/types';
import { I18nProvider } from '../i18n/i18n';
import { DrillDownPanel } from './DrillDownPanel';
import type { LoadPage } from './use-message-pages';

function createMessage(index: number): Message {
  const created = Date.UTC(2024, 4, 30, 10) - index * 3_600_000;
  return {
    id: String(1000 - index),
    createdAt: new Date(created).toISOString(),
    answeredAt: index % 2 === 0 ? new Date(created + 150 * 60_000).toISOString() : null,
    resolvedAt: null,
    category: 'Úthiba',
    source: 'jarokelo',
    status: index % 2 === 0 ? 'answered' : 'new',
    statusRaw: null,
    title: index === 3 ? 'Kátyú a Bartók Béla úton' : `Bejelentés ${index}`,
    text: 'Nagy gödör az úttesten.',
    address: 'XI. kerület, Bartók Béla út 12',
    executor: null,
    url: `https://jarokelo.hu/bejelentesek/budapest/${1000 - index}/x`,
    districtId: 11,
    district: 'XI. kerület',
    street: 'Bartók Béla út',
    lat: 47.47,
    lon: 19.04,
  };
}

/** An in-memory stand-in for the cell endpoint: newest first, keyset cursor, substring search. */
function createLoader(count: number, pageSize: number): { loadPage: LoadPage; calls: string[] } {
  const all = Array.from({ length: count }, (_, index) => createMessage(index));
  const calls: string[] = [];
  const loadPage: LoadPage = async (cursor, query) => {
    calls.push(`${cursor ?? '-'}|${query}`);
    const matching = all.filter(
      (message) => !query || (message.title ?? '').toLowerCase().includes(query.toLowerCase()),
    );
    const start = cursor ? matching.findIndex((message) => message.id === cursor) + 1 : 0;
    const messages = matching.slice(start, start + pageSize);
    const last = messages.at(-1);
    return {
      messages,
      nextCursor: start + pageSize < matching.length && last ? last.id : null,
      place: { district: 'XI. kerület', street: 'Bartók Béla út', label: 'XI. kerület, Bartók Béla út' },
    };
  };
  return { loadPage, calls };
}

function renderPanel(loadPage: LoadPage, onClose = () => {}) {
  return render(
    <I18nProvider locale="ru">
      <DrillDownPanel
        cell="881e031b3bfffff"
        total={7}
        loadPage={loadPage}
        timeZone="Europe/Budapest"
        onClose={onClose}
        searchDelay={0}
      />
    </I18nProvider>,
  );
}

describe('DrillDownPanel', () => {
  test('is a region with a list of the messages, newest first, with the details a clerk needs', async () => {
    renderPanel(createLoader(3, 10).loadPage);
    const region = screen.getByRole('region', { name: 'Обращения в выбранной ячейке' });
    const list = within(region).getByRole('list', { name: 'Список обращений' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    const first = within(list).getAllByRole('article')[0] as HTMLElement;
    expect(within(first).getByRole('heading').textContent).toBe('Bejelentés 0');
    expect(first.textContent).toContain('30 мая 2024 г., 12:00'); // 10:00Z in Budapest summer time
    expect(first.textContent).toContain('Ответ через 2,5 ч');
    expect(first.textContent).toContain('Дан ответ');
    expect(within(first).getByRole('link', { name: 'Открыть оригинал' }).getAttribute('href')).toBe(
      'https://jarokelo.hu/bejelentesek/budapest/1000/x',
    );
    expect(screen.getByText('Это все обращения')).toBeTruthy();
  });

  test("its title is the cell's place from the answer: district and street", async () => {
    renderPanel(createLoader(3, 10).loadPage);
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('XI. kerület, Bartók Béla út'),
    );
  });

  test('loads the next page on demand and shows every message once', async () => {
    const user = userEvent.setup();
    const { loadPage, calls } = createLoader(7, 3);
    renderPanel(loadPage);
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Показать ещё' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(6));
    await user.click(screen.getByRole('button', { name: 'Показать ещё' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(7));
    const ids = screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(new Set(ids).size).toBe(7);
    expect(calls).toEqual(['-|', '998|', '995|']);
    expect(screen.queryByRole('button', { name: 'Показать ещё' })).toBeNull();
  });

  test('search restarts the list with the query', async () => {
    const user = userEvent.setup();
    const { loadPage, calls } = createLoader(7, 3);
    renderPanel(loadPage);
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(3));
    await user.type(screen.getByRole('searchbox', { name: 'Поиск по тексту' }), 'bartók');
    // Each keystroke may restart the search; wait for the one with the whole word.
    await waitFor(() => expect(calls.at(-1)).toBe('-|bartók'));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Kátyú a Bartók Béla úton');
  });

  test('an empty cell says so; a failing server shows an error with retry', async () => {
    renderPanel(createLoader(0, 3).loadPage);
    await waitFor(() => expect(screen.getByText('Нет обращений')).toBeTruthy());
  });

  test('a failure shows an alert and retry recovers', async () => {
    const user = userEvent.setup();
    let fail = true;
    const { loadPage } = createLoader(2, 5);
    renderPanel(async (cursor, query, signal) => {
      if (fail) throw new Error('HTTP 503');
      return loadPage(cursor, query, signal);
    });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('HTTP 503'));
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Повторить' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(2));
  });

  test('Escape and the close button close it; it takes focus when opened', async () => {
    const user = userEvent.setup();
    let closed = 0;
    renderPanel(createLoader(1, 5).loadPage, () => {
      closed += 1;
    });
    expect(document.activeElement?.textContent).toBe('Обращения в ячейке');
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Закрыть' }));
    expect(closed).toBe(2);
  });
});
