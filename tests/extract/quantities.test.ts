import { describe, expect, it } from 'vitest';
import { readQuantities } from '../../src/extract/quantity-reader.ts';
import { mongolianCandidates } from '../../src/extract/stemmers/mongolian.ts';
import { readNoun } from '../../src/extract/stemmers/index.ts';
import { russianCandidates } from '../../src/extract/stemmers/russian.ts';
import { turkicCandidates } from '../../src/extract/stemmers/turkic.ts';
import { indicatorValues, rowQuantities } from '../../src/extract/measure-quantities.ts';
import { normalizeTables } from '../../src/tables/index.ts';
import { doc, table as tableBlock } from '../tables/doc-builder.ts';

const brief = (text: string, language: string) =>
  readQuantities(text, { language }).map((q) => [q.value, q.unit, ...(q.implied ? ['implied'] : [])]);

describe('the examples of issue 13', () => {
  it.each([
    ['8 региондук башкармалыкта ички аудит жүргүзүлдү', 'kir', [[8, 'башкармалык']]],
    ['ЧУАнын 59 долбооруна жана ЛУА 20 долбооруна', 'kir', [[59, 'долбоор'], [20, 'долбоор']]],
    ['бардык 53 региондук бөлүмдөрдө', 'kir', [[53, 'бөлүм']]],
    ['катышуучулардын жалпы саны 4696 адамды түздү', 'kir', [[4696, 'адам']]],
    ['79% же 610 210 пенсионер', 'kir', [[79, '%'], [610210, 'пенсионер']]],
    ['895 даатгуулагчидад нийт 2170 тэтгэмжийг', 'khk', [[895, 'даатгуулагч'], [2170, 'тэтгэмж']]],
    ['8 журмыг хэрэгжүүлсэн', 'khk', [[8, 'журам']]],
  ])('%s', (text, language, expected) => expect(brief(text, language)).toEqual(expected));

  it('gives the items of a list the unit of its head, implied, with their labels', () => {
    const text =
      'Окууга тартылган катышуучулардын жалпы саны 4696 адамды түздү. Алардын ичинен: студенттер жана окутуучулар - 1346; ' +
      'уюмдардын жана ишканалардын кызматкерлери - 1322; орто билим берүүчү мектептерде угуучулар – 1406; ' +
      'министрликтер менен ведомстволордо угуучулар – 607; саламаттык сактоо системасындагылар – 15.';
    const got = readQuantities(text, { language: 'kir' });
    expect(got.map((q) => [q.value, q.unit, q.implied])).toEqual([
      [4696, 'адам', false],
      [1346, 'адам', true],
      [1322, 'адам', true],
      [1406, 'адам', true],
      [607, 'адам', true],
      [15, 'адам', true],
    ]);
    expect(got[1]?.label).toBe('студенттер жана окутуучулар');
    expect(got[5]?.label).toBe('саламаттык сактоо системасындагылар');
    for (const q of got) expect(text.slice(q.span.start, q.span.end)).toBe(q.text);
  });
});

describe('what is not a quantity', () => {
  it.each([
    ['Социалдык фонддун 2024-жылдын 24-январындагы № 20 буйругу менен бекитилди.', 'kir'],
    ['2022-жылдын 22-февралындагы №Д-28/40-22 келишим', 'kir'],
    ['Кыргыз Республикасынын Мыйзамынын 5, 9 жана 64-беренелерине ылайык', 'kir'],
    ['1202 кыска номери менен ишеним телефондору иштейт.', 'kir'],
    ['https://www.facebook.com/profile.php?id=100008384018333', 'kir'],
    ['2024 оны 01 дугаар сарын 01- ны өдрөөс эхлэн', 'khk'],
    ['ЗН-НД-17, 16, 14, 12, 13, 10, 11 бүртгэлийн маягтын дагуу', 'khk'],
    ['Арга хэмжээ 1.5“ Тэрбум мод үндэсний хөдөлгөөнд', 'khk'],
    ['хуулийн 15 дугаар зүйлийн 15.3 дахь хэсэгт', 'khk'],
    ['ISO 9001:2015 стандартын хүрээнд', 'khk'],
    ['Гражданский бюджет размещен 15.06.2023 года', 'rus'],
    ['в соответствии со статьей 100 Федерального закона от 05.04.2013 № 44-ФЗ', 'rus'],
    ['пенсию покрыли 4 сентября, а августовскую — 14 октября', 'rus'],
    ['по адресу: ул. Первомайская, д. 4', 'rus'],
    ['1. Проведение публичных слушаний', 'rus'],
    ['В 2023 году бюджет исполнен.', 'rus'],
  ])('%s', (text, language) => expect(readQuantities(text, { language })).toEqual([]));
});

describe('numbers', () => {
  it('scales multipliers and joins compound amounts', () => {
    expect(brief('105 млн 999 миң 800 сом каржылык бузуу', 'kir')).toEqual([[105999800, 'сом']]);
    expect(brief('5 млрд 658,9 млн сом суммада', 'kir')).toEqual([[5658900000, 'сом']]);
    expect(brief('насчитывается 199 тысяч 274 пенсионеров', 'rus')).toEqual([[199274, 'пенсионер']]);
    expect(brief('нийт 566 500 мянган төгрөгийн', 'khk')).toEqual([[566500000, 'төгрөг']]);
  });
  it('reads a year-shaped number before a currency as money', () => {
    expect(brief('1994 төгрөгөөр авч, 1995 төгрөгөөр арилжиж байна', 'khk')).toEqual([
      [1994, 'төгрөг'],
      [1995, 'төгрөг'],
    ]);
  });
  it('keeps the text span of every reading', () => {
    const text = 'Отчеттук мезгилде 8 региондук башкармалыкта ички аудит жүргүзүлдү.';
    const [q] = readQuantities(text, { language: 'kir' });
    expect(q).toMatchObject({ text: '8 региондук башкармалыкта', unit_form: 'lemma', implied: false });
    expect(text.slice(q?.span.start, q?.span.end)).toBe(q?.text);
  });
  it('reports an unknown noun as printed, flagged surface', () => {
    expect(readQuantities('Отчеттук кварталда 4 конкурстук тандоо өткөрүлдү.', { language: 'kir' })).toMatchObject([
      { value: 4, unit: 'тандоо', unit_form: 'surface' },
    ]);
  });
  it('reads partitives and shares with the unit of their head', () => {
    expect(brief('келип түшкөн кайрылуулардын 202си жазуу жүзүндө, 1и электрондук түрдө болгон', 'kir')).toEqual([
      [202, 'кайрылуу', 'implied'],
      [1, 'кайрылуу', 'implied'],
    ]);
    expect(brief('Также было проведено 744 проверок, из которых 527 стали внеплановыми.', 'rus')).toEqual([
      [744, 'проверка'],
      [527, 'проверка', 'implied'],
    ]);
    expect(brief('223 зөрчил илрүүлэн газар дээр нь 135 буюу 60 хувийг арилгуулж', 'khk')).toEqual([
      [223, 'зөрчил'],
      [135, 'зөрчил', 'implied'],
      [60, '%'],
    ]);
  });
  it('keeps multiword terms whole', () => {
    expect(brief('нийт 39 аж ахуйн нэгж, 179 иргэнийг оролцуулан', 'khk')).toEqual([
      [39, 'аж ахуйн нэгж'],
      [179, 'иргэн'],
    ]);
    expect(brief('10 заалттай 1 албан шаардлага хүргүүлж', 'khk')).toEqual([
      [10, 'заалт'],
      [1, 'албан шаардлага'],
    ]);
    expect(brief('кесиптик бирликтин комитетинен 76 билим берүү кызматкери барды', 'kir')).toEqual([[76, 'билим берүү кызматкери']]);
  });
});

describe('noun stemmers', () => {
  const stemOf = (word: string, language: 'kir' | 'kaz' | 'khk' | 'rus') => readNoun(word, language)?.lemma ?? null;
  it.each([
    ['башкармалыгы', 'kir', 'башкармалык'], // к/г before a vowel
    ['долбооруна', 'kir', 'долбоор'],
    ['бөлүмдөрдө', 'kir', 'бөлүм'],
    ['текшерүүлөрдүн', 'kir', 'текшерүү'],
    ['мектебине', 'kir', 'мектеп'], // п/б before a vowel
    ['пенсионерлерге', 'kir', 'пенсионер'],
    ['кайрылуулардын', 'kir', 'кайрылуу'],
    ['зейнеткерлерге', 'kaz', 'зейнеткер'],
    ['құжаттарды', 'kaz', 'құжат'],
    ['бұйрығы', 'kaz', 'бұйрық'], // қ/ғ
    ['журмыг', 'khk', 'журам'], // fleeting vowel
    ['зөрчлийг', 'khk', 'зөрчил'],
    ['газрыг', 'khk', 'газар'],
    ['хүүхдийг', 'khk', 'хүүхэд'],
    ['иргэдийг', 'khk', 'иргэн'],
    ['даатгуулагчидад', 'khk', 'даатгуулагч'],
    ['байгууллагаар', 'khk', 'байгууллага'],
    ['хувийг', 'khk', null], // per cent is a unit, not a counted noun
    ['проверок', 'rus', 'проверка'],
    ['слушаний', 'rus', 'слушание'],
    ['случаях', 'rus', 'случай'],
    ['человек', 'rus', 'человек'],
    ['дел', 'rus', 'дело'],
  ] as const)('%s → %s', (word, language, lemma) => expect(stemOf(word, language)).toBe(lemma));

  it('keeps vowel harmony: a back suffix is not stripped from a front stem', () => {
    expect(turkicCandidates('бөлүмдар', 'kir').some((c) => c.stem === 'бөлүм')).toBe(false);
    expect(turkicCandidates('бөлүмдөр', 'kir').some((c) => c.stem === 'бөлүм')).toBe(true);
  });
  it('lists candidates for unknown words too', () => {
    expect(mongolianCandidates('хуудсыг').map((c) => c.stem)).toContain('хуудас');
    expect(russianCandidates('семинаров')).toContain('семинар');
  });
});

describe('quantities in a table row', () => {
  const table = (rows: string[][]) => {
    return normalizeTables(doc(tableBlock(rows, { header: 1 })), { language: () => 'rus' }).tables[0];
  };
  it('does not count the same figure twice when two columns repeat it, and places each quantity', () => {
    const t = table([
      ['№', 'Мероприятие', 'Ожидаемый результат', 'Информация о выполнении', 'Примечание'],
      ['1', 'Семинары', 'Проведено 3 семинара', 'Проведено 3 семинара для 40 человек', 'Проведено 3 семинара'],
    ]);
    if (!t) throw new Error('no table');
    const { quantities, cells } = rowQuantities(t, 0, 'rus');
    expect(quantities.map((q) => [q.value, q.unit, q.place])).toEqual([
      [3, 'семинар', { kind: 'cell', table: 0, row: 1, col: 2 }],
      [3, 'семинар', { kind: 'cell', table: 0, row: 1, col: 3 }],
      [40, 'человек', { kind: 'cell', table: 0, row: 1, col: 3 }],
    ]);
    expect(indicatorValues(cells, new Set(['expected']), new Set(['actual', 'narrative']))).toEqual({ unit: 'семинар', baseline: null, target: 3, actual: 3 });
  });
});
