import type { Goal, Measure, Report } from '../model/report.ts';
import { calendarDate, write } from './export.ts';
import type { ReportQuery } from './query.ts';
import type { ReportStore } from './report-store.ts';

/**
 * `reportmill export --format iati`: IATI Activity Standard 2.03 XML, one `iati-activity` per
 * document (a monitoring report is the results report of one plan), each goal a `result`, each
 * measure an `indicator` with `baseline`, and a `period` with `target` and `actual`. The mapping
 * and what is left out: docs/exports.md. Validated in tests against the official 2.03 XSD.
 *
 * Written by hand rather than with an XML builder: the structure is fixed, every value goes
 * through `text`/`attr` below (tested against a real parser), and each activity is written as
 * soon as it is built, so memory stays flat however many reports are exported.
 */

export interface IatiOptions {
  /** `reporting-org/@ref` and the prefix of every `iati-identifier` (the publisher's IATI org id). */
  orgRef?: string;
  /** `reporting-org/@type` (IATI OrganisationType codelist; 10 = Government). */
  orgType?: string;
  /** Name of the reporting organisation when a report names none. */
  orgName?: string;
  now?: Date;
}

export const DEFAULT_ORG_REF = 'XX-REPORTMILL';

/** Characters XML 1.0 cannot carry at all, not even as references (C0 controls, lone surrogates, U+FFFE/F). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Character data: `&`, `<`, `>` escaped; CR kept as a reference so parsers do not fold it. */
export function text(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** An attribute value in double quotes: also `"`, and tab/LF/CR as references (else normalized to spaces). */
export function attr(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function attrs(values: Record<string, string | number | null | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${attr(String(value))}"`)
    .join('');
}

/** BCP 47 tag for an ISO 639-3 code (kir → ky); null for `und`. */
export function xmlLang(code: string): string | null {
  if (code === 'und') return null;
  try {
    return Intl.getCanonicalLocales(code)[0] ?? null;
  } catch {
    return null;
  }
}

const narrative = (value: string, lang?: string | null): string => `<narrative${attrs({ 'xml:lang': lang })}>${text(value)}</narrative>`;

/** First and last day of the report's period: its quarter, else its year. */
function reportPeriod(report: Report): { start: string; end: string } | null {
  const { year, quarter } = report.period;
  if (year === null || year < 1) return null;
  const y = String(year).padStart(4, '0');
  if (quarter === null) return { start: `${y}-01-01`, end: `${y}-12-31` };
  const lastMonth = quarter * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { start: `${y}-${String(lastMonth - 2).padStart(2, '0')}-01`, end: `${y}-${String(lastMonth).padStart(2, '0')}-${lastDay}` };
}

/** A printed value as a number, when it is one: "1 234,5" → 1234.5, "45%" → 45 (percent). */
export function numericValue(printed: string): { value: number; percent: boolean } | null {
  const compact = printed.replace(/[\s\u00a0\u202f]/g, '');
  const match = /^([+-]?)(\d+(?:[.,]\d+)?)(%?)$/.exec(compact);
  if (match === null) return null;
  const value = Number(`${match[1]}${match[2]!.replace(',', '.')}`);
  return Number.isFinite(value) ? { value, percent: match[3] === '%' } : null;
}

/** IATI IndicatorMeasure: 1 unit, 2 percentage, 5 qualitative. */
function indicatorMeasure(measure: Measure): '1' | '2' | '5' {
  const values = measure.indicators.flatMap((i) => [i.baseline, i.target, i.actual]).filter((v): v is string => v !== null && v.trim() !== '');
  if (values.length === 0) return '5';
  const numbers = values.map(numericValue);
  if (numbers.some((n) => n === null)) return '5';
  return numbers.every((n) => n!.percent) ? '2' : numbers.some((n) => n!.percent) ? '5' : '1';
}

function valueElement(tag: 'baseline' | 'target' | 'actual', printed: string, name: string | null, numeric: boolean, extra: Record<string, string | number | null> = {}): string {
  const value = numeric ? numericValue(printed)?.value : undefined;
  const comment = name === null || name.trim() === '' ? printed : `${name}: ${printed}`;
  return `<${tag}${attrs({ ...extra, value })}><comment>${narrative(comment)}</comment></${tag}>`;
}

const STATUS_TEXT: Record<Measure['status']['normalized'], string> = {
  done: 'done',
  in_progress: 'in progress',
  not_done: 'not done',
  unknown: 'unknown',
};

function statusText(measure: Measure): string {
  const raw = measure.status.raw?.trim();
  return raw ? `${STATUS_TEXT[measure.status.normalized]} (${raw})` : STATUS_TEXT[measure.status.normalized];
}

function indicatorXml(report: Report, measure: Measure): string {
  const kind = indicatorMeasure(measure);
  const numeric = kind !== '5';
  const title = [measure.number, measure.text].filter((p) => p !== null && p.trim() !== '').join(' ').trim() || measure.id;
  const start = calendarDate(measure.start);
  const end = calendarDate(measure.end);
  const fallback = reportPeriod(report);
  const period = { start: start ?? fallback?.start ?? null, end: end ?? fallback?.end ?? null };
  const baselineYear = Number((start ?? period.start ?? '').slice(0, 4)) || null;

  const notes: string[] = [`Status: ${statusText(measure)}.`];
  if (measure.responsible.length > 0) notes.push(`Responsible: ${measure.responsible.join('; ')}.`);
  if (measure.expectedResults.length > 0) notes.push(`Expected results: ${measure.expectedResults.join('; ')}.`);
  if (measure.narrative !== null && measure.narrative.trim() !== '') notes.push(measure.narrative.trim());

  const baselines: string[] = [];
  const targets: string[] = [];
  const actuals: string[] = [];
  for (const indicator of measure.indicators) {
    if (indicator.baseline !== null && indicator.baseline.trim() !== '') {
      if (baselineYear !== null) baselines.push(valueElement('baseline', indicator.baseline, indicator.name, numeric, { year: baselineYear }));
      else notes.push(`Baseline${indicator.name ? ` (${indicator.name})` : ''}: ${indicator.baseline}.`);
    }
    if (indicator.target !== null && indicator.target.trim() !== '') targets.push(valueElement('target', indicator.target, indicator.name, numeric));
    if (indicator.actual !== null && indicator.actual.trim() !== '') actuals.push(valueElement('actual', indicator.actual, indicator.name, numeric));
  }
  // Without a printed actual value, the measure's status is its actual achievement for the period.
  if (actuals.length === 0 && measure.status.normalized !== 'unknown') {
    actuals.push(`<actual><comment>${narrative(`Status: ${statusText(measure)}`)}</comment></actual>`);
  }
  let periodXml = '';
  if (period.start !== null && period.end !== null) {
    periodXml =
      `<period><period-start iso-date="${period.start}"/><period-end iso-date="${period.end}"/>` +
      `${targets.join('')}${actuals.join('')}</period>`;
  } else if (targets.length > 0 || actuals.length > 0) {
    // IATI needs a period for targets and actuals; without dates they stay in the description.
    for (const i of measure.indicators) {
      if (i.target) notes.push(`Target${i.name ? ` (${i.name})` : ''}: ${i.target}.`);
      if (i.actual) notes.push(`Actual${i.name ? ` (${i.name})` : ''}: ${i.actual}.`);
    }
  }
  return (
    `<indicator measure="${kind}"><title>${narrative(title)}</title>` +
    `<description>${narrative(notes.join(' '))}</description>${baselines.join('')}${periodXml}</indicator>`
  );
}

function resultXml(title: string, lang: string | null, indicators: string[]): string {
  return `<result type="2"><title>${narrative(title, lang)}</title>${indicators.join('')}</result>`;
}

/** One `iati-activity`, or null when the report gives no date at all (IATI requires an activity-date). */
export function activityXml(report: Report, positions: readonly number[], options: IatiOptions = {}): string | null {
  const orgRef = options.orgRef ?? DEFAULT_ORG_REF;
  const measures = positions.map((i) => report.measures[i]!);
  const period = reportPeriod(report);
  const starts = measures.map((m) => calendarDate(m.start)).filter((d): d is string => d !== null).sort();
  const ends = measures.map((m) => calendarDate(m.end)).filter((d): d is string => d !== null).sort();
  const start = starts[0] ?? period?.start ?? null;
  const end = ends.at(-1) ?? period?.end ?? null;
  if (start === null && end === null) return null;

  const lang = xmlLang(report.language.code);
  const title = report.title?.trim() || report.source.filename;
  const periodText = report.period.year === null ? '' : `, ${report.period.year}${report.period.quarter === null ? '' : ` Q${report.period.quarter}`}`;
  const description =
    `Results of the monitoring report "${report.source.filename}"${periodText}, extracted by reportmill ${report.extractorVersion} ` +
    `(document ${report.id}): ${report.goals.length} goal(s), ${report.measures.length} measure(s).`;

  const parts: string[] = [];
  parts.push(`<iati-identifier>${text(`${orgRef}-${report.id}`)}</iati-identifier>`);
  parts.push(
    `<reporting-org${attrs({ ref: orgRef, type: options.orgType ?? '10' })}>${narrative(report.organization?.trim() || options.orgName || orgRef)}</reporting-org>`,
  );
  parts.push(`<title>${narrative(title)}</title>`);
  parts.push(`<description type="1">${narrative(description, 'en')}</description>`);
  const participants: string[] = [];
  if (report.organization !== null && report.organization.trim() !== '') {
    participants.push(`<participating-org role="2">${narrative(report.organization.trim())}</participating-org>`);
  }
  const implementing = [...new Set(measures.flatMap((m) => m.responsible.map((r) => r.trim())).filter((r) => r !== ''))];
  for (const name of implementing) participants.push(`<participating-org role="4">${narrative(name)}</participating-org>`);
  if (participants.length === 0) participants.push(`<participating-org${attrs({ ref: orgRef, role: '2' })}/>`);
  parts.push(...participants);
  const allDone = measures.length > 0 && measures.every((m) => m.status.normalized === 'done');
  parts.push(`<activity-status code="${allDone ? '3' : '2'}"/>`);
  if (start !== null) parts.push(`<activity-date type="1" iso-date="${start}"/>`);
  if (end !== null) parts.push(`<activity-date type="3" iso-date="${end}"/>`);

  // Goals in report order; a goal id printed twice is one result (the first goal), as in the store.
  const byGoal = new Map<string, { goal: Goal; indicators: string[] }>();
  for (const goal of report.goals) if (!byGoal.has(goal.id)) byGoal.set(goal.id, { goal, indicators: [] });
  const orphans: string[] = [];
  for (const measure of measures) {
    const group = measure.goalId === null ? undefined : byGoal.get(measure.goalId);
    (group?.indicators ?? orphans).push(indicatorXml(report, measure));
  }
  for (const { goal, indicators } of byGoal.values()) {
    if (indicators.length === 0) continue; // a result needs at least one indicator
    const goalTitle = [goal.number, goal.title].filter((p) => p !== null && p.trim() !== '').join(' ').trim() || goal.id;
    parts.push(resultXml(goalTitle, null, indicators));
  }
  if (orphans.length > 0) parts.push(resultXml(`${title}: measures without a goal`, null, orphans));

  return `<iati-activity${attrs({ 'xml:lang': lang, hierarchy: 1 })}>\n  ${parts.join('\n  ')}\n</iati-activity>\n`;
}

export interface IatiSummary {
  activities: number;
  /** Reports left out because they give no date at all. */
  skipped: string[];
}

/** Streams `iati-activities` XML of the reports the filter matches to `out`. */
export async function exportIati(
  store: ReportStore,
  out: NodeJS.WritableStream,
  filter: ReportQuery = {},
  options: IatiOptions = {},
): Promise<IatiSummary> {
  const generated = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  await write(out, `<?xml version="1.0" encoding="UTF-8"?>\n<!-- reportmill export: IATI activity results -->\n<iati-activities version="2.03" generated-datetime="${generated}">\n`);
  const summary: IatiSummary = { activities: 0, skipped: [] };
  for await (const { report, measures } of store.iterateSelected(filter)) {
    const xml = activityXml(report, measures, options);
    if (xml === null) {
      summary.skipped.push(report.id);
      continue;
    }
    await write(out, xml);
    summary.activities += 1;
  }
  await write(out, '</iati-activities>\n');
  return summary;
}
