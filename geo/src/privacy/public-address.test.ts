import { describe, expect, test } from 'vitest';
import { publicAddress } from './public-address';

describe('publicAddress', () => {
  test.each([
    [
      'III. kerület, Óbuda-Békásmegyer,  Pünkösdfürdő u. 20',
      'III. kerület, Óbuda-Békásmegyer, Pünkösdfürdő u.',
    ],
    ['V. kerület, Belváros-Lipótváros,  Fő utca 12/B', 'V. kerület, Belváros-Lipótváros, Fő utca'],
    ['XIV. kerület, Zugló,  Gyarmat u. 58-62-E lh', 'XIV. kerület, Zugló, Gyarmat u.'],
    ['V. kerület, Belváros-Lipótváros,  Sas u 1', 'V. kerület, Belváros-Lipótváros, Sas u'],
    ['V. kerület, Belváros-Lipótváros,  3', 'V. kerület, Belváros-Lipótváros'],
    ['II. kerület,  GXQ3+74', 'II. kerület'],
    ['XII. kerület, Hegyvidék,  Nagyajtai utca', 'XII. kerület, Hegyvidék, Nagyajtai utca'],
    ['XV. kerület,  15. kerület', 'XV. kerület, 15. kerület'],
    ['г. Благовещенск, ул. Ленина, д. 5', 'г. Благовещенск, ул. Ленина'],
    [
      'Амурская область, Благовещенский район, с. Чигири, ул. Центральная 12, кв. 3',
      'Амурская область, Благовещенский район, с. Чигири, ул. Центральная',
    ],
  ])('%s', (address, expected) => {
    expect(publicAddress(address)).toBe(expected);
  });

  test('district level', () => {
    expect(publicAddress('III. kerület, Óbuda-Békásmegyer,  Pünkösdfürdő u. 20', { level: 'district' })).toBe(
      'III. kerület',
    );
    expect(
      publicAddress('Амурская область, Благовещенский район, ул. Ленина, д. 5', { level: 'district' }),
    ).toBe('Благовещенский район');
    expect(publicAddress('Magyarország, Budapest', { level: 'district' })).toBe('Magyarország');
  });

  test('missing or empty address: null', () => {
    expect(publicAddress(null)).toBeNull();
    expect(publicAddress(' , ')).toBeNull();
    expect(publicAddress('12')).toBeNull();
  });
});
