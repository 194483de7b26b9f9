import { describe, expect, test } from 'vitest';
import { streetSearchWords } from './street-key';
import { streetOf } from './street-of';

describe('streetOf', () => {
  test('house and flat numbers are stripped, the name kept as written', () => {
    expect(streetOf('VIII. kerület, Józsefváros,  Bródy Sándor u. 13')).toEqual({
      name: 'Bródy Sándor u.',
      key: 'brody sandor utca',
    });
    expect(streetOf('Екатеринбург, ул. Ленина, д.5, кв. 12')).toEqual({
      name: 'ул. Ленина',
      key: 'ленина улица',
    });
  });

  test.each([
    ['Bródy Sándor u. 13', 'BRÓDY SÁNDOR UTCA 2/b', 'Brody  Sandor utca, 1088 Budapest'],
    ['Erzsébet krt. 25-27', 'Erzsébet körút 3', 'erzsebet KRT 1'],
    ['Városligeti fasor 7', 'Városligeti  fasor, 1068', 'VÁROSLIGETI FASOR'],
    ['г. Москва, ул. Тверская, д. 7', 'Москва, Тверская улица, 12', 'ул.Тверская, 3'],
    ['Санкт-Петербург, Невский проспект, 28к2', 'Невский пр-т 1', 'пр. Невский, д. 4'],
    ['Москва, Ёлочная ул. 3', 'Елочная улица, 5', 'ул Ёлочная'],
  ])('spelling variants of one street share a key: %s | %s | %s', (a, b, c) => {
    const keys = [a, b, c].map((address) => streetOf(address)?.key);
    expect(keys[0]).toBeTruthy();
    expect(new Set(keys).size).toBe(1);
  });

  test('different streets keep different keys', () => {
    expect(streetOf('Erzsébet krt. 1')?.key).toBe('erzsebet korut');
    expect(streetOf('Erzsébet tér 1')?.key).toBe('erzsebet ter');
    expect(streetOf('Ленинский проспект 1')?.key).not.toBe(streetOf('ул. Ленина 1')?.key);
  });

  test('no street: null', () => {
    expect(streetOf('1052 Budapest')).toBeNull();
    expect(streetOf('')).toBeNull();
    expect(streetOf(null)).toBeNull();
  });
});

describe('streetSearchWords', () => {
  test('typed words folded, street types dropped', () => {
    expect(streetSearchWords('ул. Тв')).toEqual(['тв']);
    expect(streetSearchWords('Bródy u')).toEqual(['brody']);
    expect(streetSearchWords('utca')).toEqual([]);
  });
});
