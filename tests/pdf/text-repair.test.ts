import { describe, expect, it } from 'vitest';
import { collectWords, joinLines, textRunsOn } from '../../src/parse/pdf/cell-text.ts';
import { repairGlyphText } from '../../src/parse/pdf/glyph-text.ts';
import { checkFontText } from '../../src/parse/pdf/unicode-map-check.ts';

describe('line joining and hyphens', () => {
  it('keeps a hyphen at a line end when the document writes the word with it', () => {
    const words = collectWords(['иш-чараларды аткаруу', 'башка иш-чаралар']);
    expect(joinLines(['Коррупцияга каршы иш-', 'чараларды аткаруу'], words)).toBe('Коррупцияга каршы иш-чараларды аткаруу');
  });

  it('drops a hyphen that only breaks a word the document writes whole elsewhere', () => {
    const words = collectWords(['implementation of the plan']);
    expect(joinLines(['the implemen-', 'tation of measures'], words)).toBe('the implementation of measures');
  });

  it('reads the broken word back to the last non-letter, a letter outside the BMP included', () => {
    const words = collectWords(['𝔞bc𝔡ef and 2x-y']);
    expect(joinLines(['see 𝔞bc𝔡-', 'ef now'], words)).toBe('see 𝔞bc𝔡ef now');
    expect(joinLines(['see 2x-', 'y now'], words)).toBe('see 2x-y now');
  });

  it('keeps an unknown hyphenated break as written (no evidence, no change)', () => {
    expect(joinLines(['Бат-', 'Амгалан'], collectWords([]))).toBe('Бат-Амгалан');
  });

  it('always joins at a soft hyphen (U+00AD) and removes it inside lines', () => {
    expect(joinLines(['coor\u00AD', 'dination of meas\u00ADures'], collectWords([]))).toBe('coordination of measures');
  });

  it('joins a line ending in a real hyphen after a digit without a space, keeping the hyphen', () => {
    expect(joinLines(['Социалдык фонддун 2024-', 'жылдын 24-январындагы'], collectWords([]))).toBe('Социалдык фонддун 2024-жылдын 24-январындагы');
  });

  it('keeps the space after a dash that stands between words', () => {
    expect(joinLines(['калдык -', '1 485 354 сом'], collectWords([]))).toBe('калдык - 1 485 354 сом');
  });

  it('joins other lines with one space', () => {
    expect(joinLines(['Зорилт 1 “НИЙГМИЙН', '  ДААТГАЛЫН ТУХАЙ ХУУЛЬ'], collectWords([]))).toBe('Зорилт 1 “НИЙГМИЙН ДААТГАЛЫН ТУХАЙ ХУУЛЬ');
  });
});

describe('text running on across a page break', () => {
  it('takes a title in capitals going on in capitals as one text, and a capital after a sentence of small letters as a new one', () => {
    const words = collectWords([]);
    expect(textRunsOn('ХУУЛЬ, ТОГТООЛ ШИЙДВЭРИЙГ ХЭРЭГЖҮҮЛЭХ, ХЯНАЛТ', 'ТАВИХЗОРИЛТЫН ХҮРЭЭНД', words)).toBe(true);
    expect(textRunsOn('Хууль тогтоомж хэрэгжсэн байна', 'Тогтоол шийдвэр', words)).toBe(false);
    // One abbreviation after another is no title: nothing says the text runs on.
    expect(textRunsOn('Санариптик башкармалыгы', 'КР СФ БА', words)).toBe(false);
  });
});

describe('glyph text repair', () => {
  it('expands presentation-form ligatures', () => {
    expect(repairGlyphText('\uFB01nancial e\uFB00ect, \uFB02ow').text).toBe('financial effect, flow');
  });

  it('maps the Symbol-font bullet U+F0B7 to • and counts it', () => {
    const r = repairGlyphText('\uF0B7 item');
    expect(r.text).toBe('• item');
    expect(r.mappedPrivateUse).toBe(1);
  });

  it('leaves unknown private-use glyphs and counts them', () => {
    const r = repairGlyphText('\uE123x');
    expect(r.text).toBe('\uE123x');
    expect(r.unknownPrivateUse).toBe(1);
  });
});

describe('fonts without a Unicode map', () => {
  it('flags control characters in place of letters', () => {
    const codes = '\u0001\u0002\u0003\u0004 \u0005\u0006\u0007\u0008 \u000e\u000f\u0010\u0011\u0012\u0013 ';
    expect(checkFontText(codes.repeat(3)).suspicious).toBe(true);
    // Too little text to judge: no verdict rather than a guess.
    expect(checkFontText('\u0001\u0002').suspicious).toBe(false);
  });

  it('flags Cyrillic that came out as Latin-1 look-alikes', () => {
    expect(checkFontText('Êûðãûç Ðåñïóáëèêàñûíûí Ñîöèàëäûê ôîíäó èø-àðàêåòòåðäèí').suspicious).toBe(true);
  });

  it('judges vowel-less words only where the font leaves its characters undefined', () => {
    const codes = 'QWRTZPLKJHGFDSXCVBNM QWRTPLKJH GFDSXCVB '.repeat(4);
    expect(checkFontText(codes).suspicious).toBe(true);
    expect(checkFontText(codes, 'guessed').suspicious).toBe(true);
    expect(checkFontText(codes, 'defined').suspicious).toBe(false);
    // A defined map can still name the wrong characters.
    expect(checkFontText('Êûðãûç Ðåñïóáëèêàñûíûí Ñîöèàëäûê ôîíäó èø-àðàêåòòåðäèí', 'defined').suspicious).toBe(true);
  });

  it('accepts real Kyrgyz, Mongolian and English text', () => {
    expect(checkFontText('Кыргыз Республикасынын Социалдык фондунун иш-аракеттердин стратегиялык планы').suspicious).toBe(false);
    expect(checkFontText('Нийгмийн даатгалын газрын үйлчилгээний тасгийн тэтгэмжийн байцаагч').suspicious).toBe(false);
    expect(checkFontText('The measures of the strategic plan were implemented in every region on time').suspicious).toBe(false);
  });
});

describe('dot leaders and slashes in cell lines', () => {
  it('strips leader dots and keeps the label and the value', async () => {
    const { stripLeaders } = await import('../../src/parse/pdf/cell-text.ts');
    expect(stripLeaders('All ages .........')).toBe('All ages');
    expect(stripLeaders('Men . . . . . . 12.4')).toBe('Men 12.4');
    expect(stripLeaders('Total……… 100')).toBe('Total 100');
    expect(stripLeaders('1.2.3 and 2024.01.01')).toBe('1.2.3 and 2024.01.01');
  });

  it('joins a line broken after a slash without a space', () => {
    expect(joinLines(['Хурсэн түвшин /', 'биелэлт/'], collectWords([]))).toBe('Хурсэн түвшин /биелэлт/');
    expect(joinLines(['Д/', 'д'], collectWords([]))).toBe('Д/д');
  });
});

describe('web addresses broken at their delimiters', () => {
  it('joins the rest of an address broken after «?» or «=» without a space', () => {
    expect(joinLines(['https://www.facebook.com/profile.php?', 'id=100008384018333'], collectWords([]))).toBe('https://www.facebook.com/profile.php?id=100008384018333');
    expect(joinLines(['Is it done?', 'Yes'], collectWords([]))).toBe('Is it done? Yes');
  });
});

describe('a slash standing apart at a line end', () => {
  it('keeps the space after it', () => {
    expect(joinLines(['Treaty reform / IGC /', 'Lisbon Treaty'], collectWords([]))).toBe('Treaty reform / IGC / Lisbon Treaty');
  });
});
