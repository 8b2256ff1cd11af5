import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/language/detect.ts';
import { functionWordHits } from '../../src/language/function-words.ts';
import { letterEvidence } from '../../src/language/letter-evidence.ts';
import { normalizeLookalikes } from '../../src/language/lookalikes.ts';
import { textEvidence } from '../../src/language/text-evidence.ts';
import { endingHits } from '../../src/language/word-endings.ts';

describe('look-alike letters', () => {
  it('reads Latin and IPA look-alikes inside Cyrillic words as their Cyrillic counterparts', () => {
    expect(normalizeLookalikes('ɵкмɵт')).toBe('өкмөт');
    expect(normalizeLookalikes('ʏзʏлʏʏ')).toBe('үзүлүү');
    expect(normalizeLookalikes('Бiлiм')).toBe('Білім');
    expect(normalizeLookalikes('мəселе')).toBe('мәселе');
    expect(normalizeLookalikes('ЗYЙЛ')).toBe('ЗҮЙЛ');
    expect(normalizeLookalikes('Pеспублика')).toBe('Республика');
    expect(normalizeLookalikes('Кеӊеш')).toBe('Кеңеш');
  });

  it('leaves wholly Latin words alone', () => {
    expect(normalizeLookalikes('Bishkek office, socfond.kg')).toBe('Bishkek office, socfond.kg');
  });

  it('lets look-alikes decide: a Kyrgyz cell typed with ɵ and ʏ is still Kyrgyz', () => {
    expect(detectLanguage('Аткаруу жɵнʏндɵ маалымат').code).toBe('kir');
    expect(detectLanguage('Монгол улсын хɵгжлийн бодлого').code).toBe('khk');
    expect(detectLanguage('Бiлiм беру ұйымдарын аттестаттау').code).toBe('kaz');
  });
});

describe('letter evidence', () => {
  it('counts letters a language does not write against it', () => {
    const kazakh = letterEvidence('қазақстан республикасы үкіметінің', 30);
    expect(kazakh.foreign.kaz).toBe(0);
    expect(kazakh.foreign.kir).toBeGreaterThan(0);
    expect(kazakh.foreign.rus).toBeGreaterThan(0);
    const kyrgyz = letterEvidence('жогорку кеңештин төрагасы', 22);
    expect(kyrgyz.foreign.kir).toBe(0);
    expect(kyrgyz.foreign.khk).toBeGreaterThan(0); // ң
    expect(kyrgyz.foreign.rus).toBeGreaterThan(0);
  });

  it('marks a language whose everyday letters are missing from a long enough text', () => {
    expect(letterEvidence('кыргыз республикасынын министрлер кабинети', 38).missingHallmarks).toContain('kaz');
    expect(letterEvidence('кыргыз республикасынын', 8).missingHallmarks).toEqual([]);
  });

  it('decides the clear letter cases', () => {
    expect(detectLanguage('Жогорку Кеңештин төрагасы').code).toBe('kir');
    expect(detectLanguage('Хүрэх түвшин').code).toBe('khk');
    expect(detectLanguage('Қазақстан Республикасы').code).toBe('kaz');
    expect(detectLanguage('Міністерство соціальної політики').code).toBe('ukr');
    expect(detectLanguage('Халқ таълими вазирлиги тизимидаги').code).toBe('uzb');
    expect(detectLanguage('Татарстан башкаласында Яңа ел төнендә').code).toBe('tat');
    expect(detectLanguage('Объявлены итоги выполнения плана').code).toBe('rus');
  });
});

describe('function words and endings', () => {
  it('credits each language with its own frequent words', () => {
    expect(functionWordHits(['жана', 'менен']).get('kir')).toBe(2);
    expect(functionWordHits(['және']).get('kaz')).toBe(1);
    expect(functionWordHits(['нь', 'юм']).get('khk')).toBe(2);
    expect(functionWordHits(['и', 'для']).get('rus')).toBe(2);
    expect(functionWordHits(['жана']).get('rus')).toBeUndefined();
  });

  it('credits grammatical endings on words long enough to have them', () => {
    expect(endingHits(['республикасынын']).get('kir')).toBe(1);
    expect(endingHits(['муниципального']).get('rus')).toBe(1);
    expect(endingHits(['засгийн']).get('khk')).toBe(1);
    expect(endingHits(['нын']).size).toBe(0);
  });

  it('tells Kyrgyz from Russian in a cell of loanwords by its grammar', () => {
    expect(detectLanguage('Социалдык фонддун жетекчилиги').code).toBe('kir');
    expect(detectLanguage('Руководство Социального фонда').code).toBe('rus');
  });
});

describe('und', () => {
  it.each([
    [''],
    ['   '],
    ['2024.12.31'],
    ['1 275'],
    ['10 %'],
    ['https://www.socfond.kg/ky/news'],
    ['info@socfond.kg'],
    ['№ 662'],
    ['ПП-4136'],
    ['КР'],
    ['УИХ, ЖК'],
    ['2024-01-01 – 2024-12-31'],
  ])('%j is und', (text) => {
    expect(detectLanguage(text).code).toBe('und');
  });

  it('keeps the words inside a code-like token', () => {
    expect(textEvidence('2024-жылдын 1-кварталы').words).toEqual(['жылдын', 'кварталы']);
  });

  it('never throws and always returns a code', () => {
    for (const text of ['\u0000', '🙂🙂🙂', 'ا ب ت', 'a'.repeat(10000), 'ж'.repeat(3)]) {
      expect(typeof detectLanguage(text).code).toBe('string');
    }
  });
});

describe('prior', () => {
  it('decides a short ambiguous cell, with less confidence than real evidence gives', () => {
    expect(detectLanguage('Бишкек').code).toBe('und');
    const kyrgyz = detectLanguage('Бишкек', { prior: 'kir' });
    expect(kyrgyz.code).toBe('kir');
    expect(detectLanguage('Бишкек', { prior: 'rus' }).code).toBe('rus');
    expect(kyrgyz.confidence).toBeLessThan(0.5);
    expect(detectLanguage('Министрлер кабинети', { prior: 'kir' }).code).toBe('kir');
  });

  it('does not override clear evidence', () => {
    expect(detectLanguage('Постановление вступает в силу через 10 дней после подписания', { prior: 'kir' }).code).toBe('rus');
    expect(detectLanguage('Засгийн газрын хуралдаан', { prior: 'kir' }).code).toBe('khk');
    expect(detectLanguage('Жогорку Кеңештин төрагасы', { prior: 'rus' }).code).toBe('kir');
  });

  it('ignores a prior that is not a candidate', () => {
    expect(detectLanguage('Жогорку Кеңештин төрагасы', { prior: 'xyz' }).code).toBe('kir');
  });
});
