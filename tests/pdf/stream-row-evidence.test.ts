import { describe, expect, it } from 'vitest';
import type { TextRun } from '../../src/parse/pdf/page-content.ts';
import { buildLines } from '../../src/parse/pdf/text-lines.ts';
import { streamTable } from '../../src/parse/pdf/stream-table.ts';
import { fitColumns } from '../../src/parse/pdf/stream-columns.ts';

/**
 * Pages of one borderless table with padded cells: a page with too few row starts to measure its
 * row gap (one tall row under the repeated header) reads its rows with the gap and paragraph step
 * the table measured on another page. Synthetic words, 0.5 em a letter, 10 pt type, pitch 12.
 */
const FS = 10;
function run(text: string, x0: number, baseline: number, width = text.length * 0.5 * FS): TextRun {
  return { text, x0, x1: x0 + width, top: baseline - 0.8 * FS, bottom: baseline + 0.2 * FS, baseline, fontSize: FS, fontName: 'F', bold: false };
}
function cell(x: number, baseline: number, lines: string[], pitch = 12): TextRun[] {
  return lines.map((t, i) => run(t, x, baseline + i * pitch));
}
const header = (y: number): TextRun[] => [run('Name', 32, y), run('Value', 100, y), run('Note', 170, y)];

// Rows are 20 pt apart (pitch 12 plus 8 pt of padding); a paragraph inside a cell is 16 pt below
// the last line of the one before it.
const measured = [
  ...header(100),
  ...cell(32, 120, ['alpha', 'beta']),
  ...cell(100, 120, ['one']),
  ...cell(170, 120, ['first', 'note', 'text']),
  ...cell(170, 160, ['more', 'note']),
  ...cell(32, 192, ['gamma']),
  ...cell(100, 192, ['two', 'three']),
  ...cell(170, 192, ['second']),
  ...cell(32, 224, ['delta']),
  ...cell(100, 224, ['four']),
  ...cell(170, 224, ['third', 'note']),
  ...cell(170, 264, ['last', 'words']),
];
// The next page: the header, then one row whose note runs on alone, with two paragraph breaks.
const tallRow = [
  ...header(100),
  ...cell(32, 120, ['omega']),
  ...cell(100, 120, ['five']),
  ...cell(170, 120, ['long', 'note', 'goes', 'on']),
  ...cell(170, 184, ['after', 'a', 'break']),
  ...cell(170, 236, ['and', 'another']),
];

describe('row gaps borrowed from the table on another page', () => {
  const first = streamTable(buildLines(measured));

  it('measures the row gap where several rows start', () => {
    expect(first?.table.rows).toBe(4);
    expect(first?.rowGap).toBeDefined();
    expect(first?.rowGap?.usualRowStep).toBeCloseTo(20, 0);
  });

  it('marks a page with one row under its header as unmeasured', () => {
    const alone = streamTable(buildLines(tallRow));
    expect(alone?.unmeasured).toBe(true);
    expect(alone?.rowGap).toBeUndefined();
  });

  it('reads that page with the other page’s gap: the running note is one cell, its paragraph breaks inside it', () => {
    const rowGap = first?.rowGap;
    expect(rowGap).toBeDefined();
    const t = streamTable(buildLines(tallRow), rowGap ? { rowGaps: [rowGap] } : {})?.table;
    expect(t?.rows).toBe(2);
    const note = t?.cells.find((c) => c.row === 1 && c.col === 2);
    expect(note?.lines.join(' ')).toBe('long note goes on after a break and another');
  });

  it('does not borrow from a table of other columns', () => {
    const rowGap = first?.rowGap;
    expect(rowGap).toBeDefined();
    const elsewhere = rowGap ? { ...rowGap, edges: rowGap.edges.map((x, i) => (i === 1 ? x + 40 : x)) } : undefined;
    const t = streamTable(buildLines(tallRow), elsewhere ? { rowGaps: [elsewhere] } : {});
    expect(t?.unmeasured).toBe(true);
  });
});

describe('a page of the table where only some columns hold text', () => {
  // Four columns, rows 20 pt apart; the third column is wide.
  const four = (y: number, a: string, b: string, c: string[], d: string[]): TextRun[] => [...cell(32, y, [a]), ...cell(100, y, [b]), ...cell(150, y, c), ...cell(330, y, d)];
  const page1 = [
    ...[run('No', 32, 100), run('Task', 100, 100), run('Activity', 150, 100), run('Result', 330, 100)],
    ...four(120, '1', 'first', ['an activity of several', 'words on two lines'], ['done with the results', 'as planned']),
    ...four(152, '2', 'second', ['another activity'], ['done', 'in full']),
    ...four(184, '3', 'third', ['a third activity with', 'more words in it'], ['pending']),
  ];
  const first = streamTable(buildLines(page1));

  it('reads the rest of a cut row in the table’s columns when the columns between stay empty', () => {
    expect(first?.table.cols).toBe(4);
    const rowGap = first?.rowGap;
    expect(rowGap).toBeDefined();
    // Overleaf: the task column's rest (short lines) and the result column's; the activity
    // column between holds nothing, so the page alone finds one wide corridor between them.
    const piece = buildLines([...cell(100, 100, ['of the', 'row', 'cut']), ...cell(330, 100, ['the result', 'runs on', 'here', 'and ends'])]);
    const t = streamTable(piece, rowGap ? { rowGaps: [rowGap] } : {})?.table;
    expect(t?.cols).toBe(4);
    expect(t?.cells.map((c) => [c.col, c.lines.join(' ')])).toEqual([
      [1, 'of the row cut'],
      [3, 'the result runs on here and ends'],
    ]);
  });

  it('keeps a list indented inside a column in that column', () => {
    const rowGap = first?.rowGap;
    expect(rowGap).toBeDefined();
    const piece = buildLines([
      ...cell(100, 100, ['of the', 'row']),
      ...cell(150, 100, ['an activity', 'that runs on']),
      ...cell(330, 100, ['Results:']),
      ...cell(345, 112, ['- one item', '- two items', '- three']),
    ]);
    const t = streamTable(piece, rowGap ? { rowGaps: [rowGap] } : {})?.table;
    expect(t?.cols).toBe(4);
    expect(t?.cells.find((c) => c.col === 3)?.lines).toEqual(['Results:', '- one item', '- two items', '- three']);
  });
});

describe('a header of one- and two-line cells centred on their row', () => {
  it('is one row: the one-line cells sit between the two-line cells’ lines, gathered with their second', () => {
    // Glyph boxes of a font with DejaVu's ascent and descent (0.93 and 0.24 em): the one-line
    // cells' boxes overlap the second line's, which gathers them into one text line.
    const tall = (r: TextRun): TextRun => ({ ...r, top: r.baseline - 0.93 * FS, bottom: r.baseline + 0.24 * FS });
    // A note set over the table's width above it, read with the table's region.
    const runs = [
      run('Internal control: the units that carry the plan out', 32, 76, 250),
      ...cell(32, 100, ['Strategic', 'goal']),
      ...cell(100, 100, ['Counter', 'measure']),
      run('Task', 170, 107),
      run('Result', 240, 107),
      ...cell(32, 132, ['first']),
      ...cell(100, 132, ['one', 'measure']),
      ...cell(170, 132, ['a task']),
      ...cell(240, 132, ['done']),
      ...cell(32, 164, ['second']),
      ...cell(100, 164, ['two']),
      ...cell(170, 164, ['b task', 'on two']),
      ...cell(240, 164, ['done']),
      ...cell(32, 196, ['third']),
      ...cell(100, 196, ['three']),
      ...cell(170, 196, ['c task', 'and more']),
      ...cell(240, 196, ['pending']),
      ...cell(32, 228, ['fourth']),
      ...cell(100, 228, ['four']),
      ...cell(170, 228, ['d task']),
      ...cell(240, 228, ['done']),
    ].map(tall);
    const t = streamTable(buildLines(runs))?.table;
    expect(t?.cells.filter((c) => c.row === 1).map((c) => [c.col, c.rowSpan, c.lines.join(' ')])).toEqual([
      [0, 1, 'Strategic goal'],
      [1, 1, 'Counter measure'],
      [2, 1, 'Task'],
      [3, 1, 'Result'],
    ]);
  });
});

describe('the table’s columns on a page whose text reaches past a boundary', () => {
  it('moves the boundary into this page’s corridor, where a phrase crosses it', () => {
    const page1 = [
      ...[run('No', 32, 100), run('Task', 100, 100), run('Activity', 165, 100), run('Result', 330, 100)],
      ...[...cell(32, 120, ['1']), ...cell(100, 120, ['first']), ...cell(165, 120, ['an activity']), ...cell(330, 120, ['done with', 'results'])],
      ...[...cell(32, 152, ['2']), ...cell(100, 152, ['second']), ...cell(165, 152, ['another']), ...cell(330, 152, ['done'])],
      ...[...cell(32, 184, ['3']), ...cell(100, 184, ['third']), ...cell(165, 184, ['a third']), ...cell(330, 184, ['pending'])],
    ];
    const rowGap = streamTable(buildLines(page1))?.rowGap;
    const boundary = rowGap?.edges[2] ?? 0;
    expect(boundary).toBeGreaterThan(135);
    expect(boundary).toBeLessThan(160);
    // Overleaf a line of the task column runs past that boundary (its second word), an em short
    // of the activity column.
    const phrase = `ab ${'x'.repeat(Math.ceil((boundary + 3 - 115) / 5))}`;
    expect(100 + phrase.length * 5).toBeLessThan(156);
    // The activity column has no text on that line: the phrase alone there reaches into it.
    const piece = buildLines([...cell(100, 100, ['the', phrase, 'task']), ...cell(165, 100, ['an activity']), ...cell(165, 124, ['goes on'])]);
    const t = streamTable(piece, rowGap ? { rowGaps: [rowGap] } : {})?.table;
    expect(t?.cells.map((c) => [c.col, c.colSpan, c.lines.join(' ')])).toEqual([
      [1, 1, `the ${phrase} task`],
      [2, 1, 'an activity goes on'],
    ]);
  });
});

describe('the table’s columns fitted to a page where a column is empty', () => {
  it('keeps a boundary no text starts right of: a phrase reaching over an empty column spans it', () => {
    // Columns at 30 | 95 | 165 | 240; the middle column is empty here and a phrase of the first
    // reaches over it.
    const lines = buildLines([run('a phrase that reaches far', 32, 100, 150), run('done', 242, 100), run('more', 32, 112)]);
    expect(fitColumns(lines, [30, 95, 165, 240, 300])).toEqual([30, 95, 165, 240, 300]);
  });
});

describe('a group row under the rest of a row cut by the page break', () => {
  it('starts a row of its own though the step above it is not the usual row step: it reaches past the one column running on', () => {
    // Rows 20 pt apart (pitch 12, 8 pt padding). Overleaf, under the repeated header, the cut
    // row's rest fills two columns, the note running on alone; then a heading spanning the table,
    // set a little lower than a row would be (its own line height), then rows.
    const runs = [
      ...header(100),
      ...cell(100, 120, ['rest', 'of it']),
      ...cell(170, 120, ['the note', 'runs on', 'below', 'the rest']),
      run('Second group of measures across the table', 32, 180, 205),
      ...cell(32, 200, ['alpha']),
      ...cell(100, 200, ['one']),
      ...cell(170, 200, ['first']),
      ...cell(32, 220, ['gamma']),
      ...cell(100, 220, ['two']),
      ...cell(170, 220, ['second']),
      ...cell(32, 240, ['delta']),
      ...cell(100, 240, ['three']),
      ...cell(170, 240, ['third']),
    ];
    const t = streamTable(buildLines(runs))?.table;
    expect(t?.cols).toBe(3);
    const group = t?.cells.find((c) => c.lines.join(' ').startsWith('Second group'));
    expect(group?.colSpan).toBe(3);
    expect(group?.lines).toEqual(['Second group of measures across the table']);
    expect(t?.cells.find((c) => c.col === 2 && c.lines[0] === 'the note')?.lines).toEqual(['the note', 'runs on', 'below', 'the rest']);
  });
});

describe('the rest of a row cut by the page break, at the top of a page printed without the header', () => {
  it('measures no row step from a paragraph starting under it while another column runs on beside it', () => {
    // Six columns; the rest of the cut row runs on in the last three, where the last column's next
    // paragraph starts 18 pt below its line (6 pt of margin), between two lines of the fourth
    // column (so on a line of its own). The next rows start 26 pt and more below the text above.
    const xs = [40, 100, 160, 220, 280, 340];
    const row = (baseline: number, lines: number): TextRun[] => xs.flatMap((x, i) => cell(x, baseline, Array.from({ length: lines }, (_, k) => `c${i}l${k}`)));
    const runs = [
      ...cell(220, 100, ['rest of', 'the task', 'cut by', 'the page', 'break']),
      ...cell(280, 100, ['rest of', 'the unit']),
      ...cell(340, 100, ['status', 'report', 'ends.']),
      ...cell(340, 142, ['Another', 'paragraph']),
      ...row(180, 3),
      ...row(238, 2),
    ];
    const read = streamTable(buildLines(runs));
    expect(read?.rowGap?.rowStep).toBeGreaterThan(24);
    expect(read?.table.cells.filter((c) => c.col === 5).map((c) => c.lines.length)).toEqual([5, 3, 2]);
  });
});

describe('a page whose rows start together only once below its header', () => {
  // The rest of a row cut by the page break, under the repeated header: the first column runs on
  // for the whole page while the other two each begin a second paragraph 15 pt (a paragraph's
  // margin) below their text, on one line.
  const lines = buildLines([
    run('Goal', 40, 60),
    run('Unit', 100, 60),
    run('Report', 170, 60),
    ...cell(40, 75, Array.from({ length: 10 }, (_, k) => `goal ${k}`)),
    ...cell(100, 75, ['unit one', 'of the', 'fund']),
    ...cell(100, 114, ['Second unit', 'of it']),
    ...cell(170, 75, ['first', 'result', 'done.']),
    ...cell(170, 114, ['Status:', 'done']),
  ]);

  it('reads the paragraphs inside the row with the gap the table measured on other pages', () => {
    const edges = streamTable(lines)?.table.colEdges ?? [];
    const read = streamTable(lines, { rowGaps: [{ rowStep: 19.5, usualRowStep: 19.5, pitch: 12, edges, em: 10 }] })?.table;
    expect(read?.rows).toBe(2);
    expect(read?.cells.find((c) => c.row === 1 && c.col === 1)?.lines).toEqual(['unit one', 'of the', 'fund', 'Second unit', 'of it']);
  });
});

describe('steps shorter than a cut row: paragraphs, not rows', () => {
  // Page 12 of the layout fuzz's ky 1371974258 (A4 landscape, 7.5 pt scaled to 10 pt, padding
  // 3 pt, borderless, header printed once): the last three columns of one row (the first three
  // span from the page before), each line a baseline and the x extents of its runs. Under the
  // row's first lines, two lists begin on one line: the fourth column's a paragraph's step down
  // (14 pt: pitch 11 and a list's margin), the sixth column's a wider one (21 pt).
  const page: [number, [number, number][]][] = [
    [71.0, [[460.9, 571.2], [585.3, 688.8], [738.1, 825.1]]],
    [82.0, [[460.9, 558.1], [585.3, 705.1], [738.1, 841.3]]],
    [93.0, [[460.9, 553.9], [585.3, 718.7], [738.1, 839.6]]],
    [104.0, [[460.9, 539.6], [585.3, 715.1], [738.1, 762.3]]],
    [115.0, [[460.9, 573.2], [585.3, 668.5]]],
    [125.0, [[778.1, 834.1]]],
    [129.0, [[460.9, 575.2]]],
    [136.0, [[778.1, 838.1]]],
    [140.0, [[460.9, 559.7]]],
    [147.0, [[778.1, 835.7]]],
    [151.0, [[460.9, 509.5]]],
    [158.0, [[778.1, 851.7]]],
    [162.0, [[460.9, 570.4]]],
  ];
  const runs = page.flatMap(([baseline, phrases]) => phrases.map(([x0, x1], i) => run(`w${baseline}-${i}`, x0, baseline, x1 - x0)));
  const k = 10 / 7.5;
  // What the table's other pages measured: rows 21–22 pt apart, lines 11 pt.
  const measured = { rowStep: 15.75 * k, usualRowStep: 16.5 * k, pitch: 8.25 * k, edges: [42, 150.5, 247, 341.5, 433, 548.5, 645].map((x) => x * k), em: 10 };

  it('keeps two lists beginning on one line in the row, the one a paragraph\'s step under its own text', () => {
    const read = streamTable(buildLines(runs), { columns: measured.edges, rowGaps: [measured] });
    expect(read?.table.rows).toBe(1);
  });

  it('still starts a row there when the steps are a row\'s', () => {
    // The same two lists 8 pt lower: the fourth column's begins a full row step (22 pt) under its text.
    const shifted = page.map(([b, phrases]): [number, [number, number][]] => [b >= 125 ? b + 8 : b, phrases]);
    const rowsOf = shifted.flatMap(([baseline, phrases]) => phrases.map(([x0, x1], i) => run(`w${baseline}-${i}`, x0, baseline, x1 - x0)));
    expect(streamTable(buildLines(rowsOf), { columns: measured.edges, rowGaps: [measured] })?.table.rows).toBe(2);
  });
});

describe('paragraphs beginning on one line in two cells, their margin wider than the cell padding', () => {
  // Pages of the layout fuzz's ky 136440699 (Letter landscape, 10 pt, padding 1.5 pt, borderless,
  // header printed once): each text run a baseline and its x extent. Rows are 14.25–15 pt apart (pitch
  // 10.5), a paragraph inside a cell 12.75 pt under the one before: its margin (2.25 pt) is wider
  // than a cell's padding, so half the padding no longer tells it from a row.
  const runsOf = (lines: readonly (readonly (readonly [number, number, number])[])[]): TextRun[] =>
    lines.flatMap((line, i) => line.map(([baseline, x0, x1], k) => run(`w${i}-${k}`, x0, baseline, x1 - x0)));
  // Page 2: the rest of a row cut by the page break, then a row. Under the row's first lines two
  // paragraphs begin on one line (in the fourth and fifth columns) while the first three run on;
  // the fifth column shows the same step again further down, alone.
  const page2: (readonly [number, number, number])[][] = [
    [[48.00, 150.3, 205.8], [48.00, 246.5, 341.8], [48.00, 353.7, 435.1], [48.00, 458.1, 506.0], [48.00, 549.5, 746.9]],
    [[58.50, 150.3, 211.0], [58.50, 246.5, 331.6], [58.50, 353.7, 434.6], [58.50, 458.1, 502.3], [58.50, 549.5, 742.0]],
    [[69.00, 150.3, 200.5], [69.00, 246.5, 331.6], [69.00, 353.7, 427.5], [70.50, 458.1, 519.9], [69.00, 549.5, 595.9]],
    [[79.50, 150.3, 204.0], [79.50, 246.5, 346.5], [79.50, 353.7, 452.6], [81.00, 458.1, 527.7], [81.00, 549.5, 642.5]],
    [[90.00, 150.3, 197.7], [90.00, 246.5, 302.3], [90.00, 353.7, 438.1], [93.75, 458.1, 516.5], [93.75, 549.5, 736.5]],
    [[100.50, 150.3, 209.5], [100.50, 246.5, 296.0], [100.50, 353.7, 447.3], [104.25, 458.1, 512.6], [104.25, 549.5, 738.3]],
    [[111.00, 246.5, 334.1], [111.00, 353.7, 435.5], [114.75, 458.1, 527.7], [114.75, 549.5, 705.9]],
    [[121.50, 246.5, 341.6], [121.50, 353.7, 441.2], [125.25, 549.5, 592.9]],
    [[132.00, 353.7, 437.6]],
    [[137.25, 549.5, 748.3]],
    [[142.50, 353.7, 400.8]],
    [[147.75, 549.5, 686.5]],
    [[153.00, 353.7, 413.9]],
    [[158.25, 549.5, 678.9]],
    [[163.50, 353.7, 443.3]],
    [[168.75, 549.5, 733.0]],
    [[179.25, 549.5, 730.5]],
    [[189.75, 549.5, 731.4]],
    [[200.25, 549.5, 728.8]],
    [[210.75, 549.5, 692.1]],
    [[221.25, 549.5, 681.1]],
    [[231.75, 549.5, 687.2]],
    [[242.25, 549.5, 743.5]],
    [[252.75, 549.5, 746.4]],
    [[263.25, 549.5, 734.3]],
    [[273.75, 549.5, 746.5]],
    [[284.25, 549.5, 646.3]],
    [[296.25, 549.5, 695.0]],
    [[306.75, 549.5, 696.9]],
    [[317.25, 549.5, 729.8]],
    [[327.75, 549.5, 719.8]],
    [[338.25, 549.5, 730.8]],
    [[348.75, 549.5, 744.6]],
    [[359.25, 549.5, 736.2]],
    [[369.75, 549.5, 606.1]],
    [[381.75, 549.5, 744.0]],
    [[392.25, 549.5, 742.7]],
    [[402.75, 549.5, 709.1]],
    [[413.25, 549.5, 713.0]],
    [[423.75, 549.5, 743.5]],
    [[434.25, 549.5, 679.0]],
    [[444.75, 549.5, 735.7]],
    [[455.25, 549.5, 731.7]],
    [[465.75, 549.5, 734.3]],
    [[478.50, 549.5, 715.7]],
    [[489.00, 549.5, 744.9]],
    [[499.50, 549.5, 736.5]],
    [[510.00, 549.5, 700.9]],
    [[520.50, 549.5, 723.7]],
    [[531.00, 549.5, 731.3]],
    [[541.50, 549.5, 648.6]],
    [[555.75, 150.3, 222.4], [555.75, 246.5, 307.7], [555.75, 353.7, 416.0], [555.75, 458.1, 510.0], [555.75, 549.5, 739.0]],
    [[566.25, 150.3, 200.3], [566.25, 246.5, 296.5], [566.25, 353.7, 427.1], [566.25, 458.1, 527.7], [566.25, 549.5, 723.4]],
  ];
  // Page 9: a row whose fifth column begins its status paragraph 19.5 pt under its list, between
  // two lines of the third column's text, which runs on (the row's first band, not a header).
  const page9: (readonly [number, number, number])[][] = [
    [[94.50, 353.7, 429.3], [94.50, 458.1, 512.7], [94.50, 549.5, 744.3]],
    [[105.00, 353.7, 438.6], [105.00, 458.1, 504.9], [105.00, 549.5, 678.4]],
    [[115.50, 353.7, 455.4], [115.50, 458.1, 541.7]],
    [[126.00, 353.7, 387.0], [126.00, 458.1, 531.1], [123.75, 575.3, 693.9]],
    [[136.50, 353.7, 432.3], [136.50, 458.1, 542.8], [134.25, 575.3, 709.6]],
    [[147.00, 353.7, 432.2], [147.00, 458.1, 536.8], [144.75, 575.3, 726.8]],
    [[157.50, 353.7, 384.2], [157.50, 458.1, 533.4], [155.25, 575.3, 737.5]],
    [[169.50, 353.7, 425.9], [168.00, 458.1, 510.8], [165.75, 575.3, 678.3]],
    [[180.00, 353.7, 431.2], [176.25, 575.3, 730.7]],
    [[190.50, 353.7, 405.4], [186.75, 575.3, 727.0]],
    [[201.00, 353.7, 401.2], [197.25, 575.3, 652.2]],
    [[211.50, 353.7, 356.8]],
    [[216.75, 549.5, 645.2]],
    [[222.00, 353.7, 455.5]],
    [[232.50, 353.7, 421.2], [228.75, 549.5, 694.0]],
    [[243.00, 353.7, 401.8], [239.25, 549.5, 676.6]],
    [[253.50, 353.7, 445.5], [258.00, 575.3, 681.5]],
    [[268.50, 575.3, 708.2]],
    [[279.00, 575.3, 726.8]],
    [[289.50, 575.3, 737.5]],
    [[300.00, 575.3, 678.3]],
    [[310.50, 575.3, 748.6]],
    [[321.00, 575.3, 727.0]],
    [[331.50, 575.3, 710.6]],
    [[342.00, 575.3, 626.9]],
    [[352.50, 575.3, 718.1]],
    [[363.00, 575.3, 707.4]],
    [[373.50, 575.3, 731.8]],
    [[393.00, 549.5, 702.2]],
    [[403.50, 549.5, 724.0]],
    [[414.00, 549.5, 635.0]],
    [[429.00, 353.7, 424.3], [429.00, 458.1, 505.7], [429.00, 549.5, 691.4]],
    [[439.50, 353.7, 433.9], [439.50, 458.1, 505.1], [439.50, 549.5, 730.2]],
    [[450.00, 353.7, 447.0], [450.00, 458.1, 511.4], [450.00, 549.5, 727.7]],
    [[460.50, 353.7, 415.8], [460.50, 458.1, 504.9], [460.50, 549.5, 735.3]],
    [[471.00, 353.7, 407.1], [471.00, 458.1, 527.7], [471.00, 549.5, 720.4]],
    [[481.50, 353.7, 423.0], [481.50, 549.5, 585.4]],
  ];

  // The cell holding a chunk (named w<line>-<chunk>).
  const cellOf = (t: ReturnType<typeof streamTable>, name: string) => t?.table.cells.find((c) => c.lines.includes(name));

  it('keeps the two paragraphs in the row: the step is one seen inside a cell, short of a row step', () => {
    const read = streamTable(buildLines(runsOf(page2)));
    expect(cellOf(read, 'w0-3')?.lines).toContain('w4-3');
    expect(cellOf(read, 'w0-4')?.lines).toContain('w4-4');
  });

  it('still starts a row there when the two cells begin a row step under their text', () => {
    // The two paragraphs (and all under them in their columns, and the next row) 2.25 pt lower: a full row step.
    const lower = page2.map((line) => line.map(([b, x0, x1]): [number, number, number] => [(x0 >= 450 && b >= 93) || b >= 550 ? b + 2.25 : b, x0, x1]));
    const read = streamTable(buildLines(runsOf(lower)));
    expect(cellOf(read, 'w0-3')?.lines).not.toContain('w4-3');
    expect(cellOf(read, 'w4-3')?.row).toBe(cellOf(read, 'w4-4')?.row);
  });

  it('starts no row where one cell begins beside the first band running on', () => {
    // Read, as on that page, with the row gap the table measured on its other pages.
    const lines = buildLines(runsOf(page9));
    const edges = streamTable(lines)?.table.colEdges ?? [];
    const read = streamTable(lines, { rowGaps: [{ rowStep: 14.25, usualRowStep: 15, pitch: 10.5, edges, em: 10 }] });
    expect(cellOf(read, 'w0-2')?.lines).toEqual(expect.arrayContaining(['w10-1', 'w12-0']));
  });
});
