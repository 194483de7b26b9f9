import { describe, expect, test } from 'vitest';
import { categoryOfCode, serviceCode, toService } from './services';

describe('services', () => {
  test('a service per category: code from the name, realtime, no attributes, words as keywords', () => {
    expect(toService('Út- és járdahiba')).toEqual({
      service_code: serviceCode('Út- és járdahiba'),
      service_name: 'Út- és járdahiba',
      description: 'Messages of the category "Út- és járdahiba"',
      metadata: false,
      type: 'realtime',
      keywords: 'út,és,járdahiba',
      group: 'Út- és járdahiba',
    });
  });

  test('the code is fixed by the name alone', () => {
    expect(serviceCode('Roads')).toBe('02e78db22d1c');
    expect(
      categoryOfCode(
        [
          { id: 9, name: 'Lights' },
          { id: 3, name: 'Roads' },
        ],
        '02e78db22d1c',
      ),
    ).toEqual({
      id: 3,
      name: 'Roads',
    });
    expect(categoryOfCode([{ id: 3, name: 'Roads' }], 'nope')).toBeUndefined();
  });
});
