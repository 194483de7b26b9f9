import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { jarokeloFile } from '../global-setup';

/** What the Járókelő file holds about people, read straight from the raw file for leak scans. */
export interface RawPersonalData {
  /** Reporter display names (not "Anonim Járókelő"), at least two words. */
  authors: string[];
  /** Authors whose name is also part of a street name in the data's addresses ("Kiss János altábornagy u."). */
  streetNamed: Set<string>;
  /** Profile links, without the scheme. */
  profiles: string[];
  /** E-mail addresses found in descriptions, lower case. */
  emails: string[];
  /** Phone-like runs found in descriptions, as written (+36 1 234-5678, 06/30 123 4567). */
  phones: string[];
  /** Every message point as "lat,lon" numbers (the JSON form of the 8-decimal strings). */
  points: Set<string>;
  /** Every latitude and longitude as a JSON number string. */
  coordinates: Set<string>;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// Hungarian numbers: +36 or 06, an area code, then 6 or 7 digits with spaces, dashes or slashes.
const PHONE = /(?:\+36|06)[ \-/]?\(?\d{1,2}\)?[ \-/]?\d{3}[ -]?\d{3,4}/g;

export function loadRawPersonalData(): RawPersonalData {
  const authors = new Set<string>();
  const profiles = new Set<string>();
  const emails = new Set<string>();
  const phones = new Set<string>();
  const points = new Set<string>();
  const coordinates = new Set<string>();
  const addresses: string[] = [];
  for (const line of gunzipSync(readFileSync(jarokeloFile)).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as Record<string, string | null>;
    const author = (r.author ?? '').trim();
    if (author && author !== 'Anonim Járókelő' && /\S\s+\S/.test(author)) authors.add(author);
    if (r.address) addresses.push(r.address);
    if (r.author_profile) profiles.add(r.author_profile.replace(/^https?:\/\//, ''));
    for (const m of (r.description ?? '').matchAll(EMAIL)) emails.add(m[0].toLowerCase());
    for (const m of (r.description ?? '').matchAll(PHONE)) phones.add(m[0]);
    const lat = JSON.stringify(Number(r.latitude));
    const lon = JSON.stringify(Number(r.longitude));
    points.add(`${lat},${lon}`);
    coordinates.add(lat);
    coordinates.add(lon);
  }
  const streetNamed = new Set([...authors].filter((author) => addresses.some((a) => a.includes(author))));
  return {
    authors: [...authors],
    streetNamed,
    profiles: [...profiles],
    emails: [...emails],
    phones: [...phones],
    points,
    coordinates,
  };
}

/**
 * Every personal datum of the raw file found in a response body: author names, profile links, e-mail
 * addresses, phone numbers, and numbers equal to a message's latitude or longitude (with 4+ decimals).
 */
export function findPersonalData(body: string, raw: RawPersonalData): string[] {
  const found: string[] = [];
  const lower = body.toLowerCase();
  for (const author of raw.authors) if (body.includes(author)) found.push(`author ${author}`);
  for (const profile of raw.profiles) if (body.includes(profile)) found.push(`profile ${profile}`);
  // "Tisztelt Jarokelo.hu!" names the site; a path after it is a report or profile link.
  if (/jarokelo\.hu\//i.test(body)) found.push('a jarokelo.hu link');
  for (const email of raw.emails) if (lower.includes(email)) found.push(`e-mail ${email}`);
  for (const phone of raw.phones) if (body.includes(phone)) found.push(`phone ${phone}`);
  for (const m of body.matchAll(/-?\d{1,3}\.\d{4,}/g)) {
    if (raw.coordinates.has(m[0])) found.push(`coordinate ${m[0]}`);
  }
  return found;
}
