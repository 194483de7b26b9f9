import { useI18n } from '../i18n/i18n';
import './export-csv-link.css';

export interface ExportCsvLinkProps {
  /** The export address for the view being shown (see exportMessagesCsvUrl). */
  href: string;
}

/**
 * A plain link, not a button with a fetch: the browser downloads the file itself (the server names
 * it in Content-Disposition) with the session cookie, and keyboard and screen-reader users get a
 * link that says what it does.
 */
export function ExportCsvLink({ href }: ExportCsvLinkProps) {
  const { t } = useI18n();
  return (
    <a className="export-link" href={href} download title={t('export.csvHint')}>
      {t('export.csv')}
    </a>
  );
}
