import { useEffect } from 'react';
import { I18nProvider, type Locale } from '../i18n/i18n';
import { useUrlState } from '../url-state/use-url-state';
import { routeFor } from './routes';

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
