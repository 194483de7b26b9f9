import { resolve } from 'node:path';
import { ConfigError } from '../config/config-error';

export interface BasemapConfig {
  /** HEATMAP_BASEMAP: a PMTiles v3 archive served at /basemap/region.pmtiles (absent: the offline outline map). */
  file: string | undefined;
  /** HEATMAP_BASEMAP_LANG: the language of street and place labels (default: the region's, else English). */
  lang: string;
  /** HEATMAP_BASEMAP_STYLE: an external MapLibre style URL, opted in to; viewers' browsers then call its host. */
  styleUrl: string | undefined;
}

/** The language most people of a region read, by its time zone: the demo's Budapest labels are Hungarian. */
const REGION_LANGUAGE: Record<string, string> = {
  'Europe/Budapest': 'hu',
  'Europe/Moscow': 'ru',
  'Europe/Berlin': 'de',
  'Europe/Vienna': 'de',
  'Europe/Paris': 'fr',
  'Europe/Warsaw': 'pl',
  'Europe/Prague': 'cs',
};

export function loadBasemapConfig(env: NodeJS.ProcessEnv, timezone: string): BasemapConfig {
  const file = env.HEATMAP_BASEMAP?.trim();
  const lang = env.HEATMAP_BASEMAP_LANG?.trim();
  if (lang && !/^[a-z]{2,3}(-[A-Za-z]+)?$/.test(lang)) {
    throw new ConfigError(`HEATMAP_BASEMAP_LANG must be a language code such as hu or en, got "${lang}"`);
  }
  const styleUrl = env.HEATMAP_BASEMAP_STYLE?.trim();
  if (styleUrl && !/^https?:\/\//.test(styleUrl)) {
    throw new ConfigError(
      `HEATMAP_BASEMAP_STYLE must be an http(s) URL of a MapLibre style, got "${styleUrl}"`,
    );
  }
  return {
    file: file ? resolve(file) : undefined,
    lang: lang || (REGION_LANGUAGE[timezone] ?? 'en'),
    styleUrl: styleUrl || undefined,
  };
}
