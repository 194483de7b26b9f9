import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { type FilterKey, type FilterOption, FilterPanel, type FilterSelection } from './FilterPanel';

const SUMMARY = '.filter-group__label';

function createOptions(): Record<FilterKey, FilterOption[]> {
  return {
    cat: [
      { value: 'Úthiba', label: 'Úthiba', count: 5400 },
      { value: 'Köztisztaság', label: 'Köztisztaság', count: 3100 },
    ],
    src: [{ value: 'jarokelo', label: 'jarokelo', count: 37869 }],
    status: [
      { value: 'new', label: 'Новое', count: 1200 },
      { value: 'resolved', label: 'Решено', count: 20000 },
    ],
    district: [{ value: 'XII. kerület', label: 'XII. kerület', count: 900 }],
  };
}

function Harness({ onSelection }: { onSelection?: (selection: FilterSelection) => void }) {
  const [selected, setSelected] = useState<FilterSelection>({ cat: [], src: [], status: [], district: [] });
  return (
    <I18nProvider locale="ru">
      <FilterPanel
        options={createOptions()}
        selected={selected}
        onChange={(key, values) => {
          const next = { ...selected, [key]: values };
          setSelected(next);
          onSelection?.(next);
        }}
      />
    </I18nProvider>
  );
}

describe('FilterPanel', () => {
  test('is a named region with one group per filter, each saying "all" at first', () => {
    render(<Harness />);
    const panel = screen.getByRole('region', { name: 'Фильтры' });
    for (const name of ['Категория', 'Источник', 'Статус', 'Район']) {
      expect(within(panel).getByText(name, { selector: SUMMARY })).toBeTruthy();
    }
    expect(within(panel).getAllByText('Все')).toHaveLength(4);
  });

  test('options show their counts grouped the Russian way', () => {
    render(<Harness />);
    const option = screen.getByRole('checkbox', { name: /Úthiba/ });
    expect(option.closest('label')?.textContent).toBe('Úthiba5\u00a0400');
  });

  test('ticking options selects several values in the listed order; clear empties the group', async () => {
    const user = userEvent.setup();
    const selections: FilterSelection[] = [];
    render(<Harness onSelection={(selection) => selections.push(selection)} />);
    await user.click(screen.getByText('Категория', { selector: SUMMARY }));
    await user.click(screen.getByRole('checkbox', { name: /Köztisztaság/ }));
    await user.click(screen.getByRole('checkbox', { name: /Úthiba/ }));
    expect(selections.at(-1)?.cat).toEqual(['Úthiba', 'Köztisztaság']);
    expect(screen.getByText('Выбрано: 2')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Сбросить' }));
    expect(selections.at(-1)?.cat).toEqual([]);
  });

  test('keyboard only: tab to a group, open it, tick an option with space', async () => {
    const user = userEvent.setup();
    const selections: FilterSelection[] = [];
    render(<Harness onSelection={(selection) => selections.push(selection)} />);
    await user.tab();
    expect(document.activeElement?.textContent).toContain('Категория');
    // jsdom has no layout, so it tabs into closed <details> too; the real tab order is tested in Chromium.
    const status = screen.getByText('Статус', { selector: SUMMARY }).closest('summary') as HTMLElement;
    status.focus();
    // jsdom does not open <details> on Enter either; Chromium does (tests/browser).
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: /Новое/ }));
    await user.keyboard(' ');
    expect(selections.at(-1)?.status).toEqual(['new']);
  });

  test('reset all clears every group', async () => {
    const user = userEvent.setup();
    const selections: FilterSelection[] = [];
    render(<Harness onSelection={(selection) => selections.push(selection)} />);
    await user.click(screen.getByText('Район', { selector: SUMMARY }));
    await user.click(screen.getByRole('checkbox', { name: /XII/ }));
    await user.click(screen.getByRole('button', { name: 'Сбросить все фильтры' }));
    expect(selections.at(-1)).toEqual({ cat: [], src: [], status: [], district: [] });
  });
});
