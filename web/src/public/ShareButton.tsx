import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { shareLinks } from './share-links';
import './share.css';

function CopyField({ label, value, multiline }: { label: string; value: string; multiline?: boolean }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const id = useId();
  const copy = async () => {
    await navigator.clipboard?.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="share__field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} readOnly rows={3} value={value} onFocus={(event) => event.target.select()} />
      ) : (
        <input id={id} readOnly value={value} onFocus={(event) => event.target.select()} />
      )}
      <button type="button" onClick={copy}>
        {copied ? t('public.copied') : t('public.copy')}
      </button>
    </div>
  );
}

/** "Share": the link to this view of the public map and an <iframe> snippet of the same view. */
export function ShareButton({ search }: { search: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const links = shareLinks(window.location.origin, search);
  return (
    <div className="share">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('public.share')}
      </button>
      {open && (
        <section className="share__panel" aria-label={t('public.share')}>
          <CopyField label={t('public.shareLink')} value={links.link} />
          <CopyField label={t('public.embedCode')} value={links.iframe} multiline />
          <button type="button" className="share__close" onClick={() => setOpen(false)}>
            {t('public.close')}
          </button>
        </section>
      )}
    </div>
  );
}
