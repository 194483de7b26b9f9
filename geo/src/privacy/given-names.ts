/**
 * Common given names (Hungarian, then Russian), used to spot "Family Given" / "Given Family" pairs in free
 * text. A name not in the list is caught only by the greeting and signature rules (see docs/privacy.md).
 */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  [
    // Hungarian, male
    'Ádám András Antal Árpád Attila Balázs Bálint Barnabás Béla Bence Bence Benedek Botond Csaba Dániel Dávid Dénes',
    'Dezső Domonkos Ede Elemér Endre Ernő Ferenc Gábor Gergely Gergő Géza György Gyula Henrik Imre István Iván',
    'János Jenő József Kálmán Károly Kristóf Krisztián Lajos László Levente Lőrinc Márk Márton Máté Mátyás Mihály',
    'Miklós Milán Nándor Norbert Olivér Ottó Pál Patrik Péter Richárd Róbert Roland Sándor Szabolcs Tamás Tibor',
    'Tivadar Vilmos Viktor Vince Zoltán Zsolt Zsombor',
    // Hungarian, female
    'Ágnes Alexandra Andrea Anett Anikó Anita Anna Annamária Barbara Beáta Bernadett Boglárka Borbála Csilla Dóra',
    'Dorina Edit Emese Enikő Erika Erzsébet Eszter Éva Fanni Flóra Gabriella Gizella Hajnalka Hanna Ibolya Ildikó',
    'Ilona Irén Judit Julianna Júlia Kata Katalin Klára Krisztina Laura Lilla Lili Magdolna Margit Mária Marianna',
    'Melinda Mónika Nikolett Noémi Nóra Orsolya Petra Piroska Rita Rózsa Sára Szilvia Tímea Valéria Veronika',
    'Viktória Vivien Zita Zsófia Zsuzsanna Zsuzsa',
    // Russian
    'Александр Алексей Анатолий Андрей Антон Артём Артем Борис Вадим Валентин Валерий Василий Виктор Виталий',
    'Владимир Владислав Вячеслав Геннадий Георгий Григорий Даниил Денис Дмитрий Евгений Егор Иван Игорь Илья',
    'Кирилл Константин Леонид Максим Михаил Никита Николай Олег Павел Пётр Петр Роман Руслан Сергей Станислав',
    'Степан Тимур Фёдор Федор Юрий Ярослав Алёна Алена Александра Алина Алла Анастасия Анна Антонина Валентина',
    'Валерия Вера Вероника Виктория Галина Дарья Диана Евгения Екатерина Елена Елизавета Жанна Зоя Инна Ирина',
    'Кристина Ксения Лариса Лидия Любовь Людмила Маргарита Марина Мария Надежда Наталья Наталия Нина Оксана',
    'Ольга Полина Светлана София Софья Тамара Татьяна Юлия Яна',
  ]
    .join(' ')
    .split(' '),
);
