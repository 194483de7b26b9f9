import { describe, expect, test } from 'vitest';
import { streetOfAddress } from './street-of-address';

describe('streetOfAddress', () => {
  test.each([
    ['VIII. kerület, Józsefváros,  Bródy Sándor u. 13', 'Bródy Sándor u.'],
    ['VII. kerület, Erzsébetváros,  Erzsébet krt. 25-27', 'Erzsébet krt.'],
    ['XII. kerület, Hegyvidék,  Apor Vilmos tér', 'Apor Vilmos tér'],
    ['1052 Budapest, Váci utca 12/a', 'Váci utca'],
    ['Andrássy út 60., Budapest 1062', 'Andrássy út'],
    ['XIII. kerület,  Margit híd', 'Margit híd'],
    ['I. kerület, Várkerület,  Déli pályaudvar M', 'Déli pályaudvar M'],
  ])('Hungarian: %s → %s', (address, street) => {
    expect(streetOfAddress(address)).toBe(street);
  });

  test.each([
    ['г. Москва, ул. Тверская, д. 7', 'ул. Тверская'],
    ['Санкт-Петербург, Невский проспект, 28к2', 'Невский проспект'],
    ['Екатеринбург, ул. Ленина, д.5, кв. 12', 'ул. Ленина'],
    ['Москва, Кутузовский пр-т, дом 30, корп. 2', 'Кутузовский пр-т'],
    ['620014, г. Екатеринбург, пер. Банковский 8А', 'пер. Банковский'],
  ])('Russian: %s → %s', (address, street) => {
    expect(streetOfAddress(address)).toBe(street);
  });

  test('nothing but a postcode and a city, or no address: null', () => {
    expect(streetOfAddress('1052 Budapest')).toBeNull();
    expect(streetOfAddress('г. Москва, 101000')).toBeNull();
    expect(streetOfAddress('')).toBeNull();
    expect(streetOfAddress(null)).toBeNull();
  });
});
