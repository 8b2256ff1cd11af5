import { describe, expect, it } from 'vitest';
import { cellParagraphs } from '../../src/parse/pdf/cell-paragraphs.ts';
import { collectWords } from '../../src/parse/pdf/cell-text.ts';
import { FRAME, GLYPH, syntheticLine } from './support/synthetic-lines.ts';

/**
 * How the lines of a ruled cell join, on synthetic glyph lines: a cell 60 pt wide inside its
 * padding (frame 100–160), 10 pt text, glyphs 5 pt wide, 12 pt line pitch.
 */


function join(lines: string[], documentText: string[] = []): string[] {
  const words = collectWords([...documentText, ...lines]);
  return cellParagraphs(lines, words, { geometry: lines.map((l, i) => syntheticLine(l, i)), frame: FRAME, pitch: 1.2 });
}

describe('joining the lines of a cell', () => {
  it('joins a full one-word line to the next without a space when the document has the joined word', () => {
    // «камсыздандыр» is 12 glyphs, 60 pt: not one more glyph fitted. A whole word could fill the
    // line as well; the document's «камсыздандыруу» says it did not.
    expect(join(['камсыздандыр', 'уу жана'], ['социалдык камсыздандыруу жана'])).toEqual(['камсыздандыруу жана']);
  });

  it('keeps the space where the line had room for the next glyph: the word after it did not fit, a whole one', () => {
    expect(join(['чечимдерге', 'өзгөртүүлөрдү'], ['чечимдергеөзгөртүүлөрдү'])).toEqual(['чечимдерге өзгөртүүлөрдү']);
  });

  it('keeps a lone letter apart when the pair fits in the cell (a renderer breaks only a word that does not)', () => {
    // «баталгаажуу» is 11 glyphs, 55 pt; «н» 4 pt: together 59 pt of the 60, so the renderer would
    // have kept them on one line had they been one word. The document's «баталгаажуун» does not
    // overrule the page.
    const lines = ['баталгаажуу', 'н байх'];
    const geometry = [syntheticLine(lines[0]!, 0), syntheticLine(lines[1]!, 1, 4)];
    geometry[1]!.headWidth = 4;
    expect(cellParagraphs(lines, collectWords([...lines, 'баталгаажуун']), { geometry, frame: FRAME, pitch: 1.2 })).toEqual(['баталгаажуу н байх']);
  });

  it('joins a full line of a web address to the address characters after it, not to text in another script', () => {
    // 12 glyphs, 60 pt: the address fills the line.
    expect(join(['www.sf.kg/a/', 'b12 маалымат'])).toEqual(['www.sf.kg/a/b12 маалымат']);
    expect(join(['www.sf.kg/a1', 'Ар бир'])).toEqual(['www.sf.kg/a1 Ар бир']);
  });

  it('joins the full lines of an address that started lines before, and starts a new address where one opens', () => {
    // «https://sf.kg/» ends at a slash (a break opportunity), then «socfondKGabc» fills the line
    // (12 glyphs): the address goes on in «Cd/», whatever the case of its letters. An address
    // opening the next line is the next address of a list, after a slash or a full line alike.
    expect(join(['https://sf.kg/', 'socfondKGabc', 'Cd/'])).toEqual(['https://sf.kg/socfondKGabcCd/']);
    expect(join(['https://sf.kg/', 'socfondKG/', 'https://ok.ru/']).join(' ')).toBe('https://sf.kg/socfondKG/ https://ok.ru/');
    expect(join(['https://sf.kg/', 'socfondKGabc', 'https://ok.ru/']).join(' ')).toBe('https://sf.kg/socfondKGabc https://ok.ru/');
  });

  it('reads the path of an address whose scheme and host a page cut left on the page before as an address', () => {
    // «/channel/UC» (11 glyphs, 55 pt) leaves less than the hyphen and the frame slack: broken
    // inside the address, which goes on after the hyphen. «/profile.php?» breaks at its «?».
    expect(join(['/channel/UCx', '-', 'ImaOEAIKEe'])).toEqual(['/channel/UCx-ImaOEAIKEe']);
    expect(join(['/profile.php?', 'id=1000083'])).toEqual(['/profile.php?id=1000083']);
    // A slashed word in another script, or one slash alone, is no path: the space stays.
    expect(join(['/биелэлт?', 'Тийм'])).toEqual(['/биелэлт? Тийм']);
    expect(join(['and/or?', 'id=1'])).toEqual(['and/or? id=1']);
  });

  it('does not join a full line on the document evidence alone when the word after it is capitalised', () => {
    expect(join(['Республикасы', 'Нын'], ['республикасынын'])).toEqual(['Республикасы Нын']);
  });

  it('a line within the frame slack of full joins only on the document evidence, never on width odds', () => {
    // 11 glyphs, 55 pt: 5 pt left, exactly one glyph — not full, but within a fifth of a glyph of it
    // once the frame estimate is allowed its error.
    const lines = ['даатгуйлаач', 'ин буреэр'];
    const geometry = [syntheticLine(lines[0]!, 0), syntheticLine(lines[1]!, 1, GLYPH - 0.5)];
    geometry[1]!.firstGlyphWidth = GLYPH - 0.5;
    const without = cellParagraphs(lines, collectWords(lines), { geometry, frame: FRAME, pitch: 1.2 });
    const withWord = cellParagraphs(lines, collectWords([...lines, 'даатгуйлаачин']), { geometry: [syntheticLine(lines[0]!, 0), syntheticLine(lines[1]!, 1, GLYPH + 0.5)], frame: FRAME, pitch: 1.2 });
    expect(without).toEqual(['даатгуйлаач ин буреэр']);
    expect(withWord).toEqual(['даатгуйлаачин буреэр']);
  });

  it('joins a line opening with closing punctuation to a full one-word line, and keeps the space where the break was at a space', () => {
    // «баталгаажуу» alone, 11 glyphs of the 12 the frame holds: «;» (half a glyph) would have
    // fitted, so no word was broken there; «ажлын хүрээн» fills the line but is two words, so the renderer had a
    // space to break at.
    const lines = ['баталгаажуу', '; ажлын'];
    const narrowMark = [syntheticLine(lines[0]!, 0), syntheticLine(lines[1]!, 1, 2.5)];
    expect(cellParagraphs(lines, collectWords(lines), { geometry: narrowMark, frame: FRAME, pitch: 1.2 })).toEqual(['баталгаажуу ; ажлын']);
    expect(join(['ажлын хүрээн', '; дэх'])).toEqual(['ажлын хүрээн ; дэх']);
    // «камсыздандыр» fills the line: the mark is the rest of the word.
    expect(join(['камсыздандыр', '), жана'])).toEqual(['камсыздандыр), жана']);
  });

  it('joins after a line-end hyphen without a space', () => {
    expect(join(['жана иш-', 'чаралар'])).toEqual(['жана иш-чаралар']);
  });
});

describe('a centred heading broken before its closing mark', () => {
  // «Эхэлсэн» (7 glyphs, 35 pt) starts at the column's text edge, «,» under it on the same centre:
  // centred text with no white on its left filled its box, though the column's body text runs to
  // 160 (the stream column's text frame).
  const heading = { ...syntheticLine('Эхэлсэн', 0), x1: 135 };
  const mark = (x0: number) => ({ ...syntheticLine(',', 1, 2), x0, x1: x0 + 2 });
  const read = (x0: number): string[] => cellParagraphs(['Эхэлсэн', ','], collectWords(['Эхэлсэн', ',']), { geometry: [heading, mark(x0)], textFrame: FRAME, pitch: 1.2 });

  it('joins the mark to the word: the break fell inside it', () => {
    expect(read(116.5)).toEqual(['Эхэлсэн,']);
  });

  it('keeps the break at a space where the mark starts the next line at the edge (left-aligned, room left)', () => {
    expect(read(100)).toEqual(['Эхэлсэн ,']);
  });
});
