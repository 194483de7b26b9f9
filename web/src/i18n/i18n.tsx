import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { messagesEn } from './messages-en';
import { type MessageKey, messagesRu } from './messages-ru';

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { ru: messagesRu, en: messagesEn };

export type Params = Record<string, string | number>;

export interface Translator {
  locale: Locale;
  t(key: MessageKey, params?: Params): string;
  /** Numbers grouped the local way (Russian uses a narrow space for thousands). */
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
}

export function createTranslator(locale: Locale): Translator {
  const dictionary = DICTIONARIES[locale];
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const formatNumber = (value: number, options?: Intl.NumberFormatOptions) => {
    const cacheKey = JSON.stringify(options ?? {});
    let format = numberFormats.get(cacheKey);
    if (!format) {
      format = new Intl.NumberFormat(locale, options);
      numberFormats.set(cacheKey, format);
    }
    return format.format(value);
  };
  return {
    locale,
    formatNumber,
    t(key, params) {
      const template = dictionary[key];
      if (!params) return template;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = params[name];
        if (value === undefined) return whole;
        return typeof value === 'number' ? formatNumber(value) : value;
      });
    },
  };
}

export function isLocale(value: string | null | undefined): value is Locale {
  return value === 'ru' || value === 'en';
}

const TranslatorContext = createContext<Translator>(createTranslator('ru'));

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const translator = useMemo(() => createTranslator(locale), [locale]);
  return <TranslatorContext value={translator}>{children}</TranslatorContext>;
}

export function useI18n(): Translator {
  return useContext(TranslatorContext);
}
