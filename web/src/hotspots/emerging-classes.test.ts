import { describe, expect, test } from 'vitest';
import { messagesEn } from '../i18n/messages-en';
import { messagesRu } from '../i18n/messages-ru';
import { EMERGING_CLASSES, EMERGING_GLYPHS, emergingKey, emergingStyle } from './emerging-classes';

describe('emerging classes: colour, glyph and name', () => {
  test('every class but "no pattern" has its own glyph: the legend does not rely on colour alone', () => {
    const classes = EMERGING_CLASSES.filter((name) => name !== 'no-pattern');
    const glyphs = classes.map((name) => emergingStyle(name).glyph);
    expect(glyphs.every((glyph) => glyph.length === 1)).toBe(true);
    expect(new Set(glyphs).size).toBe(classes.length);
    expect(emergingStyle('no-pattern').glyph).toBe('');
    expect(EMERGING_GLYPHS).toHaveLength(16);
  });

  test('hot is the filled shape and cold the outlined one of the same pattern', () => {
    expect(emergingStyle('new-hot').glyph).toBe('★');
    expect(emergingStyle('new-cold').glyph).toBe('☆');
    expect(emergingStyle('intensifying-hot').glyph).toBe('▲');
    expect(emergingStyle('intensifying-cold').glyph).toBe('△');
  });

  test('hot classes are red-leaning and cold ones blue-leaning, every class a distinct colour', () => {
    for (const name of EMERGING_CLASSES.filter((n) => n.endsWith('-hot'))) {
      const [r, , b] = emergingStyle(name).color;
      expect(r, name).toBeGreaterThan(b);
    }
    for (const name of EMERGING_CLASSES.filter((n) => n.endsWith('-cold'))) {
      const [r, , b] = emergingStyle(name).color;
      expect(b, name).toBeGreaterThan(r);
    }
    expect(new Set(EMERGING_CLASSES.map((name) => emergingStyle(name).color.join())).size).toBe(17);
  });

  test("names in the control room's words, Russian and English; an unknown class reads as no pattern", () => {
    expect(messagesRu[emergingKey('new-hot')]).toBe('Новый очаг');
    expect(messagesRu[emergingKey('intensifying-hot')]).toBe('Усиливающийся очаг');
    expect(messagesRu[emergingKey('persistent-cold')]).toBe('Устойчивое холодное пятно');
    expect(messagesEn[emergingKey('new-hot')]).toBe('New hot spot');
    for (const name of EMERGING_CLASSES) {
      expect(messagesRu[emergingKey(name)], name).toBeTruthy();
      expect(messagesEn[emergingKey(name)], name).toBeTruthy();
    }
    expect(emergingKey('whatever')).toBe('emerging.no-pattern');
    expect(emergingStyle('whatever')).toEqual(emergingStyle('no-pattern'));
  });
});
