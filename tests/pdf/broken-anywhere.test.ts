import { describe, expect, it } from 'vitest';
import { cellParagraphs } from '../../src/parse/pdf/cell-paragraphs.ts';
import { collectWords } from '../../src/parse/pdf/cell-text.ts';
import { FRAME, GLYPH, syntheticLine } from './support/synthetic-lines.ts';
import type { LineGeometry } from '../../src/parse/pdf/line-geometry.ts';
import { WholeWords } from '../../src/parse/pdf/whole-words.ts';
import { WordWidths } from '../../src/parse/pdf/word-widths.ts';

/**
 * Words broken by a renderer that breaks anywhere (CSS `overflow-wrap: anywhere`), told from whole
 * words that fill their line, on synthetic lines: a cell 60 pt wide (frame 100–160), 10 pt text,
 * glyphs 5 pt wide (half an em), 12 pt line pitch.
 */


/** Word widths (ems) where as many words are wider than the 12-em line as are 11–12 ems wide. */
const widths = { letters: WordWidths.of([3, 4, 5, 6, 11.5, 11.8, 13, 14]), figures: WordWidths.of([]) };

function read(lines: string[], documentText: string[], anywhere: boolean | undefined): string[] {
  const words = collectWords([...documentText, ...lines], widths, WholeWords.of(documentText));
  return cellParagraphs(lines, words, { geometry: lines.map((l, i) => syntheticLine(l, i)), frame: FRAME, pitch: 1.2, breaksWords: anywhere });
}

describe('whole words of a document', () => {
  it('counts the words of a run of several but its first, and the words standing side by side', () => {
    const whole = WholeWords.of(['лар жана башка иш-чаралар', 'камсыздандыр']);
    expect(whole.count('жана')).toBe(1);
    expect(whole.count('иш-чаралар')).toBe(1);
    // A run's first word may be the rest of a word broken above; a lone word may be a piece.
    expect(whole.count('лар')).toBe(0);
    expect(whole.count('камсыздандыр')).toBe(0);
    expect(whole.pairCount('жана', 'башка')).toBe(1);
    expect(whole.pairCount('башка', 'жана')).toBe(0);
  });

  it('weighs a word seen whole elsewhere towards a word, and an unseen one towards a piece, as the document repeats its words', () => {
    const text = ['a жана башка жана башка иштер', 'a башкаруу жана'];
    const whole = WholeWords.of(text);
    expect(whole.wordOdds('жана', 'prefix')).toBeGreaterThan(1);
    expect(whole.wordOdds('жаны', 'prefix')).toBeLessThan(1);
  });
});

describe('the letters around a break', () => {
  // Whole words ending in «-ка», «-на», starting with «ба», «жа», with «ты», «ру» only inside.
  const whole = WholeWords.of(['x башка жана автоматташтыруу жана башка камсыздандыруу жана башка']);

  it('read as two words where the document ends and starts words with them', () => {
    expect(whole.boundaryOdds('башка', 'жана')).toBeGreaterThan(1);
  });

  it('read as one word where the document has them only inside words', () => {
    expect(whole.boundaryOdds('автоматташты', 'рууну')).toBeLessThan(1);
  });

  it('say nothing where the document shows those letters neither way', () => {
    expect(whole.boundaryOdds('щщ', 'ёё')).toBe(1);
  });
});

describe('a full one-word line in a document that breaks words anywhere', () => {
  // «автоматташты» is 12 glyphs, 60 pt: the line is full to the glyph.
  const lines = ['автоматташты', 'рууну камсыздоо'];

  it('joins it where neither piece is a word the document shows whole', () => {
    expect(read(lines, ['x башка иштер жана башка иштер'], true)).toEqual(['автоматташтырууну камсыздоо']);
  });

  it('keeps the space where the document shows the two words side by side elsewhere', () => {
    expect(read(lines, ['x автоматташты рууну жана'], true)).toEqual(['автоматташты рууну камсыздоо']);
  });

  it('keeps the space in a document that shows no broken word, where the line may be the word its column was widened to', () => {
    expect(read(lines, ['x башка иштер жана башка иштер'], false)).toEqual(['автоматташты рууну камсыздоо']);
  });
});

describe('a letter and a bracket after a full one-word line', () => {
  // «пайдаланылбага» is 14 glyphs, 70 pt: more than the 60 pt frame would hold, so 12 glyphs make a full line.
  const lines = ['пайдаланылба', 'н) пенсиялар'];

  it("is the broken word's last letter where the document breaks words", () => {
    expect(read(lines, ['x башка иштер жана башка иштер'], true)).toEqual(['пайдаланылбан) пенсиялар']);
  });

  it('opens an item after a line that ends short', () => {
    expect(read(['бир', 'н) пенсиялар'], ['x башка иштер жана башка иштер'], true)).toEqual(['бир', 'н) пенсиялар']);
  });

  it('is no item where the letter begins no word (ы)', () => {
    expect(read(['ротациялард', 'ы) жүргүзүү'], ['x башка иштер жана башка иштер'], false)).toEqual(['ротациялард ы) жүргүзүү']);
  });
});

describe('a full one-word line in a document that shows no word broken anywhere', () => {
  // «автоматташт» is 11 glyphs, 55 pt: 5 pt short of the edge, and the next line opens with a
  // glyph 6 pt wide, so not one more glyph fitted; the frame's own error is a fifth of a glyph.
  const lines = ['автоматташт', 'ыруу камсыздоо'];
  const readIn = (frame: { frame?: typeof FRAME; textFrame?: typeof FRAME }): string[] => {
    const words = collectWords(['x башка иштер жана башка иштер', ...lines], widths, WholeWords.of(['x башка иштер жана башка иштер']));
    return cellParagraphs(lines, words, { geometry: lines.map((l, i) => syntheticLine(l, i, 6)), ...frame, pitch: 1.2, breaksWords: false });
  };

  it("is joined where the cell's rules measure it full and the word widths favour a broken word (a word too wide for its column)", () => {
    expect(readIn({ frame: FRAME })).toEqual(['автоматташтыруу камсыздоо']);
  });

  it("keeps its space where only a borderless column's estimated wrap edge calls it full", () => {
    expect(readIn({ textFrame: FRAME })).toEqual(['автоматташт ыруу камсыздоо']);
  });
});

describe('a closing mark after a full line of an indented list', () => {
  // The list's lines start 25 pt in (x 125): they wrap to the 35 pt right of the indent, which
  // «жөнүндө» (7 glyphs) fills; the «;» after it is the rest of the broken item, not a word.
  const indented = (text: string, row: number): LineGeometry => ({ ...syntheticLine(text, row), x0: 125, x1: 125 + text.length * GLYPH });
  const lines = ['- пенсия', 'жөнүндө', ';'];

  it('joins the mark to the word the indent left no room after', () => {
    const words = collectWords(lines);
    expect(cellParagraphs(lines, words, { geometry: lines.map((l, i) => indented(l, i)), frame: FRAME, pitch: 1.2, breaksWords: true })).toEqual(['- пенсия жөнүндө;']);
  });
});

describe('a figure and a letter, or two scripts, across a full line’s end', () => {
  it('tells which kinds of character the document prints side by side inside a token', () => {
    const whole = WholeWords.of(['a жана 10км башка', 'https://sf.kg/ky дарек']);
    expect(whole.printsTogether('0', 'к')).toBe(true);
    expect(whole.printsTogether('к', '0')).toBe(false);
    expect(whole.printsTogether('а', 'h')).toBe(false);
    expect(whole.printsTogether('а', 'б')).toBe(true);
    expect(WholeWords.of(['a жана башка']).printsTogether('2', 'п')).toBe(false);
  });

  it('keeps the space after a full line ending in a figure where the document never runs a figure into a letter', () => {
    const lines = ['2022/40-1234', 'пенсияларды жана'];
    expect(read(lines, ['a жана башка иштер'], true)).toEqual(['2022/40-1234 пенсияларды жана']);
    expect(read(['x аралыктанбб', 'help@sf.kg дарек'], ['a жана башка иштер'], true)).toEqual(['x аралыктанбб help@sf.kg дарек']);
  });

  it('may still join them in a document that prints such tokens', () => {
    const joined = read(['2022/40-1234', 'пенсияларды жана'], ['a жана 1234пенсияларды башка'], true);
    expect(joined).toEqual(['2022/40-1234пенсияларды жана']);
  });
});
