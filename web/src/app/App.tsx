import { useEffect } from 'react';
import { I18nProvider, type Locale } from '../i18n/i18n';
import { routeFor } from './routes';
import { useUrlState } from './use-url-state';

/** Language and URL state for every page; the path picks the page (see routes.ts). */
export function App() {
  const [url, setUrl] = useUrlState();
  const locale: Locale = url.lang ?? 'ru';
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const Page = routeFor(window.location.pathname);
  return (
    <I18nProvider locale={locale}>
      <Page url={url} setUrl={setUrl} />
    </I18nProvider>
  );
}
