import { describe, expect, test } from 'vitest';
import { checkMapping, IDENTITY_MAPPING, MappingError, parseMappingOption } from './field-mapping';
import { JAROKELO_MAPPING, looksLikeJarokelo } from './jarokelo-mapping';
import { recordToMessage, rowHash } from './record-to-message';

const options = { mapping: IDENTITY_MAPPING, timezone: 'Europe/Budapest' };
const good = () => ({
  id: 'x1',
  createdAt: '2024-05-01T10:00:00Z',
  category: 'Roads',
  lat: 47.5,
  lon: 19.05,
});
const reason = (record: Record<string, unknown>) => {
  const r = recordToMessage(record, options);
  return 'reason' in r ? r.reason : undefined;
};

describe('recordToMessage', () => {
  test('a minimal record becomes a new message from source "import"', () => {
    const r = recordToMessage(good(), options);
    expect('message' in r && r.message).toMatchObject({
      externalId: 'x1',
      source: 'import',
      status: 'new',
      lat: 47.5,
      lon: 19.05,
      answeredAt: null,
    });
  });
  test('each bad value has its own reason', () => {
    expect(reason({ ...good(), lat: undefined })).toBe('missing coordinate lat (column "lat")');
    expect(reason({ ...good(), lon: 'east' })).toBe('coordinate lon (column "lon") is not a number: "east"');
    expect(reason({ ...good(), lat: 90.5 })).toBe('latitude 90.5 is outside [-90, 90]');
    expect(reason({ ...good(), lon: -181 })).toBe('longitude -181 is outside [-180, 180]');
    expect(reason({ ...good(), category: '  ' })).toBe('empty category (column "category")');
    expect(reason({ ...good(), createdAt: '2024-02-30' })).toMatch(/^createdAt "2024-02-30" is not a date/);
    expect(reason({ ...good(), createdAt: '' })).toBe('missing createdAt (column "createdAt")');
    expect(reason({ ...good(), answeredAt: '2024-04-01' })).toBe('answeredAt is before createdAt');
    expect(reason({ ...good(), status: 'lost in space' })).toMatch(/^unknown status "lost in space"/);
    expect(reason({ ...good(), text: 'broken\u0000text' })).toBe(
      'column "text" (text) contains a NUL character, which cannot be stored',
    );
  });
  test('without an id the same record gets the same id, whatever its key order', () => {
    const { id: _, ...a } = good();
    const b = { lon: 19.05, lat: 47.5, category: 'Roads', createdAt: '2024-05-01T10:00:00Z' };
    const idOf = (rec: Record<string, unknown>) => {
      const r = recordToMessage(rec, options);
      return 'message' in r ? r.message.externalId : undefined;
    };
    expect(idOf(a)).toBe(idOf(b));
    expect(idOf(a)).toBe(rowHash(b));
    expect(idOf({ ...a, category: 'Water' })).not.toBe(idOf(a));
  });
  test('the Járókelő mapping reads the id from the url and maps its statuses', () => {
    const row = {
      url: 'https://jarokelo.hu/bejelentesek/budapest/134516/kitort-oszlopok',
      date: '2023-11-30',
      category: 'Forgalomtechnika',
      first_authority_response_date: '2023-12-06',
      status: 'Megerősítésre vár',
      resolution_date: null,
      latitude: '47.49272211',
      longitude: '19.06619580',
    };
    expect(looksLikeJarokelo(row)).toBe(true);
    const r = recordToMessage(row, { mapping: JAROKELO_MAPPING, timezone: 'Europe/Budapest' });
    expect('message' in r && r.message).toMatchObject({
      source: 'jarokelo',
      externalId: '134516',
      status: 'answered',
      statusRaw: 'Megerősítésre vár',
      createdAt: new Date('2023-11-29T23:00:00Z'),
      answeredAt: new Date('2023-12-05T23:00:00Z'),
      lat: 47.49272211,
    });
  });
});

describe('parseMappingOption', () => {
  test('maps fields onto columns, keeping the rest of the base', () => {
    const m = parseMappingOption('createdAt=created, lat=y,lon=x');
    expect(m.columns).toMatchObject({ createdAt: 'created', lat: 'y', lon: 'x', category: 'category' });
  });
  test('an unknown field is a MappingError naming it', () => {
    expect(() => parseMappingOption('createdAt=created,colour=c')).toThrow(MappingError);
    expect(() => parseMappingOption('colour=c')).toThrow(/unknown field "colour"/);
    expect(() => parseMappingOption('lat')).toThrow(/not field=column/);
  });
  test('a mapping without a required field is refused', () => {
    expect(() => checkMapping({ columns: { createdAt: 'a', category: 'b', lat: 'c' } })).toThrow(/lon/);
  });
});
