import { describe, expect, it } from 'vitest';
import { absorbColumnHead, columnPage } from '../../src/parse/pdf/column-head.ts';
import type { PageContent, TextRun } from '../../src/parse/pdf/page-content.ts';
import { findTables } from '../../src/parse/pdf/table-finder.ts';
import { streamTable } from '../../src/parse/pdf/stream-table.ts';
import { buildLines } from '../../src/parse/pdf/text-lines.ts';
import { cell, run } from './support/synthetic-runs.ts';

/**
 * The rest of a borderless row cut by the page break, one column alone at the top of the next page
 * (no header repeated), and a page of nothing but that column (column-head.ts), on synthetic
 * words: each run is one cell line, 0.5 em a letter, at a given left edge and baseline.
 */
const rows = (top: number): TextRun[] =>
  [0, 1, 2].flatMap((k) => {
    const b = top + k * 40;
    return [...cell(35, b, [`${k + 4}.`]), ...cell(100, b, ['measure text', 'goes on']), ...cell(200, b, ['done and', 'reported'])];
  });
const table = (top: number) => {
  const read = streamTable(buildLines(rows(top)));
  if (!read) throw new Error('no table');
  return read.table;
};
const all = () => true;

describe('the rest of a cut row at the top of a page', () => {
  const rest = cell(200, 30, ['and the rest of', 'the report of the', 'row above']);

  it('becomes the table\'s first row, in its column', () => {
    const t = table(80);
    expect(absorbColumnHead(t, buildLines(rest), all)).toEqual([]);
    expect(t.cells.filter((c) => c.row === 0).map((c) => [c.col, c.lines])).toEqual([[2, ['and the rest of', 'the report of the', 'row above']]]);
    expect(t.cells.find((c) => c.lines[0] === '4.')?.row).toBe(1);
  });

  it('joins the first row\'s cell when its lines run on into it at line spacing', () => {
    const t = table(80);
    const rows = t.rows;
    expect(absorbColumnHead(t, buildLines(cell(200, 56, ['the rest', 'of it'])), all)).toEqual([]);
    expect(t.rows).toBe(rows);
    expect(t.cells.find((c) => c.row === 0 && c.col === 2)?.lines).toEqual(['the rest', 'of it', 'done and', 'reported']);
  });

  it('stays running text under a heading, or when a line runs across the columns', () => {
    const heading = run('A heading over the whole width of the page', 35, 10, 220);
    expect(absorbColumnHead(table(80), buildLines([heading, ...rest]), all)).toHaveLength(4);
    const wide = run('a paragraph line from the first column to the last', 35, 66, 220);
    expect(absorbColumnHead(table(80), buildLines([...rest, wide]), all)).toHaveLength(4);
  });

  it('reads a page of one column alone as a row of the table on the page before', () => {
    const page = cell(200, 30, ['a long report', 'of what was done', 'running on', 'over the page']);
    const read = columnPage(table(80), buildLines(page), all);
    expect(read?.rest).toEqual([]);
    expect(read?.table.cells.map((c) => [c.row, c.col, c.lines.length])).toEqual([[0, 2, 4]]);
    expect(columnPage(table(80), buildLines([run('A page of prose across the width of the page', 35, 30, 220)]), all)).toBeUndefined();
  });

  it('reads the page\'s top block in the columns when the text after it is set apart (the end of the table, then a list)', () => {
    const list = [run('Abbreviations:', 35, 120), run('SF - the Social Fund of the Kyrgyz Republic', 35, 132, 220)];
    const read = columnPage(table(80), buildLines([...cell(100, 30, ['of the work', 'done']), ...cell(200, 30, ['and reported', 'in time']), ...list]), all);
    expect(read?.table.cells.map((c) => [c.row, c.col, c.lines.join(' ')])).toEqual([
      [0, 1, 'of the work done'],
      [0, 2, 'and reported in time'],
    ]);
    expect(read?.rest.map((l) => l.chunks.map((c) => c.text).join(' '))).toEqual(['Abbreviations:', 'SF - the Social Fund of the Kyrgyz Republic']);
    // The list right under the block, at a cell's spacing: the block keeps to the table's inner
    // columns, where no heading or paragraph starts, so it is still the cut row's rest.
    const close = [run('Abbreviations:', 35, 66), run('SF - the Social Fund of the Kyrgyz Republic', 35, 78, 220)];
    const inner = columnPage(table(80), buildLines([...cell(100, 30, ['of the work', 'done']), ...cell(200, 30, ['and reported', 'in time']), ...close]), all);
    expect(inner?.rest.map((l) => l.chunks.map((c) => c.text).join(' '))).toEqual(['Abbreviations:', 'SF - the Social Fund of the Kyrgyz Republic']);
    // A block that starts in the first column, with the list right under it: no telling where the row ends.
    const first = columnPage(table(80), buildLines([...cell(35, 30, ['9.']), ...cell(100, 30, ['of the work', 'done']), ...close]), all);
    expect(first).toBeUndefined();
  });

  it('reads a column page on over a list\'s margin in an inner column', () => {
    // The list's margin is wider than any gap of the table on the page before.
    const page = [...cell(200, 30, ['a long report', 'of what was done:']), ...cell(200, 84, ['- first item', '- second item'])];
    const read = columnPage(table(80), buildLines(page), all);
    expect(read?.rest).toEqual([]);
    expect(read?.table.cells.map((c) => [c.col, c.lines.length])).toEqual([[2, 4]]);
  });
});

describe('the rest of a goal row at the top of a page', () => {
  const bold = (r: TextRun): TextRun => ({ ...r, bold: true });
  // Numbers centred in the first column (its text starts at 50); goal rows start at its edge, 35.
  const body = (top: number, goal: boolean): TextRun[] => [
    ...(goal ? [bold(run('GOAL 2. THE SECOND GOAL OF THE PLAN SET ACROSS', 35, top - 24, 230))] : []),
    ...[0, 1].flatMap((k) => [run(`${k + 1}`, 50, top + k * 40), ...cell(100, top + k * 40, ['measure text', 'goes on']), ...cell(200, top + k * 40, ['done and', 'reported'])]),
  ];
  const read = (runs: TextRun[]) => {
    const r = streamTable(buildLines(runs));
    if (!r) throw new Error('no table');
    return r.table;
  };

  it('is a row of its own under the rest of a cut row above it', () => {
    const before = read(body(80, true));
    const t = read(body(80, false));
    const page = [...cell(200, 20, ['the rest of', 'the report']), bold(run('GOAL 3. THE THIRD ONE', 35, 54, 120))];
    expect(absorbColumnHead(t, buildLines(page), all, [before])).toEqual([]);
    expect(t.cells.filter((c) => c.row < 2).map((c) => [c.row, c.col, c.colSpan, c.lines.join(' / ')])).toEqual([
      [0, 2, 1, 'the rest of / the report'],
      [1, 0, t.cols, 'GOAL 3. THE THIRD ONE'],
    ]);
  });

  it('is a row across the table, where the document\'s goal rows are set', () => {
    const before = read(body(80, true));
    const t = read(body(80, false));
    const rest = [bold(run('THE WHOLE TABLE', 35, 54, 80))];
    expect(absorbColumnHead(t, buildLines(rest), all)).toHaveLength(1);
    expect(absorbColumnHead(t, buildLines(rest), all, [before])).toEqual([]);
    expect(t.cells[0]).toMatchObject({ row: 0, col: 0, colSpan: t.cols, lines: ['THE WHOLE TABLE'] });
  });
});

describe('a page of one tall row, printed without the header', () => {
  const bold = (r: TextRun): TextRun => ({ ...r, bold: true });
  // Rows 28 pt apart below their last line; goal rows set across the table from its left edge.
  const measured = [
    bold(run('GOAL 1. THE FIRST GOAL OF THE PLAN SET ACROSS', 35, 56, 230)),
    ...[0, 1, 2, 3].flatMap((k) => [run(`${k + 1}`, 50, 80 + k * 52), ...cell(100, 80 + k * 52, ['measure text', 'goes on']), ...cell(200, 80 + k * 52, ['done and', 'reported'])]),
  ];
  const oneRow = [run('3', 50, 120), ...cell(100, 120, ['measure text', 'goes on', 'and on']), ...cell(200, 120, ['done and', 'reported', 'in full', 'at last'])];
  const goalAbove = [...cell(200, 40, ['the rest of', 'the report']), bold(run('GOAL 2. THE SECOND ONE', 35, 84, 120))];

  it('takes the goal row above it, and the rest of a cut row above that, a row gap apart', () => {
    const first = streamTable(buildLines(measured));
    expect(first?.rowGap).toBeDefined();
    const t = streamTable(buildLines(oneRow))?.table;
    if (!first || !t) throw new Error('no table');
    // Without the document's row gap the table's one row shows none, and the goal row stays text.
    const bare = structuredClone(t);
    expect(absorbColumnHead(bare, buildLines(goalAbove), all, [first.table])).not.toEqual([]);
    expect(absorbColumnHead(t, buildLines(goalAbove), all, [first.table], first.rowGap ? [first.rowGap] : [])).toEqual([]);
    expect(t.cells.filter((c) => c.row < 2).map((c) => [c.row, c.col, c.lines.join(' / ')])).toEqual([
      [0, 2, 'the rest of / the report'],
      [1, 0, 'GOAL 2. THE SECOND ONE'],
    ]);
  });

  it('is a table where the page’s columns and pitch are the table’s on other pages', () => {
    const other: PageContent = { number: 1, width: 300, height: 400, runs: measured, segments: [], figures: [] };
    const page: PageContent = { number: 2, width: 300, height: 400, runs: oneRow, segments: [], figures: [] };
    const { rowGaps } = findTables(other);
    expect(rowGaps).toHaveLength(1);
    expect(findTables(page).tables).toHaveLength(0);
    const [t] = findTables(page, rowGaps).tables;
    expect(t?.cells.map((c) => [c.row, c.col, c.lines.length])).toEqual([
      [0, 0, 1],
      [0, 1, 3],
      [0, 2, 4],
    ]);
  });

  it('is no table of its own under another table of the page, past text between them', () => {
    const other: PageContent = { number: 1, width: 300, height: 400, runs: measured, segments: [], figures: [] };
    const { rowGaps } = findTables(other);
    const shift = (runs: TextRun[], dy: number): TextRun[] => runs.map((r) => ({ ...r, baseline: r.baseline + dy, top: r.top + dy, bottom: r.bottom + dy }));
    const prose = [run('A paragraph of text set across the whole width of the page', 35, 280, 230), run('and going on to a second line of the same', 35, 292, 230)];
    const page: PageContent = { number: 2, width: 300, height: 500, runs: [...shift(measured.slice(1), -20), ...prose, ...shift(oneRow, 200)], segments: [], figures: [] };
    const { tables, textLines } = findTables(page, rowGaps);
    expect(tables.map((t) => t.rows)).toEqual([4]);
    expect(textLines).toHaveLength(6);
  });
});

describe('a table read with the caption above it', () => {
  // Rows 8 pt of padding apart (steps of 20 from a row's last line); lines 12 pt apart.
  const header = [run('Goal', 35, 100), run('Measure', 100, 100), run('Result', 200, 100)];
  const row = (y: number, k: number): TextRun[] => [...cell(35, y, [`Goal ${k}`, 'Republic of', 'Kyrgyz words']), ...cell(100, y, ['measure', 'text']), ...cell(200, y, ['done', 'Reported'])];
  const measured = [...header, ...row(120, 1), ...row(164, 2), ...row(208, 3), ...row(252, 4)];
  // The caption's words set wide apart, as a justified line is, across the table's columns, at
  // line spacing above the header.
  const caption = [run('Internal', 35, 76), run('control: the', 80, 76), run('units that', 150, 76), run('carry it out', 230, 76), run('and the', 35, 88), run('monitoring', 120, 88), run('bodies', 250, 88)];

  it('reads the table again without the caption, with the row gap of its other pages', () => {
    const other: PageContent = { number: 1, width: 300, height: 400, runs: measured, segments: [], figures: [] };
    const { rowGaps } = findTables(other);
    expect(rowGaps).toHaveLength(1);
    const page: PageContent = { number: 2, width: 300, height: 400, runs: [...caption, ...header, ...row(120, 5)], segments: [], figures: [] };
    const [t] = findTables(page, rowGaps).tables;
    const goal = t?.cells.find((c) => c.lines[0] === 'Goal 5');
    expect(goal?.lines).toEqual(['Goal 5', 'Republic of', 'Kyrgyz words']);
  });
});
