import { describe, expect, it } from 'vitest';
import type { DocRow, TableBlock } from '../../src/model/doc-tree.ts';
import type { Segment, TextRun } from '../../src/parse/pdf/page-content.ts';
import { joinColumnRules } from '../../src/parse/pdf/column-rules.ts';
import { latticeTable, ruleGroups } from '../../src/parse/pdf/lattice-table.ts';
import { linkPageTables, type PlacedTable } from '../../src/parse/pdf/page-continuation.ts';
import type { GridCell, PageTable } from '../../src/parse/pdf/table-grid.ts';
import { withoutTextDecorations } from '../../src/parse/pdf/text-decorations.ts';
import { collectWords } from '../../src/parse/pdf/cell-text.ts';

const NO_WORDS = collectWords([]);

/** Synthetic page pieces of one ruled table: three columns (number, measure, status). */
const EDGES = [40, 80, 300, 400];
const row = (texts: string[], header = false): DocRow => ({
  cells: texts.map((text, col) => ({ text, paragraphs: text ? [text] : [], rowSpan: 1, colSpan: 1, col, position: {}, ...(header ? { header: true } : {}) })),
  ...(header ? { header: true } : {}),
  position: {},
});
const HEADER = ['№', 'Measure', 'Status'];

function piece(page: number, rows: DocRow[], opts: { edges?: number[]; openTop?: boolean; openBottom?: boolean; cut?: boolean } = {}): PlacedTable {
  const edges = opts.edges ?? EDGES;
  const table: PageTable = {
    mode: 'lattice',
    box: { x0: edges[0] ?? 0, x1: edges.at(-1) ?? 0, top: 40, bottom: 800 },
    rows: rows.length,
    cols: edges.length - 1,
    cells: [],
    rowBands: [],
    colEdges: edges,
    openEdges: { top: opts.openTop ?? false, bottom: opts.openBottom ?? false },
  };
  const block: TableBlock = { kind: 'table', rows, columns: edges.length - 1, position: { page } };
  return { page, table, block, lastOnPage: true, firstOnPage: true, cutAtPageEnd: opts.cut ?? false };
}

const body = (n: number, measure: string): DocRow => row([String(n), measure, 'done']);

describe('tables over page breaks (PDF pieces)', () => {
  it('a repeated header marks both pieces; a row cut at the page end continues overleaf even with its key cells filled', () => {
    const first = piece(1, [row(HEADER), body(1, 'First measure'), body(2, 'Second measure whose text')], { openBottom: true, cut: true });
    const next = piece(2, [row(HEADER), row(['', 'runs on over the page', '']), body(3, 'Third measure')]);
    linkPageTables([first, next], NO_WORDS);
    expect(next.block.continuesPrevious).toBe(true);
    expect(next.block.rows[0]?.header).toBe(true);
    expect(first.block.rows[0]?.header).toBe(true);
    expect(next.block.rows[1]).toMatchObject({ pageBreakBefore: true, continuesPrevious: true });

    // The cut is read from the rules, not from empty cells: the rest of the row may fill them all.
    const cutFull = piece(1, [row(HEADER), body(1, 'First measure'), body(2, 'Second measure whose text')], { openBottom: true, cut: true });
    const full = piece(2, [row(HEADER), row(['(cont.)', 'and more text of it', 'still in progress']), body(3, 'Third')]);
    linkPageTables([cutFull, full], NO_WORDS);
    expect(full.block.rows[1]?.continuesPrevious).toBe(true);
  });

  it('a closed bottom leaves a filled first row to the text cues; an open one ending short of the page end too', () => {
    const closed = piece(1, [row(HEADER), body(1, 'First'), body(2, 'Second')]);
    const next = piece(2, [row(HEADER), body(3, 'Third')]);
    linkPageTables([closed, next], NO_WORDS);
    expect(next.block.rows[1]?.pageBreakBefore).toBe(true);
    expect(next.block.rows[1]?.continuesPrevious).toBeUndefined();

    const short = piece(1, [row(HEADER), body(1, 'First'), body(2, 'Second')], { openBottom: true, cut: false });
    const after = piece(2, [row(HEADER), row(['', 'next part', 'done'])]);
    after.block.rows[1]!.cells[0]!.text = '';
    linkPageTables([short, after], NO_WORDS);
    // The empty number cell alone still says the row started before.
    expect(after.block.rows[1]?.continuesPrevious).toBe(true);
  });

  it('a key column stays key when paragraphs of a long cell were read as rows of their own (one cell each)', () => {
    // Rows 1–9 fill the number column; three one-cell rows (paragraphs set a row's gap apart in a
    // borderless cell) leave it empty: the number column is still what every new row fills.
    const rows = [row(HEADER), ...[1, 2, 3].flatMap((n) => [body(n, `Measure ${n}`), body(n + 3, `Measure ${n + 3}`), body(n + 6, `Measure ${n + 6}`), row(['', '', 'and more of it'])])];
    const first = piece(1, rows, { openBottom: true, cut: true });
    const next = piece(2, [row(HEADER), row(['', 'the rest of the measure', 'done'])]);
    linkPageTables([first, next], NO_WORDS);
    expect(next.block.rows[1]?.continuesPrevious).toBe(true);
    const unbroken = piece(1, rows);
    const after = piece(2, [row(HEADER), row(['', 'the rest of the measure', 'done'])]);
    linkPageTables([unbroken, after], NO_WORDS);
    expect(after.block.rows[1]?.continuesPrevious).toBe(true);
  });

  it('a key column under a cell spanning into it from the left is not empty: no cut row overleaf', () => {
    const edges = [40, 160, 260, 360, 420];
    const four = (texts: string[]): DocRow => row(texts);
    const head = ['Measure', 'Baseline', 'Target', 'Status'];
    const first = piece(1, [four(head), four(['First', 'low', 'high', 'done']), four(['Second', 'none', 'some', 'done'])], { edges });
    const spanning: DocRow = {
      cells: [
        { text: 'Third', paragraphs: ['Third'], rowSpan: 1, colSpan: 1, col: 0, position: {} },
        { text: 'no breach at all', paragraphs: ['no breach at all'], rowSpan: 1, colSpan: 2, col: 1, position: {} },
        { text: 'done', paragraphs: ['done'], rowSpan: 1, colSpan: 1, col: 3, position: {} },
      ],
      position: {},
    };
    const next = piece(2, [four(head), spanning], { edges });
    linkPageTables([first, next], NO_WORDS);
    expect(next.block.continuesPrevious).toBe(true);
    expect(next.block.rows[1]?.pageBreakBefore).toBe(true);
    expect(next.block.rows[1]?.continuesPrevious).toBeUndefined();
  });

  it('a first row that opens a numbered item is a new row, whatever the page-break cues say', () => {
    const cut = piece(1, [row(HEADER), row(['1', '1. First measure', 'done']), row(['2', '2. Second measure', 'done'])], { openBottom: true, cut: true });
    const next = piece(2, [row(HEADER), row(['', '3. Third measure', 'done'])]);
    linkPageTables([cut, next], NO_WORDS);
    expect(next.block.rows[1]?.pageBreakBefore).toBe(true);
    expect(next.block.rows[1]?.continuesPrevious).toBeUndefined();
  });

  it('a table that draws no outer rules at all is not read as cut at its open bottom', () => {
    const open = piece(1, [row(HEADER), body(1, 'First'), body(2, 'Second')], { openTop: true, openBottom: true, cut: true });
    const next = piece(2, [row(HEADER), row(['4', 'Fourth', 'done'])]);
    linkPageTables([open, next], NO_WORDS);
    expect(next.block.rows[1]?.continuesPrevious).toBeUndefined();
  });

  it('a piece printed without the header joins the table on the same column rules, not one on other rules', () => {
    const head = piece(1, [row(HEADER), body(1, 'First'), body(2, 'Second')]);
    const same = piece(2, [body(3, 'Third'), body(4, 'Fourth')], { openTop: true });
    linkPageTables([head, same], NO_WORDS);
    expect(same.block.continuesPrevious).toBe(true);
    expect(same.block.rows[0]?.header).toBeUndefined();

    const other = piece(2, [body(3, 'Third'), body(4, 'Fourth')], { edges: [40, 150, 300, 400] });
    const head2 = piece(1, [row(HEADER), body(1, 'First'), body(2, 'Second')]);
    linkPageTables([head2, other], NO_WORDS);
    expect(other.block.continuesPrevious).toBeUndefined();
  });
});

/** A cell of line geometry: lines `[x0, x1]` at 12 pt steps from `top`, words 5 pt per glyph. */
function gridCell(row: number, col: number, lines: [number, number, string][], box: { x0: number; x1: number }): GridCell {
  const geometry = lines.map(([x0, x1, text], i) => {
    const head = text.split(' ')[0] ?? '';
    return { x0, x1, top: 100 + 12 * i, bottom: 110 + 12 * i, baseline: 108 + 12 * i, fontSize: 10, headWidth: head.length * 5, tailWidth: 5, firstGlyphWidth: 5, glyphWidth: 5, oneWord: !text.includes(' ') };
  });
  return { row, col, rowSpan: 1, colSpan: 1, lines: lines.map(([, , t]) => t), geometry, bold: false, box: { ...box, top: 96, bottom: 100 + 12 * lines.length } };
}

describe('text cut by a page break inside a cell', () => {
  // Column 1 runs from 80 to 300 with 4 pt of padding: its lines may reach 296.
  const measure = { x0: 80, x1: 300 };
  const number = { x0: 40, x1: 80 };
  /** The cut cell ends on `lastLine` (ending at `lastLineEnd`); row 2 holds `elsewhere` on one line. */
  function pages(
    lastLineEnd: number,
    lastLine: string,
    elsewhere = 'Internal audit office',
    overleaf = 'Chairman of the Fund',
    overleafLines = [overleaf],
    readAbove = `Executive board, regional offices, the ${lastLine}`,
  ): PlacedTable[] {
    const first = piece(1, [row(HEADER), body(1, elsewhere), body(2, readAbove)], { openBottom: true, cut: true });
    first.table.rows = 3;
    first.table.cells = [
      gridCell(1, 0, [[44, 54, '1']], number),
      gridCell(1, 1, [[84, 250, elsewhere]], measure),
      gridCell(2, 0, [[44, 54, '2']], number),
      gridCell(2, 1, [[84, 290, 'Executive board, regional offices, the'], [84, lastLineEnd, lastLine]], measure),
    ];
    const next = piece(2, [row(HEADER), row(['', overleaf, ''])]);
    next.table.rows = 2;
    next.table.cells = [gridCell(1, 1, overleafLines.map((line) => [84, 200, line] as [number, number, string]), measure)];
    linkPageTables([first, next], collectWords([first, next].flatMap((p) => p.table.cells.flatMap((c) => c.lines))));
    return [first, next];
  }
  const marked = (p: PlacedTable[]): boolean | undefined => p[1]?.block.rows[1]?.cells[1]?.continuesAbove;

  it('a full last line goes on overleaf where the document has the two words side by side on a line', () => {
    // 6 pt left on the line; «Chairman» is 40 pt wide.
    expect(marked(pages(290, 'Social Fund of the', 'the Chairman of the Fund'))).toBe(true);
    expect(marked(pages(290, 'Social Fund of the'))).toBeUndefined();
  });

  it('reads the words overleaf as the cell reads them, a word broken on its first line joined', () => {
    // The cell overleaf read «Chairman of the Fund» from «Chair|man of the Fund»: its first word
    // is «Chairman», which the document has beside «the».
    expect(marked(pages(290, 'Social Fund of the', 'the Chairman of the Fund', 'Chairman of the Fund', ['Chair', 'man of the Fund']))).toBe(true);
  });

  it('reads the words before the cut as the cell above reads them, a word broken on its last line joined', () => {
    // The cell above read «… the Social Fund» from «… the Social Fu|nd»: its last word is «Fund».
    const cut = (read: string) => marked(pages(290, 'nd', 'the Fund Chairman', 'Chairman of the Fund', undefined, read));
    expect(cut('Executive board, regional offices, the Social Fund')).toBe(true);
    expect(cut('Executive board, regional offices, the Social Fu nd')).toBeUndefined();
  });

  it('a full last line goes on overleaf where its text leaves the sentence open: a comma, an unclosed quote', () => {
    expect(marked(pages(290, 'Social Fund, regional offices,'))).toBe(true);
    expect(marked(pages(290, 'the «Social Fund of the'))).toBe(true);
    expect(marked(pages(290, 'the «Social Fund» board'))).toBeUndefined();
  });

  it('a last line ending in a hyphen goes on overleaf without a space, as within a page', () => {
    const cell = (p: PlacedTable[]) => p[1]?.block.rows[1]?.cells[1];
    const hyphen = cell(pages(290, 'the offices of the 2015-', undefined, 'year plan'));
    expect([hyphen?.continuesAbove, hyphen?.cutInWord]).toEqual([true, true]);
    const none = cell(pages(290, 'the offices of the 2015', undefined, 'year plan'));
    expect([none?.continuesAbove, none?.cutInWord]).toEqual([true, undefined]);
  });

  it('a web address cut where the line was full goes on overleaf without a space, a digit after it and all', () => {
    const cell = (p: PlacedTable[]) => p[1]?.block.rows[1]?.cells[1];
    const cut = cell(pages(294, 'https://ok.ru/profile/56', undefined, '4665816463 https://ok.ru/socfondkg'));
    expect([cut?.continuesAbove, cut?.cutInWord]).toEqual([true, true]);
    // Ending short, the address ended there: the digits overleaf are a new paragraph.
    const short = cell(pages(200, 'https://ok.ru/profile/56', undefined, '4665816463 https://ok.ru/socfondkg'));
    expect([short?.continuesAbove, short?.cutInWord]).toEqual([undefined, undefined]);
  });

  it('a web address cut at its «?» goes on overleaf without a space, though the line ended short (the rest did not fit)', () => {
    const cell = (p: PlacedTable[]) => p[1]?.block.rows[1]?.cells[1];
    const read = (last: string, overleaf: string) => cell(pages(200, last, undefined, overleaf, undefined, `Pages of the Fund: ${last}`));
    const query = read('https://www.facebook.com/profile.php?', 'id=100008384018333 https://ok.ru/socfondkg');
    expect([query?.continuesAbove, query?.cutInWord]).toEqual([true, true]);
    // A question ending a sentence is no address: the line ended short, the text overleaf starts afresh.
    const asked = read('what of the Fund?', 'id=100008384018333 https://ok.ru/socfondkg');
    expect([asked?.continuesAbove, asked?.cutInWord]).toEqual([undefined, undefined]);
    // An address opening overleaf is the next entry of a list of addresses.
    const next = read('https://www.facebook.com/profile.php?', 'https://ok.ru/socfondkg');
    expect(next?.cutInWord).toBeUndefined();
  });

  it('a full line ending an address begun lines before the cut does not run into the address opening overleaf', () => {
    const cell = (p: PlacedTable[]) => p[1]?.block.rows[1]?.cells[1];
    // The cell above reads «… https://www.youtube.com/channel/UC-ImaOEAIKEeQCqxYzvPNO», its last
    // line «QCqxYzvPNO» full; overleaf the next address opens.
    const cut = cell(pages(294, 'QCqxYzvPNO', undefined, 'https://ok.ru/profile/564665816463', undefined, 'Channels: https://www.youtube.com/channel/UC-ImaOEAIKEeQCqxYzvPNO'));
    expect(cut?.cutInWord).toBeUndefined();
    // Going on in an address's characters, the address runs on without a space.
    const rest = cell(pages(294, 'QCqxYzvPNO', undefined, 'xyz/videos and more', undefined, 'Channels: https://www.youtube.com/channel/UC-ImaOEAIKEeQCqxYzvPNO'));
    expect([rest?.continuesAbove, rest?.cutInWord]).toEqual([true, true]);
  });

  it('a last line that ended short was a forced break, whatever the text says', () => {
    // 96 pt left on the line: «Chairman» would have fitted.
    expect(marked(pages(200, 'Social Fund, regional offices,', 'the Chairman of the Fund'))).toBeUndefined();
  });
});

const seg = (orientation: 'h' | 'v', at: number, from: number, to: number): Segment => ({ orientation, at, from, to });
const run = (text: string, x0: number, top: number, size = 10): TextRun => ({
  text,
  x0,
  x1: x0 + text.length * size * 0.5,
  top,
  bottom: top + size,
  baseline: top + size * 0.8,
  fontSize: size,
  fontName: 'F1',
  bold: false,
});

/** A three-column grid from y 100 to `bottom`, rows ruled at `hs`; verticals run from 100 to `vBottom`. */
function grid(hs: number[], vBottom: number, hSkip: (y: number, c: number) => boolean = () => false): Segment[] {
  const xs = [40, 140, 240, 340];
  const out: Segment[] = [];
  for (const y of hs) for (let c = 0; c < 3; c++) if (!hSkip(y, c)) out.push(seg('h', y, xs[c]!, xs[c + 1]!));
  for (const x of xs) out.push(seg('v', x, 100, vBottom));
  return out;
}
const gridRuns = [run('a', 50, 105), run('b', 150, 105), run('c', 250, 105), run('d', 50, 135), run('e', 150, 135), run('f', 250, 135)];

describe('ruled edges a page break leaves open', () => {
  it('a grid closed by a rule under its last row is closed; verticals running on past the last rule leave it open', () => {
    const closed = latticeTable(grid([100, 130, 160], 160), gridRuns)?.table;
    expect(closed?.openEdges).toEqual({ top: false, bottom: false });
    const open = latticeTable(grid([100, 130], 160), gridRuns)?.table;
    expect(open?.rows).toBe(2);
    expect(open?.openEdges).toEqual({ top: false, bottom: true });
  });

  it('a rule under some cells of the last row says the row ended: the open cells span on', () => {
    const partial = latticeTable(grid([100, 130, 160], 160, (y, c) => y === 160 && c === 0), gridRuns)?.table;
    expect(partial?.openEdges?.bottom).toBe(false);
  });

  it('column rules of one extent with no row rule are one grid, open at top and bottom; two alone are not', () => {
    const verticals = [40, 140, 240, 340].map((x) => seg('v', x, 60, 780));
    const groups = joinColumnRules(ruleGroups(verticals));
    expect(groups).toHaveLength(1);
    const piece = latticeTable(groups[0]!, [run('rest of a long cell', 250, 300)])?.table;
    expect(piece).toMatchObject({ rows: 1, cols: 3, openEdges: { top: true, bottom: true } });
    expect(joinColumnRules(ruleGroups(verticals.slice(0, 2)))).toHaveLength(2);
  });

  it('lone verticals cut where a row border crosses them, above and below, are still the grid’s column rules', () => {
    // A row starts 2 pt below the page's first rule band: the grid's verticals run from 60 to 100
    // and from 102 to 160 (the row border at 101 touches both), and the cell spanning down on the
    // left draws its borders in two pieces the same way.
    const ruled = [seg('h', 101, 140, 340), seg('h', 160, 140, 340), ...[140, 240, 340].flatMap((x) => [seg('v', x, 60, 100), seg('v', x, 102, 160)])];
    const lone = [seg('v', 40, 60, 100), seg('v', 40, 102, 160)];
    const groups = joinColumnRules(ruleGroups([...ruled, ...lone]));
    expect(groups).toHaveLength(1);
    for (const s of lone) expect(groups[0]).toContain(s);
  });

  it('a lone vertical as high as a grid beside it is the grid’s outer rule (a cell spanning down from the page before)', () => {
    const ruled = grid([130, 160], 160).filter((s) => !(s.orientation === 'v' && s.at === 40));
    const lone = seg('v', 0, 100, 160);
    const groups = joinColumnRules(ruleGroups([...ruled, lone]));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toContain(lone);
    const other = seg('v', 0, 20, 90);
    expect(joinColumnRules(ruleGroups([...ruled, other]))).toHaveLength(2);
  });
});

describe('text decorations are not rules', () => {
  it('drops a stroke under a line of text that starts at the text; keeps a cell rule that starts at the cell edge', () => {
    const link = run('https://example.org/a/long/link', 300, 200);
    const underline = seg('h', link.baseline + 1, link.x0, link.x1 + 40);
    const strike = seg('h', link.top + 5, link.x0 + 20, link.x0 + 60);
    const cellRule = seg('h', link.bottom + 3, 290, 500);
    const beside = seg('h', link.baseline + 1, link.x0 - 10, link.x1);
    const kept = withoutTextDecorations([underline, strike, cellRule, beside, seg('v', 290, 190, 220)], [link]);
    expect(kept).toEqual([cellRule, beside, seg('v', 290, 190, 220)]);
  });

  it('drops an underline a pixel lower, deep in the descent, when it spans the text exactly; keeps a rule as deep that runs on', () => {
    // Size 10: baseline 208, glyph foot 210; a pixel's rounding puts the underline at 209.8.
    const link = run('https://example.org/socfond', 300, 200);
    const underline = seg('h', 209.8, link.x0, link.x1);
    const rule = seg('h', 209.8, link.x0, link.x1 + 30);
    expect(withoutTextDecorations([underline, rule], [link])).toEqual([rule]);
  });
});

describe('borderless tables over page breaks', () => {
  /** A borderless piece: the header band, then rows each 30 pt tall, the first `gap` pt under the header. */
  function streamPiece(page: number, rows: DocRow[], gap: number): PlacedTable {
    const bands = rows.map((_, r) => (r === 0 ? { top: 40, bottom: 52 } : { top: 52 + gap + (r - 1) * 30, bottom: 52 + gap + (r - 1) * 30 + 24 }));
    const cells: GridCell[] = rows.flatMap((rw, r) =>
      rw.cells.map((c) => ({
        row: r,
        col: c.col ?? 0,
        rowSpan: 1,
        colSpan: 1,
        lines: c.text ? [c.text] : [],
        geometry: [],
        bold: false,
        box: { x0: EDGES[c.col ?? 0] ?? 0, x1: EDGES[(c.col ?? 0) + 1] ?? 0, top: bands[r]?.top ?? 0, bottom: bands[r]?.bottom ?? 0 },
      })),
    );
    const table: PageTable = { mode: 'stream', box: { x0: 40, x1: 400, top: 40, bottom: 800 }, rows: rows.length, cols: 3, cells, rowBands: bands, colEdges: EDGES };
    const block: TableBlock = { kind: 'table', rows, columns: 3, position: { page } };
    return { page, table, block, lastOnPage: true, firstOnPage: true, cutAtPageEnd: false };
  }

  it('a first row set closer under the repeated header than the first page sets its first row continues the row cut by the page', () => {
    const first = streamPiece(1, [row(HEADER), body(1, 'First measure'), body(2, 'Second measure of the')], 8);
    // Every column filled: only the gap under the header tells the cut row from a new one.
    const cutRest = streamPiece(2, [row(HEADER), row(['(a)', 'social fund', 'Done']), body(3, 'Third')], 4);
    linkPageTables([first, cutRest], NO_WORDS);
    expect(cutRest.block.rows[1]?.continuesPrevious).toBe(true);
    // Text that runs on over the break (a lower-case start) joins its cell without a paragraph
    // break; a capital after a complete word is left a paragraph of its own.
    expect(cutRest.block.rows[1]?.cells[1]?.continuesAbove).toBe(true);
    expect(cutRest.block.rows[1]?.cells[2]?.continuesAbove).toBeUndefined();

    const again = streamPiece(1, [row(HEADER), body(1, 'First measure'), body(2, 'Second measure.')], 8);
    const newRow = streamPiece(2, [row(HEADER), row(['(a)', 'social fund', 'Done']), body(3, 'Third')], 8);
    linkPageTables([again, newRow], NO_WORDS);
    expect(newRow.block.rows[1]?.continuesPrevious).not.toBe(true);
  });

  it('a first row overleaf (no header repeated) whose every cell reads on from the cell above continues the cut row, capitals and all', () => {
    // The document sets "Republic Social" and "the Fund" side by side elsewhere.
    const words = collectWords(['the Social Fund of the Kyrgyz Republic Social Fund', 'reported by the Fund']);
    const first = streamPiece(1, [row(HEADER), body(1, 'First measure'), row(['Goal of the', 'Measures of the Kyrgyz Republic', 'reported by the'])], 8);
    const next = streamPiece(2, [row(['Social Fund', 'Social Fund drafts', 'Fund in full']), body(3, 'Third')], 8);
    linkPageTables([first, next], words);
    expect(next.block.rows[0]?.continuesPrevious).toBe(true);
    // A cell that ended a sentence above starts a row of its own.
    const ended = streamPiece(1, [row(HEADER), body(1, 'First measure'), row(['Goal of the', 'Measures of the Kyrgyz Republic.', 'reported by the'])], 8);
    const fresh = streamPiece(2, [row(['Social Fund', 'Social Fund drafts', 'Fund in full']), body(3, 'Third')], 8);
    linkPageTables([ended, fresh], words);
    expect(fresh.block.rows[0]?.continuesPrevious).not.toBe(true);
  });

  it('a word the page cut where its column was full joins overleaf without a space, as inside a cell', () => {
    const words = collectWords(['x камсыздандыруу жана башка', 'x social fund of the state']);
    /** The cut row's measure cell ends on a one-word line ending at `end`; the column's text reaches 294, the next column starts at 304. */
    const cut = (end: number): PlacedTable[] => {
      const first = streamPiece(1, [row(HEADER), body(1, 'social fund of the state'), row(['2', 'the social камсыздандыр', 'done'])], 8);
      const measure = { x0: 80, x1: 300 };
      first.table.cells = [
        gridCell(1, 1, [[84, 294, 'social fund of the state']], measure),
        gridCell(1, 2, [[304, 330, 'done']], { x0: 300, x1: 400 }),
        gridCell(2, 0, [[44, 50, '2']], { x0: 40, x1: 80 }),
        gridCell(2, 1, [[84, 134, 'the social'], [84, end, 'камсыздандыр']], measure),
        gridCell(2, 2, [[304, 330, 'done']], { x0: 300, x1: 400 }),
      ];
      const next = streamPiece(2, [row(['', 'уу жана башка', '']), body(3, 'Third')], 8);
      next.table.cells = [gridCell(0, 1, [[84, 150, 'уу жана башка']], measure)];
      linkPageTables([first, next], words);
      return [first, next];
    };
    const full = cut(292)[1]?.block.rows[0];
    expect(full?.continuesPrevious).toBe(true);
    expect([full?.cells[1]?.continuesAbove, full?.cells[1]?.cutInWord]).toEqual([true, true]);
    // Ending 60 pt short, the line had room for more: the word ended there.
    const short = cut(232)[1]?.block.rows[0]?.cells[1];
    expect([short?.continuesAbove, short?.cutInWord]).toEqual([true, undefined]);
  });

  it('a first row overleaf most of whose cells go on in small letters continues the cut row though one cell above ended a sentence', () => {
    const first = streamPiece(1, [row(HEADER), body(1, 'First measure'), row(['Goal of the', 'Measures of the Fund taken.', 'reported by the'])], 8);
    const next = streamPiece(2, [row(['social fund', 'Status: done', 'regional units']), body(3, 'Third')], 8);
    linkPageTables([first, next], NO_WORDS);
    expect(next.block.rows[0]?.continuesPrevious).toBe(true);
    expect(next.block.rows[0]?.cells[1]?.continuesAbove).toBeUndefined();
    // One cell in small letters is not most of them.
    const again = streamPiece(1, [row(HEADER), body(1, 'First measure'), row(['Goal of the', 'Measures of the Fund taken.', 'reported by the'])], 8);
    const fresh = streamPiece(2, [row(['Social fund', 'Status: done', 'regional units']), body(3, 'Third')], 8);
    linkPageTables([again, fresh], NO_WORDS);
    expect(fresh.block.rows[0]?.continuesPrevious).not.toBe(true);
  });

  it('a first row overleaf most of whose cells read on continues the cut row though one cell opens a paragraph; one cell in three reading on does not', () => {
    const first = streamPiece(1, [row(HEADER), body(1, 'First measure'), row(['Goal of the', 'Measures of the «Social', 'Status: done'])], 8);
    // Two cells read on (a small letter, a quote closed), the third opens a paragraph after a line without a stop.
    const next = streamPiece(2, [row(['fund and', 'Fund» drafts', 'Expected result 2']), body(3, 'Third')], 8);
    linkPageTables([first, next], NO_WORDS);
    expect(next.block.rows[0]?.continuesPrevious).toBe(true);
    const again = streamPiece(1, [row(HEADER), body(1, 'First measure'), row(['Goal of the', 'Measures of the Fund', 'Status: done'])], 8);
    const fresh = streamPiece(2, [row(['regional units', 'New measure', 'Expected result 2']), body(3, 'Third')], 8);
    linkPageTables([again, fresh], NO_WORDS);
    expect(fresh.block.rows[0]?.continuesPrevious).not.toBe(true);
  });

  it('a row of column numbers under a header band read in other rows on each page is header too, and the row under it continues the cut row', () => {
    // The first page reads the header as one row, this one as two; the column numbers under it
    // repeat row for row. The first body row overleaf leaves the number column empty.
    const first = streamPiece(1, [row(['№', 'Measure', 'Status of the work']), row(['1', '2', '3']), ...[1, 2, 3].map((n) => body(n, `Measure ${n}`)), body(4, 'Fourth measure of the')], 8);
    const next = streamPiece(2, [row(['№', 'Measure', 'Status of']), row(['', '', 'the work']), row(['1', '2', '3']), row(['', 'social fund', '']), body(5, 'Fifth')], 8);
    linkPageTables([first, next], NO_WORDS);
    expect(next.block.rows.map((r) => r.header === true)).toEqual([true, true, true, false, false]);
    expect(first.block.rows[1]?.header).toBe(true);
    expect(next.block.rows[3]).toMatchObject({ pageBreakBefore: true, continuesPrevious: true });
  });

  it('a header band wins over rows read nearly alike where it takes in more rows (column numbers set into the header cells on one page)', () => {
    // The first page sets the column numbers into its header cells' last lines; this one reads them
    // as a row of their own. Row for row, the header rows read nearly alike (three figures apart).
    const first = streamPiece(1, [row(['№ 1', 'Measure of the plan 2', 'Status of the work 3']), ...[1, 2, 3].map((n) => body(n, `Measure ${n}`)), body(4, 'Fourth measure of the')], 8);
    const next = streamPiece(2, [row(['№', 'Measure of the plan', 'Status of the work']), row(['1', '2', '3']), row(['', 'social fund', '']), body(5, 'Fifth')], 8);
    linkPageTables([first, next], NO_WORDS);
    expect(next.block.rows.map((r) => r.header === true)).toEqual([true, true, false, false]);
    expect(next.block.rows[2]).toMatchObject({ pageBreakBefore: true, continuesPrevious: true });
  });
});
