import { describe, expect, it } from 'vitest';
import type { TextRun } from '../../src/parse/pdf/page-content.ts';
import { absorbGroupRowHead, absorbGroupRowTail } from '../../src/parse/pdf/group-row-tail.ts';
import { streamTable } from '../../src/parse/pdf/stream-table.ts';
import type { PageTable } from '../../src/parse/pdf/table-grid.ts';
import { buildLines } from '../../src/parse/pdf/text-lines.ts';
import { cell, run } from './support/synthetic-runs.ts';

/**
 * A goal's title row caught by the page break as the last thing on a borderless table's page
 * comes out as running text under the table (group-row-tail.ts takes it back), on synthetic words:
 * each run is one cell line, 0.5 em a letter, at a given left edge and baseline.
 */
const bold = (r: TextRun): TextRun => ({ ...r, bold: true });

/** The measure column's lines of the two rows: long ones set the columns close together. */
function tableAndBelow(below: TextRun[], withGroup = true, measures: [string[], string[]] = [['alpha', 'beta'], ['one', 'two']]) {
  const runs = [
    ...cell(35, 100, ['No']),
    ...cell(100, 100, ['Measure']),
    ...cell(170, 100, ['Result']),
    ...(withGroup ? [bold(run('Goal 1. The first goal of the plan across the table', 35, 124, 200))] : cell(35, 124, ['0'])),
    ...cell(35, 148, ['1']),
    ...cell(100, 148, measures[0]),
    ...cell(170, 148, ['gamma', 'delta']),
    ...cell(35, 190, ['2']),
    ...cell(100, 190, measures[1]),
    ...cell(170, 190, ['three', 'four']),
  ];
  const read = streamTable(buildLines(runs));
  if (!read) throw new Error('no table');
  return { table: read.table, lines: buildLines(below) };
}

/** Each cell of a row of the table: its column and its text. */
const rowTexts = (table: PageTable, row: number): [number, string][] => table.cells.filter((c) => c.row === row).map((c) => [c.col, c.lines.join(' ')]);

describe('a group row at the foot of a borderless table\'s page', () => {
  const title = [bold(run('Goal 2. The second goal of the plan across the whole', 35, 226, 200)), bold(run('table and onto a second line', 35, 238, 120))];

  it('is taken back as the table\'s last row, one cell across its columns', () => {
    const { table, lines } = tableAndBelow(title);
    const rows = table.rows;
    expect(absorbGroupRowTail(table, lines, () => true)).toEqual([]);
    expect(table.rows).toBe(rows + 1);
    expect(table.cells.find((c) => c.row === rows)).toMatchObject({ col: 0, colSpan: table.cols, lines: ['Goal 2. The second goal of the plan across the whole', 'table and onto a second line'] });
  });

  it('is taken back on a page without a group row of its own, when another page\'s table in the same columns shows them', () => {
    const { table, lines } = tableAndBelow(title, false);
    expect(absorbGroupRowTail(table, lines, () => true)).toHaveLength(2);
    const other = tableAndBelow([]).table;
    expect(absorbGroupRowTail(table, lines, () => true, [other])).toEqual([]);
  });

  it('takes its last line from the page\'s footer band too', () => {
    const { table, lines } = tableAndBelow(title);
    // The second line lies in the band the page's furniture (page numbers, running feet) sits in.
    expect(absorbGroupRowTail(table, lines, (l) => l.top < 230)).toEqual([]);
    expect(table.cells.at(-1)?.lines).toHaveLength(2);
  });

  it('stays running text when text follows it on the page (a heading over what comes next)', () => {
    const { table, lines } = tableAndBelow([...title, run('A paragraph of running text follows the heading here.', 35, 262, 200)]);
    const rows = table.rows;
    expect(absorbGroupRowTail(table, lines, () => true)).toHaveLength(3);
    expect(table.rows).toBe(rows);
  });

  it('is taken back with the goal\'s first row under it, read in the table\'s columns', () => {
    const first = [...cell(35, 262, ['3']), ...cell(100, 262, ['first', 'measure']), ...cell(170, 262, ['its', 'result'])];
    const { table, lines } = tableAndBelow([...title, ...first]);
    const rows = table.rows;
    expect(absorbGroupRowTail(table, lines, () => true)).toEqual([]);
    expect(table.rows).toBe(rows + 2);
    expect(rowTexts(table, rows + 1)).toEqual([
      [0, '3'],
      [1, 'first measure'],
      [2, 'its result'],
    ]);
  });

  it('reads the goal\'s first row in the table\'s columns when a phrase starts a hair left of a column\'s edge', () => {
    // Columns set close: the measure column's lines reach 165, the result column's start at 170,
    // the edge between them at 167.5. Overleaf a wider phrase starts at 166, a hair (less than
    // half an em) left of that edge.
    const first = [...cell(35, 262, ['3']), ...cell(100, 262, ['first', 'measure']), run('2024.01.01 2024.12.31', 166, 262)];
    const { table, lines } = tableAndBelow([...title, ...first], true, [['alphabetaxxxx', 'beta'], ['one', 'twothreefourx']]);
    const rows = table.rows;
    expect(absorbGroupRowTail(table, lines, () => true)).toEqual([]);
    expect(table.rows).toBe(rows + 2);
    expect(rowTexts(table, rows + 1)).toEqual([
      [0, '3'],
      [1, 'first measure'],
      [2, '2024.01.01 2024.12.31'],
    ]);
  });

  it('stays running text, the table as it was, when text outside its columns follows the row under it', () => {
    const first = [...cell(35, 262, ['3']), ...cell(100, 262, ['first', 'measure']), ...cell(170, 262, ['its', 'result'])];
    const { table, lines } = tableAndBelow([...title, ...first, run('A paragraph of running text follows the table here.', 35, 300, 240)]);
    const before = structuredClone(table);
    expect(absorbGroupRowTail(table, lines, () => true)).toHaveLength(lines.length);
    expect(table).toEqual(before);
  });

  it('stays running text when it is not set like the table\'s group rows (regular weight, indented)', () => {
    for (const below of [title.map((r) => ({ ...r, bold: false })), title.map((r) => ({ ...r, x0: r.x0 + 20, x1: r.x1 + 20 }))]) {
      const { table, lines } = tableAndBelow(below);
      expect(absorbGroupRowTail(table, lines, () => true)).toHaveLength(2);
    }
  });
});

describe('a group row under a page of one tall row', () => {
  it('is taken back across a row gap the document’s other pages measured', () => {
    // Rows 26 pt apart from a row's last line (14 pt of padding, lines 12 pt apart).
    const measured = [
      ...[0, 1, 2, 3].flatMap((k) => [...cell(35, 100 + k * 50, [`${k + 1}`]), ...cell(100, 100 + k * 50, ['alpha', 'beta', 'gamma']), ...cell(170, 100 + k * 50, ['one', 'two'])]),
    ];
    const rowGap = streamTable(buildLines(measured))?.rowGap;
    expect(rowGap).toBeDefined();
    const withGoal = tableAndBelow([]).table;
    const one = streamTable(buildLines([...cell(35, 100, ['5']), ...cell(100, 100, ['alpha', 'beta', 'gamma', 'delta']), ...cell(170, 100, ['one', 'two', 'three'])]))?.table;
    if (!one || !rowGap) throw new Error('no table');
    // The goal's title 26 pt below the row's last line: a row gap, more than the one row shows.
    const title = buildLines([bold(run('Goal 3. The third goal of the plan across the whole table', 35, 162, 200))]);
    expect(absorbGroupRowTail(structuredClone(one), title, () => true, [withGoal])).toHaveLength(1);
    expect(absorbGroupRowTail(one, title, () => true, [withGoal], [rowGap])).toEqual([]);
    expect(one.cells.at(-1)?.lines).toEqual(['Goal 3. The third goal of the plan across the whole table']);
  });
});

describe('a group row between two pieces of a borderless table on one page', () => {
  // The rest of a row cut by the page break (two columns of the three), a goal's title set across
  // the table, then the goal's rows: the title was running text between two tables.
  const piece = () => streamTable(buildLines([...cell(100, 60, ['rest of', 'the row']), ...cell(170, 60, ['its result', 'runs on', 'here'])]))?.table;
  const goalRows = () =>
    streamTable(
      buildLines([
        ...cell(35, 136, ['3']),
        ...cell(100, 136, ['alpha', 'beta']),
        ...cell(170, 136, ['gamma', 'delta']),
        ...cell(35, 178, ['4']),
        ...cell(100, 178, ['one', 'two']),
        ...cell(170, 178, ['three', 'four']),
      ]),
    )?.table;
  const title = [bold(run('Goal 2. The second goal of the plan across the whole', 35, 104, 200)), bold(run('table and onto a second line', 35, 116, 120))];
  // The document's other page, whose table shows group rows set at the table's left, bold.
  const other = tableAndBelow([]).table;

  it('is taken as the first row of the table under it', () => {
    const above = piece();
    const table = goalRows();
    if (!above || !table) throw new Error('no table');
    const rows = table.rows;
    expect(absorbGroupRowHead(table, buildLines(title), () => true, [above, table], [other])).toEqual([]);
    expect(table.rows).toBe(rows + 1);
    const group = table.cells.find((c) => c.row === 0);
    expect(group?.colSpan).toBe(table.cols);
    expect(group?.lines).toEqual(['Goal 2. The second goal of the plan across the whole', 'table and onto a second line']);
    expect(table.cells.find((c) => c.row === 1 && c.col === 0)?.lines).toEqual(['3']);
  });

  it('stays running text with no table right above it (a heading over the table)', () => {
    const table = goalRows();
    if (!table) throw new Error('no table');
    const rows = table.rows;
    expect(absorbGroupRowHead(table, buildLines(title), () => true, [table], [other])).toHaveLength(2);
    expect(table.rows).toBe(rows);
  });
});
