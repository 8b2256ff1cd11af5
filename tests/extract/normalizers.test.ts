import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/extract/date-parser.ts';
import { readGoal } from '../../src/extract/goal-reader.ts';
import { periodOf, readHeading } from '../../src/extract/heading-reader.ts';
import { labelledSegments } from '../../src/extract/labelled-segments.ts';
import { findQuantities } from '../../src/extract/quantity-parser.ts';
import { parseScore } from '../../src/extract/score-parser.ts';
import { combineStatuses, readStatusWord } from '../../src/extract/status-lexicon.ts';

describe('dates', () => {
  it('reads Y.M.D, D.M.Y and ISO forms in reading order', () => {
    expect(findDates('2024.01.01 2024.12.31').dates.map((d) => d.iso)).toEqual(['2024-01-01', '2024-12-31']);
    expect(findDates('с 01.03.2024 по 15/04/2024').dates.map((d) => d.iso)).toEqual(['2024-03-01', '2024-04-15']);
    expect(findDates('deadline 2024-06-30').dates.map((d) => d.iso)).toEqual(['2024-06-30']);
  });
  it('reports impossible dates instead of guessing', () => {
    const r = findDates('2024.13.01 and 31.02.2024');
    expect(r.dates).toEqual([]);
    expect(r.invalid).toEqual(['2024.13.01', '31.02.2024']);
  });
});

describe('scores', () => {
  it('reads plain numbers', () => expect(parseScore(' 10 ')).toEqual({ value: 10, ocrFixed: false }));
  it('repairs OCR look-alikes among digits and says so', () => {
    expect(parseScore('1C')).toEqual({ value: 10, ocrFixed: true });
    expect(parseScore('1О')).toEqual({ value: 10, ocrFixed: true });
  });
  it('leaves words alone', () => expect(parseScore('Сайн')).toEqual({ value: null, ocrFixed: false }));
});

describe('quantities', () => {
  const brief = (text: string, language?: string) => findQuantities(text, language).map((q) => ({ value: q.value, unit: q.unit, text: q.text }));
  it('reads grouped thousands with units, verbatim beside the value', () => {
    expect(brief('жалпы 2 078 967 сом, анын ичинде 593 613 сомдон', 'kir')).toEqual([
      { value: 2078967, unit: 'сом', text: '2 078 967 сом' },
      { value: 593613, unit: 'сом', text: '593 613 сомдон' },
    ]);
  });
  it('reads percentages, decimals and counted nouns; ignores years', () => {
    expect(brief('79% жана 29823,12 сом, 14 адам, 2024-жылы 59 долбоор', 'kir')).toEqual([
      { value: 79, unit: '%', text: '79%' },
      { value: 29823.12, unit: 'сом', text: '29823,12 сом' },
      { value: 14, unit: 'адам', text: '14 адам' },
      { value: 59, unit: 'долбоор', text: '59 долбоор' },
    ]);
  });
});

describe('statuses', () => {
  it.each([
    ['аткарылды', 'done'],
    ['Аткарылды Борбордук аппараттын', 'done'],
    ['аткарылууда', 'in_progress'],
    ['аткарылган жок', 'not_done'],
    ['Выполнено', 'done'],
    ['не выполнено', 'not_done'],
    ['хэрэгжиж байна', 'in_progress'],
    ['in progress', 'in_progress'],
    ['белгисиз', 'unknown'],
  ])('%s → %s', (text, normalized) => expect(readStatusWord(text)?.normalized).toBe(normalized));

  it('keeps the printed words as raw, whole words even where the lexicon has a stem', () => {
    expect(readStatusWord(': Аткарылды Борбордук')?.raw).toBe('Аткарылды');
    expect(readStatusWord('Не выполнено, перенесено')).toEqual({ raw: 'Не выполнено', normalized: 'not_done' });
  });
  it('combines several statuses into the least finished', () => {
    expect(combineStatuses(['done', 'done'])).toBe('done');
    expect(combineStatuses(['done', 'in_progress'])).toBe('in_progress');
    expect(combineStatuses(['done', 'not_done'])).toBe('in_progress');
    expect(combineStatuses(['unknown'])).toBe('unknown');
  });
});

describe('labelled segments inside narrative cells', () => {
  it('splits expected results and statuses, wherever the paragraphs break', () => {
    const one = labelledSegments(['Күтүлгөн натыйжа 1: МСК каражаттарын коргоо. Статусу: аткарылды Күтүлгөн натыйжа 2: токтотуу. Статусу: аткарылды']);
    const many = labelledSegments(['Күтүлгөн натыйжа 1: МСК каражаттарын коргоо.', 'Статусу: аткарылды', 'Күтүлгөн натыйжа 2: токтотуу.', 'Статусу: аткарылды']);
    expect(one.map((s) => [s.kind, s.text.split(' ')[0]])).toEqual(many.map((s) => [s.kind, s.text.split(' ')[0]]));
    expect(one.filter((s) => s.kind === 'expected').map((s) => s.text)).toEqual(['МСК каражаттарын коргоо.', 'токтотуу.']);
  });
  it('ends an expected result where the narrative starts', () => {
    const [seg] = labelledSegments(['Күтүлгөн натыйжа: коррупцияны алдын алуу Социалдык фонддун буйругуна ылайык иштер жүрөт.']);
    expect(seg?.text).toBe('коррупцияны алдын алуу');
  });
});

describe('heading', () => {
  it('reads year, quarter and plan range from a Kyrgyz title', () => {
    expect(periodOf('2023-2025-жж. коррупцияга каршы саясат Маалымат 2024-жылдын I-кварталына')).toEqual({ year: 2024, quarter: 1, from: 2023, to: 2025 });
  });
  it('reads a Mongolian year and an English quarter', () => {
    expect(periodOf('2024 ОНЫ ГҮЙЦЭТГЭЛИЙН ТАЙЛАН')).toEqual({ year: 2024, quarter: null });
    expect(periodOf('Progress report Q3 2025')).toEqual({ year: 2025, quarter: 3 });
  });
  it('finds the organisation where each language puts it', () => {
    const doc = (text: string) => ({ format: 'text' as const, metadata: {}, findings: [], blocks: [{ kind: 'paragraph' as const, text, bold: true, position: {} }, { kind: 'table' as const, rows: [], position: {} }] });
    expect(readHeading(doc('Кыргыз Республикасынын Социалдык фондунун иш-аракеттердин стратегиялык планын аткаруу боюнча Маалымат'), 'kir').organization).toBe(
      'Кыргыз Республикасынын Социалдык фондунун',
    );
    expect(readHeading(doc('Отчет о выполнении Плана мероприятий Министерства финансов на 2023 год'), 'rus').organization).toBe('Министерства финансов');
    expect(readHeading(doc('Annual progress report of the Ministry of Health for 2024'), 'eng').organization).toBe('Ministry of Health');
  });

  it('splits a goal number from its title', () => {
    expect(readGoal('g1', 'I. Тескеген чөйрөдө')).toEqual({ id: 'g1', number: 'I', title: 'Тескеген чөйрөдө' });
    expect(readGoal('g2', 'Зорилт 2. “ТӨРИЙН”')).toEqual({ id: 'g2', number: '2', title: '“ТӨРИЙН”' });
    expect(readGoal('g3', 'Коррупцияны мониторинги')).toEqual({ id: 'g3', number: null, title: 'Коррупцияны мониторинги' });
  });
});
