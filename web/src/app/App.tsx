import { useEffect } from 'react';
import { ApiError, fetchDistricts, fetchMeta } from '../api/client';
import { I18nProvider, type Locale, useI18n } from '../i18n/i18n';
import type { UrlState } from '../url-state/url-state';
import { HeatMapScreen } from './HeatMapScreen';
import { useRemote } from './use-remote';
import { type SetUrl, useUrlState } from './use-url-state';

function LanguageSwitch({ onChange }: { onChange(locale: Locale): void }) {
  const { t, locale } = useI18n();
  return (
    <label className="language">
      <span className="visually-hidden">{t('app.language')}</span>
      <select value={locale} onChange={(event) => onChange(event.target.value as Locale)}>
        <option value="ru">Русский</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}

/** The shell: language, the data every screen needs (meta, district shapes), loading and failure. */
function Shell({ url, setUrl }: { url: UrlState; setUrl: SetUrl }) {
  const { t } = useI18n();
  const meta = useRemote('meta', fetchMeta);
  const districts = useRemote('districts', (signal) => fetchDistricts({}, signal));
  const failure = meta.error ?? districts.error;
  const retry = () => {
    meta.retry();
    districts.retry();
  };
  const apiDown = failure instanceof ApiError && (failure.status === 0 || failure.status >= 502);
  return (
    <div className="app">
      <header className="app__header">
        <h1>{t('app.title')}</h1>
        <LanguageSwitch onChange={(lang) => setUrl({ lang })} />
      </header>
      <main className="app__main">
        {failure ? (
          <div className="page-status page-status--error" role="alert">
            <p>{apiDown ? t('app.apiDown') : t('app.error', { message: failure.message })}</p>
            <button type="button" onClick={retry}>
              {t('app.retry')}
            </button>
          </div>
        ) : meta.data && districts.data ? (
          <HeatMapScreen meta={meta.data} districts={districts.data} url={url} setUrl={setUrl} />
        ) : (
          <p className="page-status" role="status">
            {t('app.loading')}
          </p>
        )}
      </main>
    </div>
  );
}

export function App() {
  const [url, setUrl] = useUrlState();
  const locale: Locale = url.lang ?? 'ru';
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <I18nProvider locale={locale}>
      <Shell url={url} setUrl={setUrl} />
    </I18nProvider>
  );
}
