import { describe, expect, it } from 'vitest';
import type { TextRun } from '../../src/parse/pdf/page-content.ts';
import { buildLines } from '../../src/parse/pdf/text-lines.ts';
import { streamTable } from '../../src/parse/pdf/stream-table.ts';
import { alignedCorridors, fitColumns, placeLine } from '../../src/parse/pdf/stream-columns.ts';
import { pooledRowGaps, type RowStepEvidence } from '../../src/parse/pdf/row-gap-evidence.ts';
import { cell, FS, phraseRuns, run } from './support/synthetic-runs.ts';
import { findTables, streamRegions } from '../../src/parse/pdf/table-finder.ts';
import type { PageContent } from '../../src/parse/pdf/page-content.ts';

/**
 * A borderless table whose rows are taller than half a page (narrow columns, long cells): each
 * page shows one row start, which no page can measure alone. Synthetic words, 0.5 em a letter,
 * 10 pt type, pitch 12; rows are set 20 pt apart (8 pt of padding).
 */
const page = (number: string, word: string): TextRun[] => [
  // The row above runs on from the page before in two columns...
  ...cell(100, 100, ['five', 'more']),
  ...cell(170, 100, ['long', 'note', 'goes', 'on']),
  // ...and the next row starts a row step under its lowest line, its number alone on its line
  // above a word too long to have followed it.
  ...cell(32, 156, [number, word]),
  ...cell(100, 156, ['audit', 'unit']),
  ...cell(170, 156, ['next', 'note', 'text']),
];
const texts = (rows: readonly { lines: string[]; row: number; col: number }[]): string[] => rows.map((c) => `${c.row}/${c.col} ${c.lines.join(' ')}`);

describe('row gaps pooled over the pages of a table of tall rows', () => {
  const a = streamTable(buildLines(page('3.', 'Republican')));
  const b = streamTable(buildLines(page('4.', 'Procurement')));

  it('keeps the one row start of a page, unmeasured, for pooling', () => {
    expect(a?.unmeasured).toBe(true);
    expect(a?.rowGap).toBeUndefined();
    expect(a?.rowSteps?.steps.rowSteps).toEqual([20]);
  });

  it('measures the row gap from two pages together, not from one', () => {
    const parts = [a?.rowSteps, b?.rowSteps].filter((p): p is RowStepEvidence => p !== undefined);
    expect(parts).toHaveLength(2);
    const pooled = pooledRowGaps(parts, []);
    expect(pooled).toHaveLength(1);
    expect(pooled[0]?.rowStep).toBeCloseTo(20, 5);
    expect(pooledRowGaps(parts.slice(0, 1), [])).toEqual([]);
    // A table another page measured alone needs no pooling.
    expect(pooledRowGaps(parts, pooled)).toEqual([]);
  });

  it('reads each page in rows with the pooled gap, a number wrapped alone on its line staying in its cell', () => {
    const parts = [a?.rowSteps, b?.rowSteps].filter((p): p is RowStepEvidence => p !== undefined);
    const again = streamTable(buildLines(page('3.', 'Republican')), { rowGaps: pooledRowGaps(parts, []) });
    expect(again?.table.rows).toBe(2);
    expect(texts(again?.table.cells ?? [])).toEqual(['0/1 five more', '0/2 long note goes on', '1/0 3. Republican', '1/1 audit unit', '1/2 next note text']);
    // The row alone (the page's region of several phrases begins at its first line): the word
    // under the number goes on in its cell, and so do the others beside it.
    const row = streamTable(buildLines(page('3.', 'Republican').filter((r) => r.baseline >= 156)), { rowGaps: pooledRowGaps(parts, []) });
    expect(texts(row?.table.cells ?? [])).toEqual(['0/0 3. Republican', '0/1 audit unit', '0/2 next note text']);
  });
});

describe('a row start beside columns beginning fresh', () => {
  it('is a row step for pooling, not a paragraph break in the column running on', () => {
    // The last column's text runs on from the page before; the next row starts 20 pt under it
    // there and fresh in the other columns.
    const runs = [...cell(170, 100, ['long', 'note', 'goes', 'on']), ...cell(32, 156, ['omega', 'more', 'words']), ...cell(100, 156, ['six', 'seven', 'eight']), ...cell(170, 156, ['next', 'note', 'text'])];
    const read = streamTable(buildLines(runs));
    expect(read?.unmeasured).toBe(true);
    expect(read?.rowSteps?.steps.rowSteps).toEqual([20]);
    expect(read?.rowSteps?.steps.loneParaSteps).toEqual([]);
  });
});

describe('a line of justified prose', () => {
  // Word spaces stretched past the phrase gap, every one the same.
  const words = ['External', 'monitoring:', 'the', 'civil', 'society'];
  const spaced = (gaps: number[]): TextRun[] => {
    let x = 30;
    return words.map((w, i) => {
      const r = run(w, x, 100);
      x = r.x1 + (gaps[i] ?? 0);
      return r;
    });
  };

  it('is one phrase when its word gaps are all the same', () => {
    const [line] = buildLines(spaced([6.2, 6.2, 6.3, 6.2]));
    expect(line?.chunks.map((c) => c.text)).toEqual(['External monitoring: the civil society']);
  });

  it('is one phrase when a bold lead-in sets its own, wider word space', () => {
    const line = (bold: number): TextRun[] => {
      let x = 30;
      return ['Internal', 'control:', 'the', 'social', 'fund', 'chairman', 'commission'].map((w, i) => {
        const r = { ...run(w, x, 100), bold: i < bold };
        x = r.x1 + ([6.5, 6.2, 6.1, 6.2, 6.2, 6.1][i] ?? 0);
        return r;
      });
    };
    expect(buildLines(line(2))[0]?.chunks).toHaveLength(1);
    // The same gaps all in one weight are not the same.
    expect(buildLines(line(0))[0]?.chunks).toHaveLength(7);
  });

  it('stays cells when the gaps differ, or the phrases are figures', () => {
    expect(buildLines(spaced([6.2, 9, 6.2, 7]))[0]?.chunks).toHaveLength(5);
    let x = 30;
    const figures = ['12.5', '13.0', '14.5', '15.5'].map((t) => {
      const r = run(t, x, 100);
      x = r.x1 + 6.2;
      return r;
    });
    expect(buildLines(figures)[0]?.chunks).toHaveLength(4);
  });
});

describe('column boundaries on a page of a table with an empty column', () => {
  it('moves a boundary a fuller line runs over up to where the next column\'s text starts elsewhere', () => {
    // Column 1's text starts at 100 on the other pages; here it is empty and column 0 runs to 96.
    const lines = buildLines([run('a wide word', 32, 100, 64), run('short', 32, 112), run('note', 170, 100)]);
    const edges = [30, 93, 165, 220];
    expect(fitColumns(lines, edges)).toEqual(edges);
    const fitted = fitColumns(lines, edges, [32, 100, 170]);
    expect(fitted[1]).toBeCloseTo(98, 5);
    expect(fitted[2]).toBe(165);
  });
});

describe('column boundaries fitted where two cells\' phrases run together', () => {
  it('cuts the run-together phrase at the boundary before measuring the white', () => {
    // On one line a word ends short of the boundary and the next cell's word starts 5 pt after it
    // (less than the phrase gap): one phrase. Another line of the first column runs 1 pt past the
    // boundary, and the white between the columns lies beyond it.
    const lines = buildLines([run('a line', 32, 100, 60), run('note', 97, 100), run('a fuller one', 32, 112, 62), run('x', 170, 100)]);
    expect(lines[0]?.chunks).toHaveLength(2);
    expect(fitColumns(lines, [30, 93, 165, 220])[1]).toBeCloseTo(95.5, 5);
  });
});

describe('a column gap narrower than a word space beside a tall cell', () => {
  it('is found where no line crosses it and many start right of it, however few lines the other columns have', () => {
    // Two lines of the row's other cells; the last column runs on alone for a dozen lines, its
    // text starting 8 pt right of the longest line beside it.
    const runs = [
      run('first cell', 30, 100),
      run('more words', 30, 112),
      ...cell(88, 100, Array.from({ length: 12 }, (_, i) => `line ${i}`)),
    ];
    const found = alignedCorridors(buildLines(runs));
    expect(found.map((c) => Math.round(c.at))).toEqual([84]);
    expect(FS).toBe(10);
  });
});

describe('a cut row\'s rest above the page\'s first row', () => {
  // The row above ran on alone in the last column; the next row starts a row step (20) under it,
  // in every column, so the page's region of several phrases begins at that row (read alone, its
  // lines on one grid, as records: the first column's capitals start them).
  const runs = (word: string): TextRun[] => [
    ...cell(170, 40, ['the rest', 'of a note', 'running on']),
    ...cell(32, 84, [word, 'Beta', 'Gamma']),
    ...cell(100, 84, ['audit', 'unit', 'again']),
    ...cell(170, 84, ['next', 'note', 'ends']),
  ];
  const pageOf = (n: number, word: string): PageContent => ({ number: n, width: 300, height: 400, runs: runs(word), segments: [], figures: [] });

  it('gives the step from the rest to the row for pooling', () => {
    const found = findTables(pageOf(1, 'Omega'));
    expect(found.rowGaps).toEqual([]);
    expect(found.rowSteps.map((p) => p.steps.rowSteps)).toEqual([[20]]);
    const both = pooledRowGaps([...found.rowSteps, ...findTables(pageOf(2, 'Sigma')).rowSteps], []);
    expect(both.map((g) => g.rowStep)).toEqual([20]);
  });

  it('gives none where the line above starts in the first column (a heading or paragraph)', () => {
    const page: PageContent = { ...pageOf(1, 'Omega'), runs: [run('Table 2', 32, 64), ...runs('Omega').filter((r) => r.baseline >= 84)] };
    expect(findTables(page).rowSteps).toEqual([]);
  });
});

describe('a goal title of four lines between two bands of rows', () => {
  // Numbers centred in a wide first column (x 60); titles set from the cells' left edge (x 35),
  // 25 pt further left: more than two ems, as far as the rows' own width goes alike.
  const rowAt = (y: number, n: string): TextRun[] => [...cell(60, y, [n]), ...cell(100, y, ['measure', 'text']), ...cell(170, y, ['result', 'text'])];
  const title = (y: number, lines: number): TextRun[] => Array.from({ length: lines }, (_, k) => run(`GOAL TITLE LINE ${k + 1} ACROSS THE TABLE`, 35, y + 12 * k, 180));
  const header = [run('No', 60, 76), run('Measure', 100, 76), run('Result', 170, 76)];
  const runs = [...header, ...title(100, 1), ...rowAt(124, '1'), ...rowAt(154, '2'), ...title(184, 4), ...rowAt(244, '1'), ...rowAt(274, '2')];

  it('joins the two bands into one region', () => {
    const regions = streamRegions(buildLines(runs));
    expect(regions).toHaveLength(1);
    expect(regions[0]?.length).toBe(buildLines(runs).length);
  });
});

describe('one column running on alone under a repeated header, in paragraphs', () => {
  it('keeps the header, the column and the rows under it in one region', () => {
    const header = [run('No', 32, 40), run('Measure', 100, 40), run('Result', 170, 40)];
    // Four paragraphs of the last column, 8 pt of white between them (under an em and a fifth).
    const column = [0, 1, 2, 3].flatMap((k) => cell(170, 62 + k * 44, ['a list item', 'going on', 'and on']));
    const rows = [...cell(32, 250, ['3']), ...cell(100, 250, ['measure', 'text']), ...cell(170, 250, ['result', 'text'])];
    const lines = buildLines([...header, ...column, ...rows]);
    expect(streamRegions(lines).map((r) => r.length)).toEqual([lines.length]);
  });
});

describe('a phrase starting a hair left of the next column', () => {
  it('is that column\'s when the column before is taken on its line', () => {
    // A centred date cell wider on this line than on those that set the boundary (98).
    const [line] = buildLines([run('a cell', 32, 100), run('2024.01.01 2024.12.31', 97, 100, 56)]);
    if (!line) throw new Error('no line');
    expect(placeLine(line, [30, 98, 165, 220]).spans.map((s) => [s.c0, s.c1])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    // Alone on its line, or reaching well into the column before, it spans both.
    const [alone] = buildLines([run('2024.01.01 2024.12.31', 97, 100, 56)]);
    const [far] = buildLines([run('a', 32, 100), run('2024.01.01 2024.12.31', 80, 100, 74)]);
    if (!alone || !far) throw new Error('no line');
    expect(placeLine(alone, [30, 98, 165, 220]).spans.map((s) => [s.c0, s.c1])).toEqual([[0, 1]]);
    expect(placeLine(far, [30, 98, 165, 220]).spans.map((s) => [s.c0, s.c1])).toEqual([[0, 1]]);
  });
});

describe('a header cell of two centred lines, wider above than below', () => {
  // The repeated header of the layout fuzz's ky 1241041358 (Letter landscape, 9.5 pt scaled to
  // 10 pt, borderless): «Стратегиялык» over «максат», both centred, the cell's first line alone
  // and overlapping the header's line, and starting 20 pt left of anything under it.
  const page: [number, [number, number][]][] = [
    [46.0, [[65.8, 147.2]]],
    [52.3, [[86.4, 126.6], [181.3, 331.6], [348.0, 412.6], [432.1, 482.7], [514.6, 575.3], [602.8, 767.8]]],
    [74.4, [[598.0, 734.7]]],
    [86.2, [[598.0, 692.4]]],
    [108.3, [[175.4, 311.1], [345.9, 404.4], [423.1, 472.4], [500.2, 546.1], [598.0, 736.9]]],
    [120.2, [[175.4, 324.5], [345.9, 409.8], [423.1, 457.7], [500.2, 577.4], [598.0, 735.3]]],
    [132.0, [[175.4, 299.3], [345.9, 360.7], [423.1, 491.3], [500.2, 525.2], [598.0, 741.2]]],
  ];

  it('takes the first line into the region with the header', () => {
    const lines = buildLines(phraseRuns(page));
    expect(streamRegions(lines)[0]?.[0]?.chunks[0]?.text).toBe('w46-0');
  });

  it('leaves out a line above that is centred over no phrase of the header (a title)', () => {
    const lines = buildLines(phraseRuns(page.map(([top, phrases]): [number, [number, number][]] => [top, top === 46.0 ? [[40, 160]] : phrases])));
    expect(streamRegions(lines)[0]?.[0]?.chunks[0]?.text).toBe('w52.3-0');
  });
});

describe('a lone step far shorter than a cut row, pooled with the pages of a table', () => {
  // The layout fuzz's ky 1371974258 (pitch 8.25 pt, rows 15.75–16.5 pt apart, header printed
  // once): on one page a body row at the top read as a header band, and a paragraph starting alone
  // under it (9.75 pt down) was counted as the rest of a row cut under a header.
  const edges = [42, 150.5, 247, 341.5, 433, 548.5, 645];
  const part = (rowSteps: number[], loneSteps: number[] = []): RowStepEvidence => ({
    steps: { together: rowSteps.length, rowSteps, clearSteps: rowSteps, loneSteps, paraSteps: new Map(), loneParaSteps: [], pitch: 8.25 },
    pitch: 8.25,
    em: 7.5,
    edges,
  });

  it('does not set the table\'s row step', () => {
    const pooled = pooledRowGaps([part([16.5]), part([15.75]), part([16.5, 16.5], [9.75]), part([16.5])], []);
    expect(pooled[0]?.rowStep).toBeCloseTo(15.75, 5);
  });

  it('where a cut row\'s step (one padding under the header, not two) still does', () => {
    const pooled = pooledRowGaps([part([16.5]), part([15.75]), part([16.5, 16.5], [12]), part([16.5])], []);
    expect(pooled[0]?.rowStep).toBeCloseTo(12, 5);
  });
});
