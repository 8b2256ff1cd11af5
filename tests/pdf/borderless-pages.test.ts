import { describe, expect, it } from 'vitest';
import type { PageContent, Segment, TextRun } from '../../src/parse/pdf/page-content.ts';
import { cell, phraseRuns, run } from './support/synthetic-runs.ts';
import { buildLines } from '../../src/parse/pdf/text-lines.ts';
import { fitColumns, placeLine } from '../../src/parse/pdf/stream-columns.ts';
import { gappedRowStarts } from '../../src/parse/pdf/stream-rows.ts';
import { streamTable } from '../../src/parse/pdf/stream-table.ts';
import { splitRunTogetherCells } from '../../src/parse/pdf/run-together-cells.ts';
import { withoutTextDecorations } from '../../src/parse/pdf/text-decorations.ts';
import { tablesUnderRepeatedHeaders } from '../../src/parse/pdf/repeated-header-page.ts';
import { findTables, type PageTables } from '../../src/parse/pdf/table-finder.ts';

/**
 * Borderless tables printed with little padding, long cells and lists inside cells (the layout
 * fuzz's borderless prints of the seed reports), on synthetic words: each run is one cell line,
 * 0.5 em a letter, at a given left edge and baseline.
 */
describe('cells run together across a column edge', () => {
  const edges = [30, 90, 165, 240];
  it('cuts a line where one cell runs into the next at the x where that next cell starts on the lines around it', () => {
    // Column 0's long word ends 2 pt short of column 1's text, right of the edge at 90.
    const lines = buildLines([...cell(40, 100, ['Kyrgyz', 'Republic']), run('transparentness', 40, 124, 58), ...cell(40, 136, ['(openness)']), ...cell(100, 100, ['Stakeholders', 'management', 'trade unions,', 'pension'])]);
    const placed = lines.map((l) => placeLine(l, edges));
    expect(placed[2]?.spans.map((s) => [s.c0, s.c1])).toEqual([[0, 1]]);
    splitRunTogetherCells(placed, 12);
    expect(placed[2]?.spans.map((s) => [s.c0, s.c1, s.chunks.map((c) => c.text).join(' ')])).toEqual([
      [0, 0, 'transparentness'],
      [1, 1, 'trade unions,'],
    ]);
  });

  it('leaves a title that spans the columns on its lines', () => {
    const lines = buildLines([...cell(40, 100, ['A goal set over the width of the table', 'and wrapped onto a second line'], 12).map((r) => ({ ...r, x1: r.x0 + 150 })), ...cell(40, 124, ['row']), ...cell(100, 124, ['cell'])]);
    const placed = lines.map((l) => placeLine(l, edges));
    const before = placed.map((p) => p.spans.map((s) => [s.c0, s.c1]));
    splitRunTogetherCells(placed, 12);
    expect(placed.map((p) => p.spans.map((s) => [s.c0, s.c1]))).toEqual(before);
  });
});

describe('strokes under words', () => {
  const text = run('write to help@sf.kg today', 100, 100, 120);
  it('takes a stroke under some words of a line, low in the descent, for their underline', () => {
    const underline: Segment = { orientation: 'h', at: 101.6, from: 140, to: 180 };
    expect(withoutTextDecorations([underline], [text])).toEqual([]);
  });
  it('keeps a stroke by the top of the capitals (the rule above a row whose first line touches it)', () => {
    // Glyph box 92..102, baseline 100: a strike-through would sit about 3 pt above the baseline.
    const top: Segment = { orientation: 'h', at: 92.4, from: 140, to: 260 };
    expect(withoutTextDecorations([top], [text])).toEqual([top]);
    const strike: Segment = { orientation: 'h', at: 97, from: 100, to: 220 };
    expect(withoutTextDecorations([strike], [text])).toEqual([]);
  });

  it('keeps a rule that starts left of the text (a cell rule)', () => {
    const rule: Segment = { orientation: 'h', at: 101.6, from: 95, to: 225 };
    expect(withoutTextDecorations([rule], [text])).toEqual([rule]);
  });
});

describe('rows of padded cells with lists in them', () => {
  const edges = [30, 95, 165, 300];
  const starts = (runs: TextRun[]): number[] => {
    const ls = buildLines(runs);
    const found = gappedRowStarts(
      ls.map((l) => placeLine(l, edges)),
      12,
    );
    return [...(found?.starts ?? [])].map((i) => ls[i]!.baseline).sort((a, b) => a - b);
  };
  // Rows 20 pt (pitch 12 + padding 4 + 4) below the previous row's lowest line.
  const first = [...cell(32, 100, ['1.']), ...cell(100, 100, ['First', 'measure']), ...cell(170, 100, ['Done'])];
  const last = (at: number): TextRun[] => [...cell(32, at, ['3.']), ...cell(100, at, ['Third']), ...cell(170, at, ['Done', 'too'])];

  it('keeps a list in one cell in its row when the cell beside it ran on past the list margin', () => {
    // The list starts 43 pt below "Results:", but 7 pt below the other column's last line.
    const second = [...cell(32, 132, ['2.']), ...cell(100, 132, ['Second', 'measure', 'of many', 'words']), ...cell(170, 132, ['Results:'])];
    const list = cell(180, 175, ['- first item', '- second item', '- third item']);
    expect(starts([...first, ...second, ...list, ...last(219)])).toEqual([100, 132, 219]);
  });

  it('keeps an indented list under its cell when the columns ended level', () => {
    // Both cells end on one line; the list starts 24 pt below it (rows are 20 pt apart).
    const second = [...cell(32, 132, ['2.']), ...cell(100, 132, ['Second', 'measure']), ...cell(170, 132, ['Results', 'as follows:'])];
    const list = cell(180, 168, ['- first item', '- second item']);
    expect(starts([...first, ...second, ...list, ...last(200)])).toEqual([100, 132, 200]);
  });

  it('keeps an indented list under its cell even when its margin equals the row step', () => {
    // The cell runs on alone; its list starts 20 pt below, as a row would, but indented.
    const second = [...cell(32, 132, ['2.']), ...cell(100, 132, ['Second']), ...cell(170, 132, ['Results', 'as follows:'])];
    const list = cell(180, 164, ['- first item', '- second item']);
    expect(starts([...first, ...second, ...list, ...last(196)])).toEqual([100, 132, 196]);
  });

  it('starts a row at a label level with the column above, not indented, after a wider gap (a group label)', () => {
    const second = [...cell(32, 132, ['2.']), ...cell(100, 132, ['Second', 'measure']), ...cell(170, 132, ['Done', 'well'])];
    const label = cell(100, 170, ['Group label']);
    expect(starts([...first, ...second, ...label, ...last(202)])).toEqual([100, 132, 170, 202]);
  });
});

describe('the first row under a repeated header, with paragraph breaks as wide as the row gap', () => {
  const edges = [30, 95, 165, 300];
  // The table's other pages measured rows 20 pt apart and paragraphs inside cells 20 pt apart too,
  // so under the header a step of 20 pt alone reads as a heading's next paragraph.
  const borrowed = { rowStep: 20, usualRowStep: 20, para: 20 };
  const starts = (runs: TextRun[]): number[] => {
    const ls = buildLines(runs);
    const found = gappedRowStarts(ls.map((l) => placeLine(l, edges)), 12, borrowed);
    return [...(found?.starts ?? [])].map((i) => ls[i]!.baseline).sort((a, b) => a - b);
  };
  const bold = (runs: TextRun[]): TextRun[] => runs.map((r) => ({ ...r, bold: true }));
  const header = bold([...cell(32, 80, ['Goal']), ...cell(100, 80, ['Measure']), ...cell(170, 80, ['Result'])]);

  it('starts the row under a bold header in regular text, however close', () => {
    const row = [...cell(100, 100, ['the rest of', 'a cut cell']), ...cell(170, 100, ['going on'])];
    expect(starts([...header, ...row])).toEqual([80, 100]);
  });

  it('starts it too in a bold column, when the columns beside start by the same step', () => {
    // Column 0 holds a bold goal: its step from the header (19.4) alone reads as a line going on.
    const row = [...bold(cell(32, 99.4, ['the goal'])), ...cell(100, 100, ['First', 'measure']), ...cell(170, 100, ['Done'])];
    const placed = buildLines([...header, ...row]).map((l) => placeLine(l, edges));
    const found = gappedRowStarts(placed, 12, borrowed);
    const goal = placed.flatMap((p) => p.spans).find((sp) => sp.chunks[0]?.text === 'the goal');
    expect(found?.flow.get(goal!)?.kind).toBe('start');
  });
});

describe('a cell starting where the one above ended', () => {
  it('is the new row\'s own cell, not text of the cell above running on into the row', () => {
    // Rows 24 pt apart, one 20; column 2's paragraphs 20 pt apart (a recurring paragraph step
    // beside running text), so a step of 20 pt reads as text going on. Row 5's column 2 starts
    // 20 pt below row 4's last line, with the other columns.
    const runs = [
      ...cell(32, 100, ['1.']),
      ...cell(100, 100, ['First', 'measure', 'runs', 'on', 'long']),
      ...cell(170, 100, ['Done']),
      ...cell(170, 120, ['Para two']),
      ...cell(170, 140, ['Para three']),
      ...cell(32, 168, ['2.']),
      ...cell(100, 168, ['Second']),
      ...cell(170, 168, ['Pending']),
      ...cell(32, 192, ['3.']),
      ...cell(100, 192, ['Third']),
      ...cell(170, 192, ['Done']),
      ...cell(32, 216, ['4.']),
      ...cell(100, 216, ['Fourth']),
      ...cell(170, 216, ['Done', 'well']),
      ...cell(32, 248, ['5.']),
      ...cell(100, 248, ['Fifth']),
      ...cell(170, 248, ['Own text']),
    ];
    const t = streamTable(buildLines(runs))?.table;
    const own = t?.cells.find((c) => c.col === 2 && c.lines.includes('Own text'));
    expect(own?.lines).toEqual(['Own text']);
    expect(t?.cells.find((c) => c.col === 2 && c.lines.includes('well'))?.rowSpan).toBe(1);
  });
});

describe('a wrapped figure under words of its cell', () => {
  it('keeps "1.13" under "Measure" and a second date under the first in the row they wrapped in', () => {
    // Four columns; the measure and date columns are too narrow for a second word on the line.
    const runs = [
      ...cell(32, 100, ['12']),
      ...cell(60, 100, ['Measure', '1.12']),
      ...cell(120, 100, ['2024.01.01', '2024.12.31']),
      ...cell(190, 100, ['Done', 'in full', 'and on time']),
      ...cell(32, 156, ['13']),
      ...cell(60, 156, ['Measure', '1.13']),
      ...cell(120, 156, ['2024.01.01', '2024.12.31']),
      ...cell(190, 156, ['Done']),
      ...cell(32, 192, ['14']),
      ...cell(60, 192, ['Measure', '1.14']),
      ...cell(120, 192, ['2024.01.01', '2024.12.31']),
      ...cell(190, 192, ['Done']),
    ];
    const t = streamTable(buildLines(runs), { columns: [30, 55, 115, 185, 260] })?.table;
    expect(t?.rows).toBe(3);
    expect(t?.cells.filter((c) => c.col === 1).map((c) => c.lines.join(' '))).toEqual(['Measure 1.12', 'Measure 1.13', 'Measure 1.14']);
  });
});

describe('a page holding only the repeated header and one long cell', () => {
  const header = [run('Goal', 40, 60), run('Measure', 100, 60), run('Report', 170, 60)];
  const page1 = streamTable(buildLines([...header, ...cell(40, 80, ['Goal one']), ...cell(100, 80, ['First', 'measure']), ...cell(170, 80, ['Began', 'the work']), ...cell(40, 116, ['Goal two']), ...cell(100, 116, ['Second']), ...cell(170, 116, ['It goes on', 'to the page end'])]))?.table;

  it('reads the page as that table, in its columns', () => {
    expect(page1?.cols).toBe(3);
    const found: PageTables[] = [
      { tables: page1 ? [page1] : [], textLines: [], rowGaps: [], rowSteps: [], unmeasured: false },
      { tables: [], textLines: buildLines([...header, ...cell(170, 80, ['and on', 'and on,', 'to the end.'])]), rowGaps: [], rowSteps: [], unmeasured: false },
    ];
    tablesUnderRepeatedHeaders(found, []);
    const t = found[1]?.tables[0];
    expect(t?.cells.find((c) => c.row === 0 && c.col === 1)?.lines).toEqual(['Measure']);
    expect(t?.cells.filter((c) => c.row > 0).map((c) => [c.col, c.lines.join(' ')])).toEqual([[2, 'and on and on, to the end.']]);
    expect(found[1]?.textLines).toEqual([]);
  });

  it('takes the last column\'s lines running further right than its text on the page before', () => {
    // The last column is open to the right: the page before set the table's right edge where its
    // own last-column lines ended.
    const found: PageTables[] = [
      { tables: page1 ? [page1] : [], textLines: [], rowGaps: [], rowSteps: [], unmeasured: false },
      { tables: [], textLines: buildLines([...header, ...cell(170, 80, ['and on', 'and on and on and on to the very end', 'the end.'])]), rowGaps: [], rowSteps: [], unmeasured: false },
    ];
    tablesUnderRepeatedHeaders(found, []);
    expect(found[1]?.tables[0]?.cells.filter((c) => c.row > 0).map((c) => c.lines.length)).toEqual([3]);
    expect(found[1]?.textLines).toEqual([]);
  });

  it('ends the table at the notes under its end, set in the body text\'s size', () => {
    const notes = ['Abbreviations:', 'SF the Social Fund', 'BA the central office', 'FKM credit institutions'].map((t, i) => ({ ...run(t, 40, 130 + i * 15), fontSize: 12, top: 130 + i * 15 - 9.6, bottom: 130 + i * 15 + 2.4 }));
    const found: PageTables[] = [
      { tables: page1 ? [page1] : [], textLines: [], rowGaps: [], rowSteps: [], unmeasured: false },
      { tables: [], textLines: buildLines([...header, ...cell(170, 80, ['and on', 'and on,', 'to the end.']), ...notes]), rowGaps: [], rowSteps: [], unmeasured: false },
    ];
    tablesUnderRepeatedHeaders(found, []);
    expect(found[1]?.tables[0]?.cells.filter((c) => c.row > 0).map((c) => c.lines.join(' '))).toEqual(['and on and on, to the end.']);
    expect(found[1]?.textLines.map((l) => l.chunks.map((c) => c.text).join(' '))).toEqual(['Abbreviations:', 'SF the Social Fund', 'BA the central office', 'FKM credit institutions']);
  });

  it('leaves a page that does not start with the header as running text', () => {
    const found: PageTables[] = [
      { tables: page1 ? [page1] : [], textLines: [], rowGaps: [], rowSteps: [], unmeasured: false },
      { tables: [], textLines: buildLines(cell(40, 80, ['Annex', 'A list of terms'])), rowGaps: [], rowSteps: [], unmeasured: false },
    ];
    tablesUnderRepeatedHeaders(found, []);
    expect(found[1]?.tables).toEqual([]);
  });
});

describe('header cells centred at different heights', () => {
  const cellsOf = (runs: TextRun[]): [number, number, number, string][] =>
    (streamTable(buildLines(runs))?.table.cells ?? []).map((c) => [c.row, c.col, c.rowSpan, c.lines.join(' / ')]);

  it('keeps a one-line heading centred beside two-line headings in their row, under text that runs across the columns', () => {
    const cells = cellsOf([
      run('A note above the table that runs across the width of the page', 35, 76, 200),
      ...cell(35, 100, ['Strategic', 'goal']),
      ...cell(100, 100, ['Measure', 'taken']),
      run('Task', 170, 106),
      ...cell(35, 136, ['First', 'goal']),
      ...cell(100, 136, ['alpha', 'beta']),
      ...cell(170, 136, ['gamma', 'delta']),
      ...cell(35, 178, ['Second']),
      ...cell(100, 178, ['one', 'two']),
      ...cell(170, 178, ['three', 'four']),
    ]);
    const header = cells.filter(([, , , t]) => ['Strategic / goal', 'Measure / taken', 'Task'].includes(t));
    expect(new Set(header.map(([row]) => row)).size).toBe(1);
    expect(cells.filter(([row]) => row === header[0]?.[0])).toHaveLength(3);
  });

  it('spans both header rows with a heading centred on them whose line falls on the sub-headings\' first line', () => {
    // «No» centred on the band of «Indicator values of the plan» (two lines) and the sub-headings
    // under it (three lines each): its line is the sub-headings' first.
    const cells = cellsOf([
      run('No', 35, 127),
      run('Indicator values of', 100, 100, 130),
      run('the plan', 140, 112),
      ...cell(100, 130, ['Base', 'line', 'value']),
      ...cell(170, 130, ['Target', 'value', 'set']),
      ...cell(35, 180, ['1']),
      ...cell(100, 180, ['alpha', 'beta']),
      ...cell(170, 180, ['gamma', 'delta']),
      ...cell(35, 222, ['2']),
      ...cell(100, 222, ['one', 'two']),
      ...cell(170, 222, ['three', 'four']),
    ]);
    expect(cells.find(([, , , t]) => t === 'No')).toEqual([0, 0, 2, 'No']);
    expect(cells.find(([, , , t]) => t === 'Base / line / value')?.[0]).toBe(1);
    expect(cells.find(([, , , t]) => t === '1')).toEqual([2, 0, 1, '1']);
  });

  // Five columns; «Indicator values» spans the middle two over «Base / line» (two lines) and
  // «Target value» (one line), each centred on its own, so no line holds both sub-headings.
  const columns = [35, 100, 170, 260, 380];
  const rowsFrom = (first: number, step: number): TextRun[] =>
    [0, 1, 2].flatMap((r) => {
      const b = first + r * (step + 12);
      return [run(String(r + 1), 35, b), ...cell(100, b, ['alpha', 'beta']), ...cell(170, b, ['gamma', 'delta']), ...cell(260, b, ['one', 'two']), ...cell(380, b, ['x', 'y'])];
    });

  it('spans both header rows with a heading of the upper row centred on them, where the sub-headings share no line', () => {
    const cells = cellsOf([
      ...cell(380, 100, ['Result', 'of work']),
      run('Indicator values', 170, 106, 140),
      ...cell(100, 112, ['Measure', 'of the', 'plan']),
      ...cell(35, 118, ['No', 'te']),
      ...cell(170, 136, ['Base', 'line']),
      run('Target value', 260, 142),
      ...cell(380, 136, ['Achieved', 'value']),
      ...['1', '2', '3', '4', '5'].map((n, c) => run(n, columns[c] ?? 0, 172)),
      ...rowsFrom(188, 16),
    ]);
    expect(cells.find(([, , , t]) => t === 'No / te')).toEqual([0, 0, 2, 'No / te']);
    expect(cells.find(([, , , t]) => t === 'Base / line')?.[0]).toBe(1);
    expect(cells.find(([, , , t]) => t === 'Result / of work')).toEqual([0, 4, 1, 'Result / of work']);
  });

  it('leaves a first row\'s cell set at its top in one row, over a row with text in both columns of a cell spanning two', () => {
    // The first row of a page printed without the header: «5» stands at the top of its row, not
    // centred on the two rows, and the row under it has nothing in its column.
    const cells = cellsOf([
      run('5', 35, 100),
      ...cell(100, 100, ['Measure', 'five', 'text']),
      run('Planted trees', 170, 100, 140),
      ...cell(380, 100, ['done', 'in time']),
      ...cell(100, 152, ['Measure', 'six']),
      run('ISO', 170, 152),
      run('ISO text', 260, 158),
      ...cell(380, 152, ['kept']),
      ...rowsFrom(204, 16),
    ]);
    expect(cells.find(([, , , t]) => t === '5')).toEqual([0, 0, 1, '5']);
  });

  it('runs a header cell on at the line pitch into the sub-headings\' row where thin padding sets the rest of a cut row barely a pitch apart', () => {
    // Padding of 1.5 pt: the numbering row sits a pitch and two paddings under the header, the
    // rest of the row cut by the page break a pitch and one padding under that.
    const cells = cellsOf([
      run('Indicator values', 170, 100, 140),
      run('Result', 380, 100),
      ...cell(100, 101.5, ['Measure', 'of the', 'plan']),
      run('No', 35, 113.5),
      run('Base line', 170, 121),
      run('Target value', 260, 121),
      ...cell(380, 115, ['Achieved', 'value']),
      ...['1', '2', '3', '4', '5'].map((n, c) => run(n, columns[c] ?? 0, 142)),
      ...cell(100, 155.5, ['rest of', 'measure']),
      run('rest', 170, 155.5),
      run('of it', 260, 155.5),
      ...cell(380, 155.5, ['more', 'words']),
      ...rowsFrom(182.5, 15),
    ]);
    expect(cells.find(([, c]) => c === 1)).toEqual([0, 1, 2, 'Measure / of the / plan']);
    expect(cells.find(([, , , t]) => t === 'rest of / measure')?.[2]).toBe(1);
  });
});

describe('a page of a table printed with its header once', () => {
  // A measure row of a goal that began on the page before (its columns empty here), then a new
  // goal whose title, in the first column, is centred on the band of its own row and the one
  // above by chance.
  const goal = [
    ...cell(100, 100, ['6. Dismissals', 'recorded']),
    ...cell(170, 100, ['None', 'this year']),
    ...cell(35, 140, ['Open', 'work', 'of the', 'fund']),
    ...cell(100, 140, ['1. Public', 'reports']),
    ...cell(170, 140, ['Three', 'reports', 'were', 'posted', 'on the', 'site', 'in time']),
    ...cell(100, 240, ['2. Hearings']),
    ...cell(170, 240, ['Two held']),
  ];
  const title = (runs: TextRun[]) =>
    (streamTable(buildLines(runs))?.table.cells ?? []).map((c) => [c.row, c.col, c.rowSpan, c.lines.join(' ')]).find(([, , , t]) => t === 'Open work of the fund');

  it('does not lift a cell lower down onto the row above, whatever its centre: only headings of the top rows span two', () => {
    expect(title([...cell(100, 60, ['5. Ethics of', 'the staff']), ...cell(170, 60, ['Kept', 'in force']), ...goal])).toEqual([2, 0, 1, 'Open work of the fund']);
    // Under the page's first row: that row is no header over sub-headings.
    expect(title(goal)).toEqual([1, 0, 1, 'Open work of the fund']);
  });
});

describe('a paragraph set just above a borderless table', () => {
  // The table in 7.5 pt (0.5 em a letter), the paragraph above it in the body's 10 pt, justified:
  // its full line breaks into two phrases at a wide word space over the table's column gap.
  const small = (text: string, x0: number, baseline: number): TextRun => ({ ...run(text, x0, baseline, text.length * 3.75), fontSize: 7.5, top: baseline - 6, bottom: baseline + 1.5 });
  const rows = (top: number): TextRun[] =>
    [0, 1, 2, 3].flatMap((r) => {
      const b = top + r * 30;
      return [small(`${r + 1}. measure`, 40, b), small('text of it', 40, b + 9), small('the unit', 130, b), small('and office', 130, b + 9), small('done in the', 220, b), small('first quarter', 220, b + 9)];
    });
  const header = [small('Measure', 40, 190), small('Responsible', 130, 190), small('Information', 220, 190)].map((r) => ({ ...r, bold: true }));
  const paragraph = [run('The units responsible for the plan and the offices', 40, 150, 170), run('carrying it out', 228, 150, 60), run('of the regions.', 40, 162, 70)];

  it('leaves a list set in the body size just under the table out of it', () => {
    const after = [run('List of abbreviations:', 40, 335, 110), run('SF - the Social Fund of the Kyrgyz Republic', 40, 349, 200), run('CA - office', 40, 363, 55)];
    const page: PageContent = { number: 1, width: 300, height: 400, runs: [...header, ...rows(210), ...after], segments: [], figures: [] };
    const [table] = findTables(page).tables;
    expect(table?.cells.some((c) => c.lines.join(' ').includes('abbreviations'))).toBe(false);
    expect(table?.cells.some((c) => c.lines.join(' ').startsWith('4. measure'))).toBe(true);
  });

  it('leaves a list out of the table when its size differs from the table\'s by half a point, at row spacing', () => {
    // The table in 10.5 pt, the list in the body's 10 pt, about as far below the last row as the
    // rows are apart (not far enough to be set apart), its lines running across the columns: only
    // the size tells it.
    const sized = (text: string, x0: number, baseline: number, fontSize: number): TextRun => ({ ...run(text, x0, baseline, text.length * 0.5 * fontSize), fontSize, top: baseline - 0.8 * fontSize, bottom: baseline + 0.2 * fontSize });
    const body = [0, 1, 2, 3].flatMap((r) => {
      const b = 210 + r * 40;
      return [sized(`${r + 1}. measure`, 40, b, 10.5), sized('text of it', 40, b + 12, 10.5), sized('the unit', 160, b, 10.5), sized('done in the', 260, b, 10.5), sized('first quarter', 260, b + 12, 10.5)];
    });
    const head = [sized('Measure', 40, 182, 10.5), sized('Responsible', 160, 182, 10.5), sized('Information', 260, 182, 10.5)].map((r) => ({ ...r, bold: true }));
    const list = [
      { ...sized('List of abbreviations:', 40, 372, 10), bold: true },
      sized('SF - the Social Fund of the Kyrgyz Republic and its offices', 40, 384, 10),
      sized('CA - the central office', 40, 396, 10),
      sized('SIF - the state insurance of the Kyrgyz Republic', 40, 408, 10),
      sized('RO - the regional offices', 40, 420, 10),
    ];
    const page: PageContent = { number: 1, width: 400, height: 500, runs: [...head, ...body, ...list], segments: [], figures: [] };
    const [table] = findTables(page).tables;
    expect(table?.cells.some((c) => c.lines.join(' ').startsWith('4. measure'))).toBe(true);
    expect(table?.cells.some((c) => c.lines.join(' ').includes('abbreviations'))).toBe(false);
  });

  it('leaves the paragraph out of the table, which starts at its header', () => {
    const page: PageContent = { number: 1, width: 300, height: 400, runs: [...paragraph, ...header, ...rows(210)], segments: [], figures: [] };
    const [table] = findTables(page).tables;
    const top = table?.cells.filter((c) => c.row === 0).map((c) => c.lines.join(' '));
    expect(top).toEqual(['Measure', 'Responsible', 'Information']);
  });
});

describe('a group title wrapped over several lines between two bands of a borderless table', () => {
  it('keeps both bands one table when the title starts left of the first column\'s centred text', () => {
    const band = (top: number, n: number): TextRun[] =>
      [0, 1, 2].flatMap((k) => {
        const b = top + k * 30;
        return [run(String(n + k), 52, b), ...cell(100, b, ['measure text', 'more of it']), ...cell(200, b, ['result', 'given'])];
      });
    const title = ['Goal 2. A long title of the goal set over the', 'whole width of the table and wrapped onto', 'three lines and then a fourth one as its', 'words run on'].map((t, k) => ({ ...run(t, 36, 200 + k * 12, 190), bold: true }));
    const page: PageContent = { number: 1, width: 320, height: 400, runs: [...band(100, 1), ...title, ...band(260, 4)], segments: [], figures: [] };
    const { tables } = findTables(page);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.cells.some((c) => c.lines.join(' ').startsWith('Goal 2.'))).toBe(true);
  });
});

describe('text running on beside a new row', () => {
  it('does not carry a bold label over into the next row when the line under it is regular text', () => {
    const bold = (rs: TextRun[]): TextRun[] => rs.map((r) => ({ ...r, bold: true }));
    const runs = [
      ...cell(35, 100, ['1']),
      ...cell(100, 100, ['alpha', 'beta']),
      ...cell(170, 100, ['gamma', 'delta']),
      ...bold(cell(35, 138, ['Total', 'sum'])),
      ...cell(100, 138, ['one']),
      ...cell(170, 138, ['two']),
      ...cell(35, 162, ['of all']),
      ...cell(100, 162, ['three', 'four']),
      ...cell(170, 162, ['five']),
      ...cell(35, 200, ['2']),
      ...cell(100, 200, ['six', 'seven']),
      ...cell(170, 200, ['eight']),
    ];
    const cells = streamTable(buildLines(runs))?.table.cells ?? [];
    expect(cells.find((c) => c.lines[0] === 'Total')).toMatchObject({ rowSpan: 1, lines: ['Total', 'sum'] });
    expect(cells.find((c) => c.lines[0] === 'of all')?.row).toBe(cells.find((c) => c.lines[0] === 'three')?.row);
  });
});

describe('a page printed without the header, starting with the rest of a cut row', () => {
  const edges = [30, 95, 165, 300];
  const starts = (lines: ReturnType<typeof buildLines>, borrowed?: { rowStep: number; usualRowStep: number }): number[] => {
    const found = gappedRowStarts(
      lines.map((l) => placeLine(l, edges)),
      12,
      borrowed,
    );
    return [...(found?.starts ?? [])].map((i) => lines[i]!.baseline).sort((a, b) => a - b);
  };

  it('starts the row on the first part of a printed line that came in two parts', () => {
    // The rest (column 2) ends; 20 pt below, a row starts in all three columns, its line read as
    // two lines: columns 0 and 1 (text fresh there), then column 2 (after the gap).
    // The rest has a paragraph break (15 pt) of its own before the row.
    const rest = buildLines(cell(170, 100, ['the rest of', 'a cut cell', 'a second', 'paragraph']).map((r, i) => (i >= 2 ? { ...r, baseline: r.baseline + 3, top: r.top + 3, bottom: r.bottom + 3 } : r)));
    const left = buildLines([...cell(32, 159, ['2.']), ...cell(100, 159, ['Second'])]);
    const right = buildLines(cell(170, 159, ['Results']));
    const lines = [...rest, left[0]!, right[0]!, ...buildLines([...cell(32, 171, ['goes']), ...cell(100, 171, ['measure']), ...cell(170, 171, ['as follows'])]), ...buildLines([...cell(32, 191, ['3.']), ...cell(100, 191, ['Third']), ...cell(170, 191, ['Done'])])];
    const placed = lines.map((l) => placeLine(l, edges));
    const found = gappedRowStarts(placed, 12, { rowStep: 20, usualRowStep: 20 });
    // The row starts at the line's first part; its second is no row of its own.
    expect([...(found?.starts ?? [])].sort((a, b) => a - b)).toEqual([0, 4, 7]);
  });

  it('reads a paragraph break in the rest’s column as a paragraph, not the row step', () => {
    // Paragraphs inside cells 15 pt apart, rows 20: the rest's own paragraph break is no row
    // under a header (no header here), and the later paragraph breaks stay inside their cells.
    const runs = [
      ...cell(170, 100, ['the rest', 'goes on']),
      ...cell(170, 127, ['a second', 'paragraph']),
      ...cell(32, 159, ['3.']),
      ...cell(100, 159, ['Third', 'measure']),
      ...cell(170, 159, ['Result one', 'in two lines']),
      ...cell(170, 186, ['Result two']),
      ...cell(32, 206, ['4.']),
      ...cell(100, 206, ['Fourth']),
      ...cell(170, 206, ['Result', 'of four']),
      ...cell(170, 233, ['and more']),
      ...cell(32, 253, ['5.']),
      ...cell(100, 253, ['Fifth']),
      ...cell(170, 253, ['Done']),
    ];
    expect(starts(buildLines(runs))).toEqual([100, 159, 206, 253]);
  });

  it('keeps paragraphs that two cells of the rest begin on one line beside a column running on', () => {
    // The document's rows are 20 pt apart (a row cut by a page starts 15.5 pt down, one padding);
    // here the rest of a cut row fills three columns, and two of them begin a paragraph 15 pt
    // down on the same line while the first runs on at the line pitch: no row starts there.
    const runs = [
      ...cell(32, 100, ['runs on', 'and on', 'still', 'more', 'end']),
      ...cell(100, 100, ['first', 'para']),
      ...cell(100, 127, ['second', 'para']),
      ...cell(170, 100, ['red', 'blue']),
      ...cell(170, 127, ['green']),
    ];
    expect(starts(buildLines(runs), { rowStep: 15.5, usualRowStep: 20 })).toEqual([100]);
  });
});

describe('a page whose rows fill only the right-hand columns of a table measured on other pages', () => {
  // Six columns measured on the table's other pages; here the goal, measure and task cells of the
  // rows span from the page before, so only the last three columns hold text, and the last
  // column's list (set apart by a paragraph gap, indented) runs on below the other cells.
  const edges = [30, 80, 130, 200, 320, 440, 540];
  const rowGaps = [{ rowStep: 20, usualRowStep: 20, pitch: 12, edges, em: 10, textStarts: [32, 82, 132, 202, 322, 442] }];
  const words = ['pension', 'payment', 'insured', 'period', 'records', 'savings', 'income', 'office'];
  const list = (n: number): string[] => Array.from({ length: n }, (_, i) => `${i % 3 === 0 ? '- ' : ''}${words[i % words.length]}`);

  it('keeps them a table: the empty left columns are cells spanning from the page before, not a sparse grid', () => {
    for (const n of [6, 10, 16]) {
      const runs = [
        ...cell(202, 100, ['2. Second activity', 'of the plan', 'in full']),
        ...cell(322, 100, ['Digital unit', 'with the offices']),
        ...cell(442, 100, ['Expected', 'result:', 'records']),
        ...cell(452, 100 + 3 * 12 + 8, list(n)),
      ];
      const page: PageContent = { number: 2, width: 560, height: 100 + (n + 8) * 12, runs, segments: [], figures: [] };
      const { tables, textLines } = findTables(page, rowGaps);
      expect(tables, `${n} list lines`).toHaveLength(1);
      expect(textLines).toEqual([]);
      const cols = new Set(tables[0]?.cells.filter((c) => c.lines.length > 0).map((c) => c.col));
      expect([...cols].sort()).toEqual([3, 4, 5]);
    }
  });

  it('still leaves a page of scattered labels on those columns out', () => {
    // Axis-like labels: one short phrase here and there over many lines, most of the grid empty.
    const runs = [...cell(202, 100, ['10']), ...cell(442, 100, ['20']), ...cell(322, 140, ['30']), ...cell(442, 180, ['40']), ...cell(202, 220, ['50'])];
    const page: PageContent = { number: 2, width: 560, height: 300, runs, segments: [], figures: [] };
    expect(findTables(page, rowGaps).tables).toEqual([]);
  });
});


describe('columns borrowed from the table\'s other pages', () => {
  // The header and first lines of a page of the layout fuzz's ky 1102674549 (A4 portrait,
  // 10 pt, borderless, words broken anywhere): each line's top and its phrases' x extents. The
  // header's words, broken over three lines and centred at different heights, never share a line
  // in the first two columns; the last column holds a list indented inside its cell.
  const page: [number, [number, number][]][] = [
  [43.1, [[110.7, 168.9]]],
  [49.1, [[46.2, 99.9], [426.2, 474.0]]],
  [55.1, [[129.8, 149.8]]],
  [61.1, [[57.3, 88.9], [181.7, 246.0], [262.1, 313.7], [338.2, 399.7], [424.9, 475.4]]],
  [67.1, [[119.1, 160.5]]],
  [73.1, [[52.5, 93.7], [420.1, 480.2]]],
  [79.1, [[126.2, 153.4]]],
  [93.5, [[257.5, 316.9], [324.2, 375.9], [419.8, 477.0]]],
  [104.7, [[257.5, 302.9], [324.2, 372.3], [419.8, 463.7]]],
  [116.0, [[257.5, 312.4], [324.2, 404.0], [419.8, 476.6]]],
  [127.2, [[257.5, 311.7], [324.2, 394.5], [419.8, 464.5]]],
  [138.5, [[257.5, 317.0], [324.2, 364.2]]],
  [148.2, [[257.5, 288.5], [324.2, 412.1], [449.8, 453.2]]],
  [159.5, [[257.5, 307.5], [324.2, 385.1], [449.8, 474.6]]],
  [170.7, [[257.5, 296.5], [449.8, 477.1]]],
  [182.0, [[257.5, 293.2], [449.8, 456.0]]],
  [193.2, [[257.5, 302.4], [449.8, 480.0]]],
  [204.5, [[257.5, 293.3], [449.8, 479.9]]],
  [215.7, [[257.5, 298.8], [449.8, 459.5]]],
  [227.0, [[257.5, 306.4], [449.8, 453.2]]],
  [238.2, [[257.5, 318.1], [449.8, 480.0]]],
  [249.5, [[257.5, 312.9], [449.8, 480.4]]],
  [260.7, [[257.5, 260.9], [449.8, 474.3]]],
  [272.0, [[257.5, 316.2], [449.8, 475.3]]],
  [283.2, [[257.5, 316.8], [449.8, 474.4]]],
  [294.5, [[257.5, 304.1], [449.8, 454.8]]],
  [305.7, [[257.5, 284.8], [449.8, 475.5]]],
  [317.0, [[257.5, 313.3], [449.8, 477.4]]],
  [328.2, [[257.5, 312.4], [449.8, 474.4]]],
  [339.5, [[257.5, 308.6], [449.8, 463.9]]],
  [350.7, [[449.8, 474.8]]],
  [362.0, [[449.8, 463.1]]],
  [373.2, [[449.8, 479.1]]],
  [384.5, [[449.8, 459.2]]],
  [395.7, [[449.8, 453.2]]],
  ];
  const runs = phraseRuns(page);
  // What the table's fuller pages measured: six columns, at the same font size.
  const measured = { rowStep: 14.25, usualRowStep: 14.25, pitch: 11.25, edges: [42, 104.5, 172.5, 256.5, 326, 410, 481], em: 10 };

  it('takes their columns where this page finds as many, but one inside their column and two of theirs as one', () => {
    const own = streamTable(buildLines(runs))?.table;
    expect(own?.cols).toBe(6);
    expect(own?.cells.filter((c) => c.row === 0).some((c) => c.colSpan > 1)).toBe(true);
    const read = streamTable(buildLines(runs), { rowGaps: [measured] })?.table;
    expect(read?.cells.filter((c) => c.row === 0).map((c) => [c.col, c.colSpan])).toEqual([0, 1, 2, 3, 4, 5].map((c) => [c, 1]));
    // The borrowed boundaries stay in this page's corridors: the fifth column's text starts at 324.2 here.
    expect(read?.colEdges[4]).toBeLessThan(324.2);
    expect(read?.colEdges[4]).toBeGreaterThan(318.1);
  });

  it('takes the finest of the measured columns that fit, not the first', () => {
    // A page that ran two columns together measured its row gap too. Fewer lines of this page
    // find five columns here, and both measurements fit them.
    const fewer = runs.filter((r) => r.top < 300);
    const coarse = { ...measured, edges: [42, 104.5, 256.5, 326, 410, 481] };
    expect(streamTable(buildLines(fewer), { rowGaps: [coarse] })?.table.cols).toBe(5);
    expect(streamTable(buildLines(fewer), { rowGaps: [coarse, measured] })?.table.cols).toBe(6);
  });

  it('takes fewer columns than this page finds where a header word crosses the one they lack', () => {
    // ky 790572453, a page under the repeated header: the fourth column's cell goes on, and the
    // last column's list, indented in its cell, leaves a corridor right of where its text starts.
    const page31: [number, [number, number][]][] = [
    [45.8, [[494.1, 531.8]]],
    [51.8, [[54.9, 121.5], [154.4, 214.4]]],
    [57.8, [[248.1, 298.2], [333.6, 374.3], [409.3, 457.6], [493.6, 532.4]]],
    [63.8, [[72.5, 104.0], [156.4, 212.5]]],
    [69.8, [[489.7, 536.3]]],
    [87.8, [[320.2, 383.0], [509.2, 542.3]]],
    [99.8, [[320.2, 345.3], [509.2, 530.8]]],
    [111.8, [[320.2, 364.0], [509.2, 512.5]]],
    [123.8, [[320.2, 323.5], [509.2, 542.8]]],
    [135.8, [[320.2, 384.1], [509.2, 523.8]]],
    [147.8, [[320.2, 350.8], [509.2, 544.0]]],
    [159.8, [[320.2, 380.4], [509.2, 541.7]]],
    [171.8, [[320.2, 364.3], [509.2, 541.9]]],
    [183.8, [[320.2, 373.2], [509.2, 543.2]]],
    [195.8, [[320.2, 348.7], [509.2, 515.9]]],
    [207.8, [[509.2, 539.7]]],
    [219.8, [[509.2, 539.5]]],
    [231.8, [[509.2, 512.5]]],
    [243.8, [[509.2, 543.7]]],
    [255.8, [[509.2, 523.5]]],
    [267.8, [[509.2, 545.4]]],
    [279.8, [[509.2, 539.9]]],
    [291.8, [[509.2, 530.3]]],
    ];
    const lines = buildLines(phraseRuns(page31));
    expect(streamTable(lines)?.table.cols).toBe(7);
    const six = { rowStep: 18, usualRowStep: 18, pitch: 12, edges: [45, 136.5, 230, 312.5, 393.5, 473, 543], em: 10 };
    const read = streamTable(lines, { rowGaps: [six] })?.table;
    expect(read?.cells.filter((c) => c.row === 0).map((c) => [c.col, c.colSpan])).toEqual([0, 1, 2, 3, 4, 5].map((c) => [c, 1]));
  });

  it('keeps two columns under one heading that a coarser measurement ran together', () => {
    // mn 653447332, the two-level header and first rows of a page (phrase x extents, baselines):
    // «Шалгуур үзүүлэлт» is centred across «Суурь түвшин» and «Хүрэх түвшин», and another page
    // measured those two as one column.
    const boxes: [number, number, number][] = [[371.7, 435.4, 52.5], [136.5, 181.0, 63.0], [237.7, 321.2, 58.5], [386.0, 421.1, 64.5], [469.5, 508.1, 63.0], [69.4, 84.1, 75.0], [122.5, 195.0, 75.0], [471.6, 506.1, 75.0], [549.3, 578.9, 75.0], [142.9, 174.6, 87.0], [208.8, 274.3, 90.7], [285.0, 349.4, 90.7], [366.0, 441.1, 84.7], [471.4, 506.3, 87.0], [384.5, 422.7, 96.7], [74.2, 79.2, 117.0], [156.2, 161.2, 117.0], [239.0, 244.0, 117.0], [314.7, 319.7, 117.0], [401.1, 406.1, 117.0], [486.3, 491.3, 117.0], [117.7, 180.0, 132.7], [207.8, 270.0, 132.7], [283.3, 345.0, 132.7], [359.1, 393.9, 132.7], [117.7, 167.3, 144.7], [207.8, 242.3, 144.7], [283.3, 328.1, 144.7], [359.1, 420.8, 144.7], [117.7, 179.4, 156.7], [207.8, 247.2, 156.7], [283.3, 329.4, 156.7], [359.1, 430.3, 156.7], [117.7, 174.8, 168.7], [207.8, 239.1, 168.7], [283.3, 333.3, 168.7], [359.1, 431.3, 168.7], [117.7, 152.5, 180.7], [207.8, 246.6, 180.7], [283.3, 339.5, 180.7], [359.1, 415.3, 180.7], [117.7, 167.1, 192.7], [207.8, 255.9, 192.7], [283.3, 347.9, 192.7], [359.1, 423.7, 192.7], [117.7, 160.7, 204.7], [207.8, 266.0, 204.7], [283.3, 350.6, 204.7], [359.1, 426.4, 204.7]];
    const lines = buildLines(boxes.map(([x0, x1, baseline], i) => run(`w${i}`, x0, baseline, x1 - x0)));
    expect(streamTable(lines)?.table.cols).toBe(7);
    const coarse = { rowStep: 20.2, usualRowStep: 20.2, pitch: 11.5, edges: [69, 101, 201.5, 354, 453.5, 530, 579], em: 10 };
    expect(streamTable(lines, { rowGaps: [coarse] })?.table.cols).toBe(7);
  });

  it('keeps a column of its own that a coarser measurement ran together with its neighbour', () => {
    const clean = buildLines([
      run('Goal', 40, 60), run('Measure', 100, 60), run('Report', 170, 60),
      ...cell(40, 80, ['Goal one']), ...cell(100, 80, ['First', 'measure']), ...cell(170, 80, ['Began', 'the work']),
      ...cell(40, 116, ['Goal two']), ...cell(100, 116, ['Second']), ...cell(170, 116, ['Done']),
    ]);
    const coarse = { rowStep: 24, usualRowStep: 24, pitch: 12, edges: [35, 95, 260], em: 10 };
    expect(streamTable(clean, { rowGaps: [coarse] })?.table.cols).toBe(3);
  });

  it('takes their columns under a heading centred over two of them, and keeps the boundary under it', () => {
    // mn 572115551, a page of the two-level header (7.5 pt) and one column running on below it:
    // each phrase's x extent and baseline. «Шалгуур үзүүлэлт» (305.6–377.9) heads two columns.
    const boxes: [number, number, number][] = [[144.3, 181.8, 54.7], [305.6, 377.9, 52.5], [492.5, 545.4, 48.7], [504.4, 533.5, 57.0], [576.9, 644.2, 58.5], [73.4, 87.3, 63.0], [130.8, 195.3, 63.0], [487.2, 550.6, 69.0], [595.0, 626.0, 66.7], [707.6, 732.7, 63.0], [148.8, 177.3, 71.2], [249.6, 303.9, 72.7], [386.2, 440.5, 72.7], [501.8, 536.1, 77.2], [78.0, 82.7, 89.2], [160.7, 165.4, 89.2], [274.4, 279.1, 89.2], [411.0, 415.7, 89.2], [516.6, 521.3, 89.2], [608.2, 612.9, 89.2], [480.3, 528.3, 99.7], [480.3, 517.1, 108.0], [480.3, 548.6, 116.2], [480.3, 528.7, 124.5], [480.3, 550.2, 132.7], [480.3, 556.1, 141.0], [480.3, 502.0, 149.2], [480.3, 557.1, 159.7], [480.3, 537.2, 168.0], [480.3, 532.7, 176.2], [480.3, 554.7, 184.5], [480.3, 517.1, 192.7], [480.3, 548.6, 201.0], [480.3, 528.7, 209.2], [480.3, 550.2, 217.5]];
    const lines = buildLines(boxes.map(([x0, x1, baseline], i) => ({ text: `w${i}`, x0, x1, top: baseline - 6.9, bottom: baseline + 1.7, baseline, fontSize: 7.5, fontName: 'F', bold: false })));
    const seven = { rowStep: 12, usualRowStep: 12, pitch: 8.25, edges: [73, 105, 204, 346, 476, 563.5, 679, 733], em: 7.5 };
    const read = streamTable(lines, { rowGaps: [seven] })?.table;
    expect(read?.colEdges[3]).toBeCloseTo(346, 0);
    expect(read?.cells.find((c) => c.row === 0 && c.col === 2)?.colSpan).toBe(2);
  });

  it('moves a borrowed boundary left of a column whose text starts a hair before it', () => {
    // The next column's text starts 1.5 pt left of the boundary the other page set.
    const lines = buildLines([...cell(35, 100, ['Left text', 'more']), ...cell(98.5, 100, ['Right column', 'alone', 'on its lines', 'below'])]);
    const [, inner] = fitColumns(lines, [30, 100, 200]);
    expect(inner).toBeGreaterThan(35 + 'Left text'.length * 5);
    expect(inner).toBeLessThan(98.5);
    const t = streamTable(lines, { columns: [30, 100, 200] })?.table;
    expect(t?.cells.filter((c) => c.colSpan > 1)).toEqual([]);
  });
});

describe('one row at the foot of a page under a cell running on alone', () => {
  it('is left for a second reading with the gap and columns its table measured on other pages', () => {
    const running = cell(170, 100, Array.from({ length: 20 }, (_, i) => `line ${i} of it`));
    const foot = [...cell(35, 352, ['5']), ...cell(100, 352, ['Plant trees', 'all year']), ...cell(170, 352, ['A million', 'trees'])];
    const page: PageContent = { number: 4, width: 320, height: 400, runs: [...running, ...foot], segments: [], figures: [] };
    const first = findTables(page);
    // Two lines measure no row gap, and one row alone is no table.
    expect(first.tables).toEqual([]);
    expect(first.unmeasured).toBe(true);
    // The other pages put their number column's text at 35 too, and the measure's at 100.
    const again = findTables(page, [{ rowStep: 24, usualRowStep: 24, pitch: 12, edges: [32, 70, 162.5, 300], em: 10 }]);
    expect(again.tables[0]?.cells.map((c) => c.lines.join(' '))).toEqual(['5', 'Plant trees all year', 'A million trees']);
  });
});

describe('a heading centred over two columns, starting in the white between them', () => {
  // The header and first row of page 1 of the layout fuzz's mn 644347112 (A4 landscape,
  // borderless, padding 2 pt), scaled from 7 pt to the helper's 10 pt. «Шалгуур үзүүлэлт»
  // (406.9–490.3) is centred over the third and fourth columns; it starts right of the third
  // column's longest line (401.9) and left of the fourth's text (420.7), in the corridor between.
  const page: [number, [number, number][]][] = [
    [136.9, [[197.4, 241.9], [406.9, 490.3], [638.4, 702.1]]],
    [147.6, [[652.7, 687.9]]],
    [156.1, [[104.4, 119.1], [183.4, 255.9], [728.3, 841.3], [919.4, 949.0]]],
    [163.6, [[203.7, 235.6], [312.3, 377.9], [489.1, 553.6], [632.7, 707.9]]],
    [174.3, [[651.1, 689.4]]],
    [191.4, [[109.3, 114.3], [217.1, 222.1], [342.6, 347.6], [518.9, 523.9], [667.9, 672.9], [782.3, 787.3]]],
    [207.6, [[59.6, 981.1]]],
    [226.9, [[109.3, 114.3], [169.9, 248.1], [275.1, 367.0], [420.7, 611.9], [627.7, 664.6], [726.0, 843.4], [929.3, 939.3]]],
    [237.6, [[169.9, 230.4], [275.1, 401.9], [420.7, 587.9], [627.7, 686.9]]],
    [248.3, [[169.9, 268.7], [275.1, 391.9], [420.7, 591.4], [627.7, 699.9]]],
    [259.0, [[169.9, 248.0], [275.1, 379.9], [627.7, 703.3]]],
    [269.7, [[169.9, 249.0], [275.1, 338.6], [627.7, 675.6]]],
    [280.4, [[169.9, 267.6], [627.7, 705.9]]],
    [291.1, [[169.9, 192.1], [627.7, 706.9]]],
  ];
  const headingCell = (t: ReturnType<typeof streamTable>) => t?.table.cells.find((c) => c.lines.join(' ') === 'w136.9-1');

  it('reads it as one cell spanning both columns', () => {
    const read = streamTable(buildLines(phraseRuns(page)));
    expect(read?.table.cols).toBe(7);
    expect(headingCell(read)).toMatchObject({ col: 2, colSpan: 2 });
    // The third column's own text stays in it, the fourth's in the fourth.
    const body = read?.table.cells.filter((c) => c.lines.some((l) => l.startsWith('w237.6')));
    expect(body?.map((c) => [c.col, c.colSpan])).toEqual([1, 2, 3, 4].map((c) => [c, 1]));
  });

  it('leaves a phrase in the white that is not centred over both columns to the column it starts before', () => {
    const offCentre = page.map(([top, phrases]): [number, [number, number][]] => [top, top === 136.9 ? phrases.map(([x0, x1]) => (x0 === 406.9 ? [406.9, 455] : [x0, x1])) : phrases]);
    expect(headingCell(streamTable(buildLines(phraseRuns(offCentre))))).toMatchObject({ col: 3, colSpan: 1 });
  });
});

describe('a page whose column corridor is wider than on the page that measured the table', () => {
  // Page 70 of the layout fuzz's ky 2117621852 (A4 landscape, 9 pt, borderless, header printed
  // once), scaled to 10 pt: one row of six cells under the rest of a cut row. The first column
  // holds a short goal title here (to 196.8), so this page's first boundary falls in the middle
  // of a corridor reaching to the second column's text (266.6), 38 pt left of where the page
  // that measured the table put it, but with nothing but white between the two.
  const page: [number, [number, number][]][] = [
    [183.6, [[50.2, 177.1], [266.6, 321.8], [346.1, 409.3], [425.7, 561.3], [583.3, 696.7], [749.6, 790.0]]],
    [196.1, [[266.6, 314.0], [346.1, 413.4], [425.7, 555.9], [583.3, 720.6], [749.6, 789.7]]],
    [208.6, [[266.6, 311.6], [346.1, 413.1], [425.7, 474.9], [583.3, 696.8], [749.6, 811.0]]],
    [221.1, [[266.6, 288.6], [346.1, 394.8], [583.3, 708.3], [749.6, 814.1]]],
    [233.6, [[266.6, 315.9], [583.3, 724.0], [749.6, 806.1]]],
    [246.1, [[266.6, 329.0], [583.3, 710.4], [749.6, 770.7]]],
    [258.6, [[266.6, 273.0], [583.3, 633.4], [749.6, 794.9]]],
    [271.1, [[266.6, 328.0], [749.6, 787.1]]],
    [283.6, [[266.6, 333.8], [749.6, 798.1]]],
    [296.1, [[266.6, 306.0], [749.6, 812.8]]],
  ];
  const k = 10 / 9;
  const measured = {
    rowStep: 24 * k,
    usualRowStep: 24 * k,
    para: 13.5 * k,
    pitch: 11.25 * k,
    edges: [45, 233.5, 305.5, 377.5, 517.5, 656.5, 736].map((x) => x * k),
    em: 10,
    textStarts: [45.2, 239.9, 311.5, 383.1, 525.0, 674.6].map((x) => x * k),
  };

  it('takes the measured columns, and with them the table it continues', () => {
    const own = streamTable(buildLines(phraseRuns(page)));
    expect(own?.continues).toBeUndefined();
    const read = streamTable(buildLines(phraseRuns(page)), { rowGaps: [measured] });
    expect(read?.continues).toBe(true);
    expect(read?.table.colEdges[1]).toBeCloseTo(233.5 * k, 0);
  });

  it('keeps its own columns where text lies between a boundary of its own and theirs', () => {
    // A measurement whose first boundary falls inside this page's second column (at 280 pt, where
    // its text runs from 266.6): not this table's columns.
    const other = { ...measured, edges: measured.edges.map((x, i) => (i === 1 ? 280 : x)) };
    expect(streamTable(buildLines(phraseRuns(page)), { rowGaps: [other] })?.continues).toBeUndefined();
  });
});

describe('a heading centred over two columns that reaches only a little into one of them', () => {
  // Page 1 of the layout fuzz's mn 1321670883 (A4 landscape, Liberation Serif 7.5 pt, padding
  // 2 pt) and mn 1616508084 (DejaVu Sans Condensed 7 pt), header and first rows, scaled to the
  // helper's 10 pt, phrases by their own line top. «Шалгуур үзүүлэлт» is centred over the third
  // and fourth columns. In the first it ends 1.2 pt (at 10 pt) into the fourth column's box,
  // short of its text; in the second it starts 1.6 pt into the third column's box. «Д/д» and
  // «Бүлт х» are centred on the band of both header rows.
  const endsInto: [number, [number, number][]][] = [
    [129.0, [[209.1, 253.6]]],
    [130.0, [[352.8, 436.4], [528.9, 630.3]]],
    [134.0, [[657.2, 732.8]]],
    [140.0, [[115.9, 130.7], [203.6, 259.1], [773.2, 802.9]]],
    [145.0, [[677.5, 712.4]]],
    [150.0, [[319.3, 384.9], [445.3, 509.9], [522.9, 636.3]]],
    [151.0, [[206.9, 255.7]]],
    [167.0, [[120.8, 125.7], [228.8, 233.9], [349.7, 354.7], [475.2, 480.1], [577.1, 582.0], [692.5, 697.5]]],
    [184.0, [[55.6, 794.7]]],
    [195.0, [[55.6, 236.1]]],
    [214.0, [[120.8, 125.7], [196.1, 250.4], [271.9, 414.8], [437.9, 487.6], [522.8, 621.5], [660.0, 730.0], [783.1, 793.1]]],
    [225.0, [[196.1, 218.0], [271.9, 428.3], [437.9, 498.5], [522.8, 595.1], [672.5, 717.5]]],
    [236.0, [[196.1, 256.9], [271.9, 415.2], [437.9, 513.6], [522.8, 598.5]]],
    [247.0, [[196.1, 244.7], [271.9, 335.2], [437.9, 485.7], [522.8, 622.8]]],
    [258.0, [[196.1, 244.1], [437.9, 516.0], [522.8, 630.7]]],
    [269.0, [[196.1, 245.9], [437.9, 517.1], [522.8, 620.5]]],
    [280.0, [[196.1, 260.8], [437.9, 499.5], [522.8, 550.0]]],
    [291.0, [[196.1, 236.9], [437.9, 501.2]]],
    [293.0, [[522.8, 610.8]]],
    [302.0, [[196.1, 257.7]]],
    [304.0, [[522.8, 628.0]]],
    [313.0, [[196.1, 254.8]]],
    [315.0, [[522.8, 568.9]]],
    [326.0, [[522.8, 616.0]]],
    [337.0, [[522.8, 594.9]]],
  ];
  const startsInto: [number, [number, number][]][] = [
    [138.8, [[666.7, 737.1]]],
    [144.1, [[460.9, 557.1]]],
    [147.4, [[767.7, 812.4]]],
    [150.6, [[682.4, 721.3]]],
    [153.8, [[213.0, 352.0]]],
    [159.1, [[119.6, 138.1], [769.1, 811.0], [900.4, 933.9]]],
    [165.6, [[263.4, 301.4]]],
    [167.7, [[659.7, 744.1]]],
    [170.9, [[769.4, 810.7]]],
    [174.1, [[377.0, 449.4], [522.1, 594.4]]],
    [179.5, [[679.0, 724.7]]],
    [197.7, [[125.7, 132.0], [279.3, 285.6], [410.1, 416.4], [555.1, 561.4], [698.7, 705.0], [787.0, 793.1]]],
    [214.9, [[59.6, 998.0]]],
    [235.2, [[126.0, 131.7], [203.7, 290.1], [366.9, 438.9], [465.4, 651.0], [656.9, 697.0], [777.1, 803.0], [911.4, 922.9]]],
    [247.0, [[203.7, 331.7], [366.9, 451.1], [465.4, 642.1], [656.9, 723.9], [764.3, 815.9]]],
    [258.8, [[203.7, 350.0], [366.9, 452.9], [465.4, 628.6], [656.9, 738.7], [764.3, 815.9]]],
    [270.6, [[203.7, 330.3], [366.9, 455.1], [465.4, 537.1], [656.9, 741.1]]],
    [282.4, [[203.7, 306.0], [366.9, 457.6], [656.9, 712.0]]],
    [294.1, [[366.9, 436.4], [656.9, 745.3]]],
    [305.9, [[366.9, 438.6], [656.9, 697.0]]],
    [317.7, [[656.9, 740.4]]],
    [329.5, [[656.9, 731.3]]],
    [341.3, [[656.9, 688.0]]],
    [356.3, [[656.9, 705.6]]],
  ];
  const named = (t: ReturnType<typeof streamTable>, name: string) => t?.table.cells.find((c) => c.lines.join(' ') === name);

  it('reads it as one cell over both columns, and the headings beside it over both rows', () => {
    const first = streamTable(buildLines(phraseRuns(endsInto)));
    expect(named(first, 'w130-0')).toMatchObject({ row: 0, col: 2, colSpan: 2 });
    expect(named(first, 'w140-0')).toMatchObject({ row: 0, col: 0, rowSpan: 2 });
    expect(named(first, 'w140-2')).toMatchObject({ row: 0, col: 6, rowSpan: 2 });
    const second = streamTable(buildLines(phraseRuns(startsInto)));
    expect(named(second, 'w144.1-0')).toMatchObject({ row: 0, col: 2, colSpan: 2 });
    expect(named(second, 'w159.1-0')).toMatchObject({ row: 0, col: 0, rowSpan: 2 });
  });

  it('leaves a phrase as far into the next column that is not centred over both to its own column', () => {
    // The heading starts 30 pt further right (the same end): centred over neither pair.
    const off = endsInto.map(([top, phrases]): [number, [number, number][]] => [top, top === 130 ? phrases.map(([x0, x1], i) => (i === 0 ? [x0 + 30, x1] : [x0, x1])) : phrases]);
    expect(named(streamTable(buildLines(phraseRuns(off))), 'w130-0')).toMatchObject({ colSpan: 1 });
    const offStart = startsInto.map(([top, phrases]): [number, [number, number][]] => [top, top === 144.1 ? phrases.map(([x0, x1], i) => (i === 0 ? [x0, x1 - 30] : [x0, x1])) : phrases]);
    expect(named(streamTable(buildLines(phraseRuns(offStart))), 'w144.1-0')).toMatchObject({ col: 3, colSpan: 1 });
  });
});

describe('a cell spanning two columns on a page where nothing else is in them', () => {
  // The top of page 3 of the layout fuzz's mn 15 (A4 landscape, 7.5 pt, padding 4.5 pt,
  // borderless): the two-level header, the column numbers, one line of the fifth column, and the
  // first line of a row whose «Мод тарьж, цэцэрлэгжүүлэх эх» (224.6–322.9) spans the third and
  // fourth columns. The table's other pages put the boundary between them at 290 and the fourth
  // column's text at 295.7; here no other text lies between 280 and 327.
  const phrases: [number, number, number][] = [
    [51.0, 430.1, 477.9],
    [55.5, 284.9, 347.5],
    [59.25, 440.8, 467.2],
    [63.75, 137.6, 214.3],
    [63.75, 510.3, 567.0],
    [68.25, 80.2, 91.3],
    [72.0, 157.6, 194.3],
    [72.0, 525.5, 551.7],
    [68.25, 608.1, 630.4],
    [76.5, 425.8, 482.2],
    [81.0, 231.0, 280.2],
    [81.0, 327.5, 375.9],
    [84.75, 439.6, 468.3],
    ...[83.9, 174.1, 253.8, 349.9, 452.1, 536.8].map((x): [number, number, number] => [102.0, x, x + 3.7]),
    [114.75, 416.8, 469.8],
    [133.5, 83.9, 87.6],
    [133.5, 136.3, 191.5],
    [133.5, 224.6, 322.9],
    [133.5, 416.8, 462.8],
  ];
  const lines = buildLines(phrases.map(([baseline, x0, x1], i) => run(`p${i}`, x0, baseline, x1 - x0)));
  const measured = [80, 113.5, 219.5, 290, 411.5, 497.5, 590.5, 631];
  const textStarts = [80.2, 136.3, 224.6, 295.7, 416.8, 503.9, 608.1];

  it('keeps the boundary the other pages measured: a phrase past where the next column\'s text starts spans both', () => {
    expect(fitColumns(lines, measured, textStarts)[3]).toBe(290);
  });

  it('still moves it past a fuller line that ends short of the next column\'s text', () => {
    const fuller = lines.map((l) => ({ ...l, chunks: l.chunks.map((c) => (c.x0 === 224.6 ? { ...c, x1: 293 } : c)) }));
    expect(fitColumns(fuller, measured, textStarts)[3]).toBeGreaterThan(293);
  });
});

describe('a heading centred over a narrow column and a wide one, inside the wide one\'s box', () => {
  const cellsOf = (runs: TextRun[]): [number, number, number, number, string][] =>
    (streamTable(buildLines(runs))?.table.cells ?? []).map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.lines.join(' / ')]);
  // Five columns, the third narrow; rows set a padding apart (10 pt of white between cells).
  const columns = [35, 80, 200, 250, 410];
  const rowsFrom = (first: number, step: number): TextRun[] =>
    [0, 1, 2].flatMap((r) => {
      const b = first + r * (step + 12);
      return [
        run(String(r + 1), 35, b),
        ...cell(80, b, ['alpha beta gamma delta', 'delta']),
        ...cell(200, b, ['one four', 'two']),
        ...cell(250, b, ['the target set for the year on', 'the year']),
        ...cell(410, b, ['done in', 'time']),
      ];
    });
  const header = (x: number): TextRun[] => [
    ...cell(35, 112, ['No']),
    ...cell(80, 106, ['Measure', 'taken']),
    run('Indicator values', x, 100, 80),
    ...cell(410, 106, ['Result', 'of work']),
    ...cell(200, 136, ['Base', 'line']),
    ...cell(250, 136, ['Target', 'value']),
    ...['1', '2', '3', '4', '5'].map((n, c) => run(n, columns[c] ?? 0, 172)),
    ...rowsFrom(188, 16),
  ];

  it('spans both columns with a heading centred on their boxes over a sub-heading in each', () => {
    // The boxes: 195..245 and 245..405 (text 5 pt in from each), so the pair's centre is 300.
    const cells = cellsOf(header(260));
    expect(cells.find(([, , , , t]) => t === 'Indicator values')).toEqual([0, 2, 1, 2, 'Indicator values']);
    expect(cells.find(([, , , , t]) => t === 'No')).toEqual([0, 0, 2, 1, 'No']);
    expect(cells.find(([, , , , t]) => t === 'Base / line')?.slice(0, 2)).toEqual([1, 2]);
  });

  it('leaves a heading that starts where the wide column\'s text does to that column', () => {
    expect(cellsOf(header(250)).find(([, , , , t]) => t === 'Indicator values')).toEqual([0, 3, 1, 1, 'Indicator values']);
  });

  it('reads a header whose two levels share a row, with a heading and its one sub-heading a row apart in one column', () => {
    // Print geometry (scaled to 10 pt) of a seed report's header, numbering row, group row and
    // first row: the heading over «Base» and «Target» (w146.1-1) lies in the wider, left column's
    // box; «Performance level» (w140.8, w152.6) stands a row above «Achieved level» (w175.1, w186.9).
    const cells = cellsOf(
      phraseRuns([
        [146.1, [[149.3, 204.8], [341.8, 448.8]]],
        [140.8, [[601.7, 680.1]]],
        [163.3, [[86.6, 107.2], [938.1, 975.2]]],
        [157.9, [[143.6, 210.5], [737.0, 836.7]]],
        [152.6, [[619.3, 662.4]]],
        [169.7, [[162.7, 191.3], [764.0, 809.8]]],
        [175.1, [[593.9, 687.8]]],
        [181.5, [[155.8, 198.2], [298.1, 378.7], [476.4, 556.8]]],
        [186.9, [[615.5, 666.3]]],
        [210.4, [[93.4, 100.4], [173.5, 180.5], [334.9, 341.9], [513.1, 520.1], [637.4, 644.3], [783.4, 790.4]]],
        [234.0, [[62.5, 1041.6]]],
        [245.8, [[62.5, 123.3]]],
        [271.5, [[93.7, 100.1], [142.7, 209.3], [222.8, 434.3], [465.4, 526.4], [579.2, 701.5], [742.3, 831.4], [950.3, 963.0]]],
        [283.3, [[142.7, 168.8], [222.8, 433.3], [465.4, 544.6], [579.2, 670.2], [758.2, 815.5]]],
        [295.1, [[142.7, 208.4], [222.8, 439.4], [465.4, 559.2], [579.2, 673.0]]],
        [306.9, [[142.7, 156.1], [465.4, 526.6], [579.2, 640.5]]],
        [318.7, [[142.7, 202.6], [465.4, 563.7], [579.2, 677.5]]],
        [330.5, [[142.7, 203.9], [465.4, 566.3], [579.2, 680.1]]],
        [342.3, [[142.7, 205.3], [465.4, 542.8], [579.2, 701.8]]],
      ]),
    );
    const named = (t: string) => cells.find(([, , , , text]) => text === t);
    expect(named('w146.1-1')).toEqual([0, 2, 1, 2, 'w146.1-1']);
    expect(named('w181.5-1')?.slice(0, 4)).toEqual([1, 2, 1, 1]);
    expect(named('w181.5-2')?.slice(0, 4)).toEqual([1, 3, 1, 1]);
    expect(named('w140.8-0 / w152.6-0')?.slice(0, 4)).toEqual([0, 4, 1, 1]);
    expect(named('w175.1-0 / w186.9-0')?.slice(0, 4)).toEqual([1, 4, 1, 1]);
    expect(named('w163.3-0')?.slice(0, 4)).toEqual([0, 0, 2, 1]);
  });
});
