import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MapCaption } from './map-caption';

export interface CsvExportDialogProps {
  caption: MapCaption;
  /** The export address for the visible area and for the whole region (the caller's districts). */
  visibleHref: string;
  regionHref: string;
}

/**
 * The CSV export as a button that opens a small panel saying what will be exported (filters, period)
 * with the choice of area, and the download as a plain link: the browser downloads the file itself
 * with the session cookie, and the server keeps its scope rules whatever is asked.
 */
export function CsvExportDialog({ caption, visibleHref, regionHref }: CsvExportDialogProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [area, setArea] = useState<'visible' | 'region'>('visible');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const name = useId();

  useEffect(() => {
    if (open) panelRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div className="csv-export">
      <button
        ref={buttonRef}
        type="button"
        className="export-button"
        title={t('export.csvHint')}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((value) => !value)}
      >
        {t('export.csv')}
      </button>
      {open && (
        <div
          ref={panelRef}
          className="csv-export__panel"
          role="dialog"
          aria-labelledby={titleId}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <h2 id={titleId} className="csv-export__title">
            {t('export.csvTitle')}
          </h2>
          <p>{t('export.csvWhat')}</p>
          <ul className="csv-export__what">
            <li>{caption.period}</li>
            <li>{caption.filters}</li>
          </ul>
          <fieldset className="csv-export__area">
            <legend>{t('export.areaLabel')}</legend>
            <label>
              <input
                type="radio"
                name={name}
                checked={area === 'visible'}
                onChange={() => setArea('visible')}
              />
              {t('export.areaVisible')}
            </label>
            <label>
              <input
                type="radio"
                name={name}
                checked={area === 'region'}
                onChange={() => setArea('region')}
              />
              {t('export.areaRegion')}
            </label>
          </fieldset>
          <div className="csv-export__actions">
            <a className="export-button" href={area === 'visible' ? visibleHref : regionHref} download>
              {t('export.csvDownload')}
            </a>
            <button type="button" className="export-button" onClick={close}>
              {t('export.close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
