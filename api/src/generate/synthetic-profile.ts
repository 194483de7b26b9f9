/**
 * What the synthetic data looks like: categories with their seasons, agencies and phrases, the
 * daily and weekly rhythm, the source mix. Shaped after public ЦУР reports (see docs/domain.md).
 */
export interface CategoryProfile {
  name: string;
  /** Share of all messages in an average month. */
  weight: number;
  /** Relative intensity per month, January first. */
  season: readonly number[];
  executor: string;
  phrases: readonly string[];
}

const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] as const;

export const CATEGORIES: readonly CategoryProfile[] = [
  {
    name: 'ЖКХ',
    weight: 18,
    season: FLAT,
    executor: 'Управляющая компания',
    phrases: ['Течёт крыша в подъезде', 'Не работает лифт', 'Грязно в подъезде', 'Сломана входная дверь'],
  },
  {
    name: 'Дороги',
    weight: 14,
    season: [0.6, 0.7, 1.3, 1.8, 1.6, 1.1, 0.9, 0.9, 1, 1, 0.7, 0.5],
    executor: 'Дорожная служба',
    phrases: ['Яма на дороге', 'Разбит асфальт во дворе', 'Провал дорожного покрытия', 'Нет разметки'],
  },
  {
    name: 'Отопление',
    weight: 10,
    season: [2.2, 2, 1.5, 0.8, 0.15, 0.05, 0.05, 0.05, 0.4, 1.6, 2.2, 2.4],
    executor: 'Теплоснабжающая организация',
    phrases: [
      'Холодные батареи',
      'Нет отопления в квартире',
      'Слабый напор горячей воды',
      'Протечка батареи',
    ],
  },
  {
    name: 'Мусор',
    weight: 11,
    season: [0.8, 0.8, 0.9, 1, 1.2, 1.3, 1.3, 1.2, 1, 0.9, 0.8, 0.8],
    executor: 'Региональный оператор ТКО',
    phrases: ['Не вывозят мусор', 'Переполнены контейнеры', 'Стихийная свалка', 'Мусор на площадке'],
  },
  {
    name: 'Благоустройство дворов',
    weight: 9,
    season: [0.4, 0.4, 0.7, 1.2, 1.6, 1.6, 1.5, 1.4, 1.1, 0.8, 0.5, 0.4],
    executor: 'Администрация района',
    phrases: ['Сломаны качели', 'Не покошена трава', 'Упавшее дерево', 'Нет скамеек во дворе'],
  },
  {
    name: 'Снег и наледь',
    weight: 7,
    season: [3, 2.8, 1.6, 0.2, 0, 0, 0, 0, 0, 0.1, 1, 2.6],
    executor: 'Управляющая компания',
    phrases: ['Не убран снег', 'Наледь на тротуаре', 'Сосульки на крыше', 'Не чищена дорога'],
  },
  {
    name: 'Освещение',
    weight: 6,
    season: [1.4, 1.2, 1, 0.8, 0.6, 0.5, 0.5, 0.7, 0.9, 1.2, 1.5, 1.6],
    executor: 'Горсвет',
    phrases: ['Не горят фонари', 'Темно во дворе', 'Фонарь мигает', 'Нет освещения на остановке'],
  },
  {
    name: 'Общественный транспорт',
    weight: 8,
    season: [1, 1, 1, 1, 0.9, 0.8, 0.8, 0.9, 1.2, 1.1, 1, 1],
    executor: 'Транспортное предприятие',
    phrases: ['Автобус не пришёл', 'Переполненный автобус', 'Грубый водитель', 'Изменили маршрут'],
  },
  {
    name: 'Водоснабжение',
    weight: 7,
    season: [0.9, 0.9, 0.9, 1, 1.3, 1.6, 1.4, 1.1, 0.9, 0.9, 0.9, 0.9],
    executor: 'Водоканал',
    phrases: ['Нет горячей воды', 'Ржавая вода из крана', 'Прорыв трубы', 'Низкое давление воды'],
  },
  {
    name: 'Здравоохранение',
    weight: 6,
    season: [1.3, 1.3, 1.1, 1, 0.9, 0.8, 0.8, 0.8, 0.9, 1.1, 1.2, 1.3],
    executor: 'Министерство здравоохранения',
    phrases: ['Не дозвониться в поликлинику', 'Нет записи к врачу', 'Долгое ожидание скорой', 'Нет лекарств'],
  },
  {
    name: 'Образование',
    weight: 4,
    season: [1, 1, 1, 1, 0.9, 0.5, 0.3, 0.9, 1.9, 1.2, 1, 1],
    executor: 'Управление образования',
    phrases: ['Нет мест в детском саду', 'Холодно в школе', 'Очередь в школу', 'Ремонт школы затянулся'],
  },
];

/** Sources with their share and the median minutes to a first answer (the federal platform is slower). */
export const SOURCES = [
  { name: 'vk', weight: 38, answerMedianMinutes: 150 },
  { name: 'telegram', weight: 20, answerMedianMinutes: 120 },
  { name: 'ok', weight: 14, answerMedianMinutes: 180 },
  { name: 'gosuslugi', weight: 28, answerMedianMinutes: 420 },
] as const;

/** Messages per hour of the local day: quiet at night, peaks in the morning and the evening. */
export const HOURLY = [
  0.25, 0.15, 0.1, 0.08, 0.08, 0.15, 0.4, 0.9, 1.4, 1.7, 1.6, 1.5, 1.4, 1.4, 1.4, 1.4, 1.5, 1.6, 1.8, 1.9,
  1.7, 1.3, 0.9, 0.5,
] as const;

/** Messages per day of the week, Sunday first: fewer at the weekend. */
export const WEEKLY = [0.7, 1.15, 1.1, 1.05, 1.05, 1, 0.75] as const;
