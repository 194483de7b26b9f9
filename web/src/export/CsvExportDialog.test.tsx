import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { exportMessagesCsvUrl } from '../api/client';
import { I18nProvider, type Locale } from '../i18n/i18n';
import { CsvExportDialog } from './CsvExportDialog';

const VISIBLE = '/api/v1/export/messages.csv?to=2025-04-01&bbox=19,47.4,19.1,47.5';
const REGION = '/api/v1/export/messages.csv?to=2025-04-01';

describe('exportMessagesCsvUrl', () => {
  test('the map filters, window and view as the export route reads them', () => {
    expect(
      exportMessagesCsvUrl({
        category: 'Graffiti,Potholes',
        status: 'new',
        from: '2025-03-01',
        to: '2025-04-01',
        bbox: '18.9,47.4,19.2,47.6',
      }),
    ).toBe(
      '/api/v1/export/messages.csv?category=Graffiti,Potholes&status=new&from=2025-03-01&to=2025-04-01&bbox=18.9,47.4,19.2,47.6',
    );
  });

  test('no filters: every message the caller may see', () => {
    expect(exportMessagesCsvUrl({ category: undefined, district: undefined })).toBe(
      '/api/v1/export/messages.csv',
    );
  });
});

describe('CsvExportDialog', () => {
  const caption = {
    title: 'x',
    period: 'Период: с 2025-03-01 по 2025-04-01 (не включая)',
    filters: 'Фильтры: нет',
  };

  test('a button opens a panel saying what is exported; the link follows the chosen area', () => {
    renderDialog('ru');
    const button = screen.getByRole('button', { name: 'Выгрузить CSV' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Выгрузка обращений в CSV' });
    expect(dialog.textContent).toContain('2025-03-01');
    expect(dialog.textContent).toContain('Фильтры: нет');
    const link = screen.getByRole('link', { name: 'Скачать CSV' });
    expect(link.getAttribute('href')).toBe(VISIBLE);
    expect(link.hasAttribute('download')).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Весь регион' }));
    expect(link.getAttribute('href')).toBe(REGION);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  test('English too', () => {
    renderDialog('en');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(screen.getByRole('radio', { name: 'Visible area only' })).toHaveProperty('checked', true);
  });

  function renderDialog(locale: Locale) {
    return render(
      <I18nProvider locale={locale}>
        <CsvExportDialog caption={caption} visibleHref={VISIBLE} regionHref={REGION} />
      </I18nProvider>,
    );
  }
});
