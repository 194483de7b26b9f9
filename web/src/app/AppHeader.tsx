import type { ReactNode } from 'react';
import { type Locale, useI18n } from '../i18n/i18n';
import type { SetUrl } from '../url-state/use-url-state';
import './app-header.css';

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

/** The bar across the top: a title, then whatever the audience needs (share, sign-in, the user menu). */
export function AppHeader({
  title,
  setUrl,
  children,
}: {
  title: string;
  setUrl: SetUrl;
  children?: ReactNode;
}) {
  return (
    <header className="app__header">
      <h1>{title}</h1>
      <div className="app__header-tools">
        {children}
        <LanguageSwitch onChange={(lang) => setUrl({ lang })} />
      </div>
    </header>
  );
}
