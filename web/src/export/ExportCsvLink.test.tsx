import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { exportMessagesCsvUrl } from '../api/client';
import { I18nProvider, type Locale } from '../i18n/i18n';
import { ExportCsvLink } from './ExportCsvLink';

function renderLink(locale: Locale, href: string) {
  return render(
    <I18nProvider locale={locale}>
      <ExportCsvLink href={href} />
    </I18nProvider>,
  );
}

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

describe('ExportCsvLink', () => {
  test('a download link named in Russian by default, in English when switched', () => {
    const href = exportMessagesCsvUrl({ source: 'jarokelo' });
    const { unmount } = renderLink('ru', href);
    const link = screen.getByRole('link', { name: 'Выгрузить CSV' });
    expect(link.getAttribute('href')).toBe('/api/v1/export/messages.csv?source=jarokelo');
    expect(link.hasAttribute('download')).toBe(true);
    expect(link.getAttribute('title')).toMatch(/фильтр/);
    unmount();
    renderLink('en', href);
    expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(href);
  });
});
