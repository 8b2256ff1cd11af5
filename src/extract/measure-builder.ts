import { finding, type Finding, type Location } from '../model/finding.ts';
import type { Indicator, Measure } from '../model/report.ts';
import type { ColumnRole } from '../model/table.ts';
import type { LogicalTable } from '../tables/index.ts';
import { cellText, type WorkCell, type WorkRow } from '../tables/work-table.ts';
import { ENUMERATOR } from '../text/text-cues.ts';
import { findDates } from './date-parser.ts';
import { labelledSegments } from './labelled-segments.ts';
import { ACHIEVED, indicatorValues, rowQuantities } from './measure-quantities.ts';
import { parseScore } from './score-parser.ts';
import { combineStatuses, readStatusWord } from './status-lexicon.ts';

/** Finest first: the measure text is the most specific of these columns, the rest is context. */
const CONTEXT_KEY: Partial<Record<ColumnRole, string>> = { measure: 'measure', task: 'tasks', goal: 'goal', activity: 'activity' };

export interface MeasureDraft {
  measure: Omit<Measure, 'id' | 'goalId'>;
  /** The goal cell of the row (goal column), when the table has one. */
  goalCell: WorkCell | null;
  findings: Finding[];
}

function cols(roles: readonly ColumnRole[], role: ColumnRole): number[] {
  return roles.map((r, c) => (r === role ? c : -1)).filter((c) => c >= 0);
}

function distinctCells(row: WorkRow, columns: readonly number[]): WorkCell[] {
  const out: WorkCell[] = [];
  for (const c of columns) {
    const cell = row.cells[c];
    if (cell && !out.includes(cell)) out.push(cell);
  }
  return out;
}

function textOf(row: WorkRow, columns: readonly number[]): string | null {
  const text = distinctCells(row, columns).map(cellText).filter(Boolean).join(' ');
  return text || null;
}

function leadingNumber(text: string): string | null {
  const m = text.match(ENUMERATOR);
  return m ? m[0].trim().replace(/[.)]$/, '').replace(/^\(/, '') : null;
}


/**
 * Builds one measure from one logical row. Every value keeps its raw text beside the normalized one;
 * what cannot be normalized stays raw and becomes a finding.
 */
export function buildMeasure(table: LogicalTable, rowIndex: number, mainCol: number, language = 'und'): MeasureDraft {
  const { roles } = table.model;
  const row = table.rows[rowIndex] as WorkRow;
  const findings: Finding[] = [];
  const gridRow = rowIndex + table.model.headerRows.length;
  const at: Location = { ...row.position, table: table.index, row: gridRow };
  const mainCell = row.cells[mainCol];
  const text = mainCell ? cellText(mainCell) : '';

  // Number: the number column, else the item number of the main text, else of a context cell that
  // belongs to this row alone (Kyrgyz plans number the measure, not the activity, when a measure has one activity).
  let number: string | null = null;
  const numberCol = roles.indexOf('number');
  if (numberCol >= 0) number = (row.cells[numberCol] ? cellText(row.cells[numberCol] as WorkCell) : '').replace(/\.$/, '') || null;
  number ??= leadingNumber(text);
  if (number === null) {
    const prev = table.rows[rowIndex - 1];
    const next = table.rows[rowIndex + 1];
    for (let c = mainCol - 1; c >= 0 && number === null; c--) {
      const cell = row.cells[c];
      if (!cell || roles[c] === 'goal' || prev?.cells[c] === cell || next?.cells[c] === cell) continue;
      number = leadingNumber(cellText(cell));
    }
  }

  const context: Record<string, string> = {};
  roles.forEach((role, c) => {
    if (c === mainCol || role === 'goal') return;
    const key = CONTEXT_KEY[role] ?? (role === 'unknown' ? (table.model.labels[c] || `column ${c + 1}`) : null);
    const value = row.cells[c] ? cellText(row.cells[c] as WorkCell) : '';
    if (key && value && (HIERARCHY_CONTEXT.has(role) || role === 'unknown')) context[key] = value;
  });

  const responsible = distinctCells(row, cols(roles, 'responsible'))
    .flatMap((c) => c.paragraphs)
    .flatMap((p) => p.split(/\s*;\s*/))
    .map((p) => p.trim().replace(/[,;]$/, ''))
    .filter((p) => p.length > 0);

  const indicatorCols = ['indicator', 'baseline', 'target', 'actual'].flatMap((r) => cols(roles, r as ColumnRole));
  const indicators: Indicator[] = [];
  if (indicatorCols.length > 0 && mainCol !== roles.indexOf('indicator')) {
    const ind: Indicator = {
      name: textOf(row, cols(roles, 'indicator')),
      baseline: textOf(row, cols(roles, 'baseline')),
      target: textOf(row, cols(roles, 'target')),
      actual: textOf(row, cols(roles, 'actual')),
    };
    if (ind.name !== null || ind.baseline !== null || ind.target !== null || ind.actual !== null) indicators.push(ind);
  } else if (mainCol === roles.indexOf('indicator')) {
    indicators.push({
      name: text || null,
      baseline: textOf(row, cols(roles, 'baseline')),
      target: textOf(row, cols(roles, 'target')),
      actual: textOf(row, cols(roles, 'actual')),
    });
  }

  // Expected results and statuses: their own columns, or labels inside free-text cells.
  const expectedResults = distinctCells(row, cols(roles, 'expected')).flatMap((c) => c.paragraphs);
  const statusWords = distinctCells(row, cols(roles, 'status'))
    .map((c) => readStatusWord(cellText(c)))
    .filter((s) => s !== null);
  for (const cell of distinctCells(row, [...cols(roles, 'narrative'), ...cols(roles, 'actual'), mainCol])) {
    for (const seg of labelledSegments(cell.paragraphs)) {
      if (seg.kind === 'expected' && seg.text) expectedResults.push(seg.text);
      if (seg.kind === 'status') {
        const word = readStatusWord(seg.text);
        if (word) statusWords.push(word);
      }
    }
  }
  const raws = [...new Set(statusWords.map((s) => s.raw))];
  const status = { raw: raws.length > 0 ? raws.join('; ') : null, normalized: combineStatuses(statusWords.map((s) => s.normalized)) };

  // Dates: a start and an end column, or one period column holding both.
  let start: string | null = null;
  let end: string | null = null;
  const dateFrom = (role: ColumnRole): { dates: string[]; raw: string } => {
    const raw = textOf(row, cols(roles, role)) ?? '';
    const found = findDates(raw);
    for (const bad of found.invalid) findings.push(finding('DATE_INVALID', 'warning', `"${bad}" is not a calendar date; left empty.`, at));
    return { dates: found.dates.map((d) => d.iso), raw };
  };
  const period = dateFrom('period');
  if (period.dates.length >= 2) {
    const [a, b] = [period.dates[0] as string, period.dates.at(-1) as string];
    if (a > b) {
      findings.push(finding('DATE_RANGE_REVERSED', 'warning', `Period "${period.raw}" lists the end before the start; read as ${b} – ${a}.`, at));
      [start, end] = [b, a];
    } else [start, end] = [a, b];
  } else if (period.dates.length === 1) end = period.dates[0] ?? null;
  const startCol = dateFrom('start');
  const endCol = dateFrom('end');
  start = startCol.dates[0] ?? start;
  end = endCol.dates.at(-1) ?? end;
  // A deadline column holding a range ("01.01.2023 - 31.12.2023") gives the start too.
  if (start === null && startCol.dates.length === 0 && endCol.dates.length >= 2) start = endCol.dates[0] ?? null;

  let score: number | null = null;
  const scoreText = textOf(row, cols(roles, 'score'));
  if (scoreText) {
    const parsed = parseScore(scoreText);
    score = parsed.value;
    if (parsed.ocrFixed) findings.push(finding('SCORE_OCR_FIXED', 'warning', `Score "${scoreText}" read as ${parsed.value} (OCR look-alike letters among the digits).`, at));
    if (parsed.value === null) findings.push(finding('SCORE_UNREADABLE', 'warning', `Score "${scoreText}" is not a number; left empty.`, at));
  }

  const narrative = textOf(row, cols(roles, 'narrative'));
  const { quantities, cells: quantityCells } = rowQuantities(table, rowIndex, language);
  // A target and an actual of one unit give the indicator its numbers; without indicator columns,
  // an expected result and the implementation narrative can (a planned and a held number of events).
  const first = indicators[0];
  if (first) {
    const values = indicatorValues(quantityCells, new Set<ColumnRole>(['target']), new Set<ColumnRole>(['actual']));
    if (values) first.values = values;
  } else {
    const values = indicatorValues(quantityCells, new Set<ColumnRole>(['expected']), ACHIEVED);
    if (values) {
      const planned = textOf(row, cols(roles, 'expected'));
      const achieved = textOf(row, [...cols(roles, 'actual'), ...cols(roles, 'narrative')]);
      indicators.push({ name: null, baseline: null, target: planned, actual: achieved, values });
    }
  }

  const pages = row.pages.length > 0 ? row.pages : table.pages.length === 1 ? table.pages : [];
  const goalCol = roles.indexOf('goal');
  return {
    measure: {
      number,
      text,
      context,
      responsible,
      indicators,
      expectedResults,
      status,
      start,
      end,
      score,
      quantities,
      narrative,
      // The grid row of the normalized table (a row continued over a page break is one row there).
      source: { table: table.index, rows: [gridRow], pages },
    },
    goalCell: goalCol >= 0 ? (row.cells[goalCol] ?? null) : null,
    findings,
  };
}

const HIERARCHY_CONTEXT: ReadonlySet<ColumnRole> = new Set(['measure', 'task', 'activity']);
