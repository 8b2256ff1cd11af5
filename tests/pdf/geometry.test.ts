import { describe, expect, it } from 'vitest';
import { parsePdf } from '../../src/parse/pdf/index.ts';
import { DEFAULT_LIMITS } from '../../src/sniff/limits.ts';
import { DocTree, type TableBlock } from '../../src/model/doc-tree.ts';
import { line, minimalPdf, text } from './minimal-pdf.ts';

async function parse(pages: string[]): Promise<DocTree> {
  const res = await parsePdf({ bytes: minimalPdf(pages), filename: 't.pdf', limits: DEFAULT_LIMITS });
  if (!res.ok) throw new Error(res.error.code);
  return DocTree.parse(res.doc);
}
const tablesOf = (doc: DocTree): TableBlock[] => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const grid = (t: TableBlock): string[][] => t.rows.map((r) => r.cells.map((c) => `${c.col}:${c.rowSpan}x${c.colSpan}:${c.text}`));

/** A ruled grid: rows at `ys` (top-down order), columns at `xs`; `skip` lists rules to leave out. */
function rules(xs: number[], ys: number[], skip: { v?: [number, number][]; h?: [number, number][] } = {}): string {
  const out: string[] = [];
  ys.forEach((y, r) => {
    for (let c = 0; c + 1 < xs.length; c++) if (!skip.h?.some(([rr, cc]) => rr === r && cc === c)) out.push(line(xs[c]!, y, xs[c + 1]!, y));
  });
  xs.forEach((x, c) => {
    for (let r = 0; r + 1 < ys.length; r++) if (!skip.v?.some(([rr, cc]) => rr === r && cc === c)) out.push(line(x, ys[r]!, x, ys[r + 1]!));
  });
  return out.join('\n');
}

describe('lattice mode', () => {
  it('reads a ruled grid, a missing vertical rule as colSpan and a missing horizontal one as rowSpan', async () => {
    const xs = [72, 200, 330, 460];
    const ys = [760, 730, 700, 670];
    const page = [
      'Paragraph before the table.',
    ].map((s) => text(72, 790, s));
    page.push(rules(xs, ys, { v: [[0, 2]], h: [[2, 0]] }));
    page.push(text(80, 742, 'Goal'), text(210, 742, 'Measure and status'));
    page.push(text(80, 712, 'Goal one'), text(210, 712, 'First measure'), text(340, 712, 'Done'));
    page.push(text(210, 682, 'Second measure'), text(340, 682, 'Pending'));
    const doc = await parse([page.join('\n')]);
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: 'Paragraph before the table.' });
    const [t] = tablesOf(doc);
    expect(t?.columns).toBe(3);
    expect(grid(t!)).toEqual([
      ['0:1x1:Goal', '1:1x2:Measure and status'],
      ['0:2x1:Goal one', '1:1x1:First measure', '2:1x1:Done'],
      ['1:1x1:Second measure', '2:1x1:Pending'],
    ]);
  });
});

describe('stream mode', () => {
  it('finds columns from whitespace and keeps a wrapped cell as one cell', async () => {
    const rows = [
      [760, ['No', 'Measure', 'Responsible', 'Status']],
      [745, ['1', 'Audit of the pension', 'Internal audit', 'Done']],
      [733, ['', 'payments in all regions', '', '']],
      [718, ['2', 'Training for staff', 'HR department', 'In progress']],
      [703, ['3', 'Public hearings', 'Press office', 'Done']],
    ] as const;
    const cols = [72, 110, 300, 430];
    const page = rows.flatMap(([y, cells]) => cells.map((c, i) => (c ? text(cols[i]!, y, c) : ''))).filter(Boolean);
    const [t] = tablesOf(await parse([page.join('\n')]));
    expect(t).toBeDefined();
    expect(t!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['No', 'Measure', 'Responsible', 'Status'],
      ['1', 'Audit of the pension payments in all regions', 'Internal audit', 'Done'],
      ['2', 'Training for staff', 'HR department', 'In progress'],
      ['3', 'Public hearings', 'Press office', 'Done'],
    ]);
  });

  it('sees columns that one text operator spreads with word spacing (Tw)', async () => {
    // Each row is a single Tj; the column gaps are made by a large word spacing only.
    const row = (y: number, s: string) => `BT /F1 10 Tf 60 Tw 72 ${y} Td (${s}) Tj ET`;
    const page = [row(760, 'Country 2007 2008'), row(745, 'Austria 12.5 13.1'), row(730, 'Belgium 9.8 10.4'), row(715, 'Cyprus 3.3 2.9')];
    const [t] = tablesOf(await parse([page.join('\n')]));
    expect(t?.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Country', '2007', '2008'],
      ['Austria', '12.5', '13.1'],
      ['Belgium', '9.8', '10.4'],
      ['Cyprus', '3.3', '2.9'],
    ]);
  });

  it('lets a cell whose text crosses a column boundary take the empty columns up to the next cell', async () => {
    const rows = [
      [760, ['No', 'Measure', 'Baseline', 'Target', 'Actual', 'Start']],
      [745, ['1', 'Audit', '10', '12', '11', '2024']],
      [730, ['2', 'Training', '5', '6', '6', '2024']],
      [715, ['3', 'Hearings', 'No conflict of interest at all', '', '', '2024']],
      [700, ['4', 'Reports', 'Published on the web site', '', '4', '2024']],
      [685, ['5', 'Visits', '3', '4', '', '2024']],
      [670, ['6', 'Surveys', '1', '2', '2', '2024']],
      [655, ['7', 'Hotline', '7', '8', '8', '2024']],
      [640, ['8', 'Trainings', '2', '3', '3', '2024']],
      [625, ['9', 'Audits', '4', '5', '5', '2024']],
      [610, ['10', 'Forums', '1', '1', '1', '2024']],
    ] as const;
    const cols = [72, 110, 230, 330, 430, 500];
    const page = rows.flatMap(([y, cells]) => cells.map((c, i) => (c ? text(cols[i]!, y, c) : ''))).filter(Boolean);
    const [t] = tablesOf(await parse([page.join('\n')]));
    const g = grid(t!);
    // Row 3 spans baseline, target and actual; row 4 crosses into target only (actual is
    // filled); row 5 leaves actual empty without spanning anything.
    expect(g[3]).toEqual(['0:1x1:3', '1:1x1:Hearings', '2:1x3:No conflict of interest at all', '5:1x1:2024']);
    expect(g[4]).toEqual(['0:1x1:4', '1:1x1:Reports', '2:1x2:Published on the web site', '4:1x1:4', '5:1x1:2024']);
    expect(g[5]?.map((c) => c.split(':')[1])).toEqual(['1x1', '1x1', '1x1', '1x1', '1x1']);
  });

  it('leaves running prose alone', async () => {
    const prose = Array.from({ length: 8 }, (_, i) => text(72, 760 - i * 13, 'The report describes how the measures of the plan were carried out during the year.'));
    const doc = await parse([prose.join('\n')]);
    expect(tablesOf(doc)).toHaveLength(0);
    expect(doc.blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(1);
  });
});

describe('tables over pages', () => {
  it('marks the continuation, its repeated header and the row cut by the page break', async () => {
    const xs = [72, 150, 400];
    const header = (y: number) => [text(80, y - 18, 'No'), text(160, y - 18, 'Measure')];
    const p1 = [rules(xs, [760, 730, 700, 640]), ...header(760), text(80, 712, '1'), text(160, 712, 'First measure'), text(80, 682, '2'), text(160, 682, 'Second measure starts here and')];
    const p2 = [rules(xs, [760, 730, 700, 670]), ...header(760), text(160, 712, 'ends on the next page'), text(80, 682, '3'), text(160, 682, 'Third measure')];
    const doc = await parse([p1.join('\n'), p2.join('\n')]);
    const ts = tablesOf(doc);
    expect(ts).toHaveLength(2);
    expect(ts[1]!.continuesPrevious).toBe(true);
    expect(doc.blocks[doc.blocks.indexOf(ts[1]!) - 1]?.kind).toBe('page-break');
    expect(ts[0]!.rows[0]!.header).toBe(true);
    expect(ts[1]!.rows[0]!.header).toBe(true);
    expect(ts[1]!.rows[1]!.continuesPrevious).toBe(true);
    expect(ts[1]!.rows[2]!.continuesPrevious).toBeUndefined();
    expect(ts[1]!.rows.map((r) => r.page)).toEqual([2, 2, 2]);
  });
});

describe('reading order', () => {
  it('reads a two-column page column by column, under its full-width title', async () => {
    const left = ['Left column starts here and', 'goes on with more words of', 'the first text column until', 'it ends on this last line.'];
    const right = ['Right column begins at the', 'same height on the page as', 'the left one, and it is read', 'after the left column ends.'];
    const body = left.flatMap((l, i) => [text(72, 740 - i * 13, l), text(320, 740 - i * 13, right[i]!)]);
    const page = [text(72, 780, 'A title that runs across both columns of the page', 14), ...body];
    // Two paragraphs per column so the gutter is backed by enough lines.
    const more = left.flatMap((l, i) => [text(72, 670 - i * 13, l), text(320, 670 - i * 13, right[i]!)]);
    const doc = await parse([[...page, ...more].join('\n')]);
    expect(tablesOf(doc)).toHaveLength(0);
    const texts = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? b.text : ''));
    expect(texts[0]).toMatch(/^A title/);
    const firstRight = texts.findIndex((t) => t.startsWith('Right column'));
    const lastLeft = texts.map((t) => t.startsWith('Left column')).lastIndexOf(true);
    expect(lastLeft).toBeGreaterThan(0);
    expect(firstRight).toBeGreaterThan(lastLeft);
    expect(texts).toContain(left.join(' '));
  });
});

describe('charts are not tables', () => {
  it('drops a grid whose bottom line is an axis of evenly stepped ticks', async () => {
    const bars = ['2001 30.5 49.0', '2005 29.7 48.6', '2010 28.7 46.3', '2015 27.2 45.0'];
    const page = bars.map((b, i) => b.split(' ').map((v, k) => text(72 + k * 120, 760 - i * 14, v)).join('\n'));
    page.push(['0%', '20%', '40%', '60%', '80%', '100%'].map((v, k) => text(72 + k * 70, 690, v)).join('\n'));
    expect(tablesOf(await parse([page.join('\n')]))).toHaveLength(0);
  });

  it('keeps a table whose header is a run of years and whose first column numbers the rows', async () => {
    const rows = [['No', '2004', '2005', '2006', '2007']].concat([1, 2, 3, 4].map((n) => [String(n), `${n}1.5`, `${n}2.0`, `${n}7.25`, `${n}0.1`]));
    const page = rows.map((r, i) => r.map((v, k) => text(72 + k * 90, 760 - i * 14, v)).join('\n'));
    const [t] = tablesOf(await parse([page.join('\n')]));
    expect(t?.rows).toHaveLength(5);
    expect(t?.columns).toBe(5);
  });
});

describe('rotated text', () => {
  it('keeps a vertical label together as one phrase, also inside a ruled cell', async () => {
    const vertical = 'BT /F1 10 Tf 0 1 -1 0 110 675 Tm (Indicator) Tj ET';
    const page = [rules([72, 130, 300], [760, 740, 660]), text(80, 746, 'Side'), text(140, 746, 'Value'), vertical, text(140, 700, '42 per cent')];
    const [t] = tablesOf(await parse([page.join('\n')]));
    expect(t?.rows[1]?.cells.map((c) => c.text)).toEqual(['Indicator', '42 per cent']);
  });
});

describe('justified headers', () => {
  it('does not cut a header cell at the wide word gaps of justified text', async () => {
    const page = [
      text(72, 760, 'Country'), text(200, 760, 'Number'), text(262, 760, 'of'), text(340, 760, 'Share'), text(400, 760, 'of'), text(440, 760, 'all'),
      text(200, 748, 'companies'), text(340, 748, 'companies'),
      ...['Austria 52 52%', 'Belgium 28 28%', 'Cyprus 11 11%'].flatMap((r, i) => r.split(' ').map((v, k) => text([72, 200, 340][k]!, 730 - i * 14, v))),
    ];
    const [t] = tablesOf(await parse([page.join('\n')]));
    expect(t?.columns).toBe(3);
    expect(t?.rows[0]?.cells.map((c) => c.text)).toEqual(['Country', 'Number of companies', 'Share of all companies']);
  });
});

describe('dotted rules', () => {
  it('chains rules drawn dash by dash into the same grid as solid ones', async () => {
    const dashed = (x0: number, y0: number, x1: number, y1: number): string => {
      const out: string[] = [];
      const len = Math.hypot(x1 - x0, y1 - y0);
      for (let d = 0; d < len; d += 3) {
        const e = Math.min(len, d + 1.5);
        out.push(line(x0 + ((x1 - x0) * d) / len, y0 + ((y1 - y0) * d) / len, x0 + ((x1 - x0) * e) / len, y0 + ((y1 - y0) * e) / len));
      }
      return out.join('\n');
    };
    const xs = [72, 200, 330];
    const ys = [760, 730, 700, 670];
    const page = [...ys.map((y) => dashed(72, y, 330, y)), ...xs.map((x) => dashed(x, 760, x, 670))];
    page.push(text(80, 742, 'Goal'), text(210, 742, 'Status'), text(80, 712, 'First'), text(210, 712, 'Done'));
    // Without the rules, this last line would read as the wrapped tail of the row above.
    page.push(text(210, 682, 'Pending'));
    const [t] = tablesOf(await parse([page.join('\n')]));
    expect(t?.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Goal', 'Status'],
      ['First', 'Done'],
      ['', 'Pending'],
    ]);
  });
});

describe('repeated headers under a first-page title row', () => {
  it('finds the repeated header rows even when page one has a title row above them', async () => {
    const xs = [72, 150, 400];
    const p1 = [
      rules(xs, [790, 760, 730, 700, 670], { v: [[0, 1]] }),
      text(80, 772, 'Table 1. Measures of the plan'),
      text(80, 742, 'No'), text(160, 742, 'Measure'),
      text(80, 712, '1'), text(160, 712, 'First measure'),
      text(80, 682, '2'), text(160, 682, 'Second measure'),
    ];
    const p2 = [rules(xs, [760, 730, 700]), text(80, 742, 'No'), text(160, 742, 'Measure'), text(80, 712, '3'), text(160, 712, 'Third measure')];
    const ts = tablesOf(await parse([p1.join('\n'), p2.join('\n')]));
    expect(ts).toHaveLength(2);
    expect(ts[0]!.rows.map((r) => r.header === true)).toEqual([false, true, false, false]);
    expect(ts[1]!.rows.map((r) => r.header === true)).toEqual([true, false]);
    // Filled key columns: not asserted as a continuation (the table normalizer judges the text).
    expect(ts[1]!.rows[1]!.continuesPrevious).not.toBe(true);
  });
});

describe('whitespace inside ruled columns', () => {
  it('keeps a fully ruled grid as ruled when a wide column only holds ragged text', async () => {
    const xs = [72, 200, 330, 560];
    const ys = [760, 730, 700, 670, 640];
    const page = [rules(xs, ys)];
    page.push(text(80, 742, 'Measure'), text(210, 742, 'Owner'), text(420, 742, 'Target level'));
    page.push(text(80, 712, 'First measure'), text(210, 712, 'Unit A'), text(340, 712, '4'));
    page.push(text(80, 682, 'Second measure'), text(210, 682, 'Unit B'), text(340, 682, 'Yes'));
    page.push(text(80, 652, 'Third measure'), text(210, 652, 'Unit C'), text(340, 652, '12'));
    const [t] = tablesOf(await parse([page.join('\n')]));
    expect(t?.columns).toBe(3);
    expect(grid(t!)[0]).toEqual(['0:1x1:Measure', '1:1x1:Owner', '2:1x1:Target level']);
  });

  it('still splits a ruled column whose cells hold figures side by side', async () => {
    const xs = [72, 200, 560];
    const ys = [760, 730, 700, 670, 640];
    const page = [rules(xs, ys)];
    page.push(text(80, 742, 'Region'), text(260, 742, '2022'), text(420, 742, '2023'));
    page.push(text(80, 712, 'North'), text(260, 712, '1 200'), text(420, 712, '1 350'));
    page.push(text(80, 682, 'South'), text(260, 682, '980'), text(420, 682, '1 010'));
    page.push(text(80, 652, 'East'), text(260, 652, '640'), text(420, 652, '700'));
    const [t] = tablesOf(await parse([page.join('\n')]));
    expect(t?.columns).toBe(3);
    expect(grid(t!)[1]).toEqual(['0:1x1:North', '1:1x1:1 200', '2:1x1:1 350']);
  });
});

describe('a last column running off the page', () => {
  it('reads a page of column rules whose last column has no right rule, as the continuation', async () => {
    // The browser clips the table at the print area: row rules stop there and the last column's
    // right rule is never drawn; a row taller than the page leaves page two with column rules only.
    const cols = [72, 150, 300];
    const hRule = (y: number): string => line(72, y, 560, y);
    const p1 = [hRule(760), hRule(730), hRule(700), ...cols.map((x) => line(x, 760, x, 40))];
    p1.push(text(80, 742, 'No'), text(160, 742, 'Measure'), text(305, 742, 'Status'));
    p1.push(text(80, 712, '1'), text(160, 712, 'First measure'), text(305, 712, 'Done'));
    p1.push(text(80, 682, '2'), text(160, 682, 'Second measure'), text(305, 682, 'Status: partly'));
    const p2 = [...cols.map((x) => line(x, 800, x, 40))];
    p2.push(text(305, 782, 'done in the second quarter'), text(305, 768, 'of the year'));
    const doc = await parse([p1.join('\n'), p2.join('\n')]);
    const ts = tablesOf(doc);
    expect(ts).toHaveLength(2);
    expect(ts[1]!.continuesPrevious).toBe(true);
    expect(ts[1]!.columns).toBe(3);
    expect(grid(ts[1]!)[0]).toContain('2:1x1:done in the second quarter of the year');
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text.includes('second quarter'))).toBe(false);
  });
});
