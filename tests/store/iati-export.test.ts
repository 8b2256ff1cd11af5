import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { SaxesParser } from 'saxes';
import { validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingestDocument } from '../../pipelines/ingest/index.ts';
import type { Report } from '../../src/model/report.ts';
import { activityXml, attr, exportIati, numericValue, text, xmlLang } from '../../src/store/iati-export.ts';
import type { IatiOptions } from '../../src/store/iati-export.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { ReportQuery } from '../../src/store/query.ts';
import type { ReportStore } from '../../src/store/report-store.ts';
import { makeReport } from './support/report-factory.ts';

/**
 * The official IATI 2.03 activity XSDs (../shared/peers/iati-2.03, byte for byte from the IATI
 * repository) validate every export here, through xmllint (libxml2) compiled to WebAssembly, so
 * CI needs nothing beyond `npm ci`.
 */
const XSD_DIR = join(import.meta.dirname, '../../../shared/peers/iati-2.03');
const xsd = (name: string) => ({ fileName: name, contents: readFileSync(join(XSD_DIR, name), 'utf8') });

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'export.xml', contents: xml }],
    schema: [xsd('iati-activities-schema.xsd')],
    preload: [xsd('iati-common.xsd'), xsd('xml.xsd')],
    maxMemoryPages: 16_384,
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

interface Node {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
  text: string;
}

/** The export read back by an independent XML parser, as a small tree. */
function parse(xml: string): Node {
  const parser = new SaxesParser({ xmlns: false });
  const root: Node = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: Node[] = [root];
  parser.on('opentag', (tag) => {
    const node: Node = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => {
    stack.at(-1)!.text += t;
  });
  parser.write(xml).close();
  return root.children[0]!;
}

const all = (node: Node, name: string): Node[] => [
  ...node.children.filter((c) => c.name === name),
  ...node.children.flatMap((c) => all(c, name)),
];
const child = (node: Node, name: string): Node | undefined => node.children.find((c) => c.name === name);
const narrativeOf = (node: Node | undefined): string | undefined => (node === undefined ? undefined : child(node, 'narrative')?.text);

async function exported(store: ReportStore, filter: ReportQuery = {}, options: IatiOptions = {}) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const summary = await exportIati(store, out, filter, { now: new Date('2025-03-04T05:06:07.890Z'), ...options });
  return { xml: Buffer.concat(chunks).toString('utf8'), summary };
}

const NASTY = 'a & b < c > d "quoted" \'single\' ]]> \u0001bell\u0008 tab\there\r\nCRLF 𝄞 Ӯ';
/** Not storable as jsonb at all, so only for the escaping helpers. */
const UNSTORABLE = `${NASTY} \uD800lone surrogate \uFFFE`;

function awkward(): Report[] {
  const nasty = makeReport({ seed: 'iati-nasty', measures: 3, goals: 2, language: 'rus' });
  nasty.title = NASTY;
  nasty.organization = `Org ${NASTY}`;
  nasty.goals[0] = { ...nasty.goals[0]!, title: NASTY };
  nasty.measures[0] = {
    ...nasty.measures[0]!,
    text: NASTY,
    responsible: [NASTY],
    indicators: [{ name: NASTY, baseline: '1 234,5', target: '2 000', actual: '1 500' }],
    narrative: NASTY,
  };
  nasty.measures[1] = { ...nasty.measures[1]!, indicators: [{ name: null, baseline: '40%', target: '60%', actual: null }], status: { raw: 'Аткарылган жок', normalized: 'not_done' } };
  nasty.measures[2] = { ...nasty.measures[2]!, goalId: null, start: null, end: '2024-02-30', indicators: [{ name: 'qualitative', baseline: 'none', target: 'a law', actual: 'draft' }] };
  // No dates at all: IATI requires an activity date, so it is skipped and counted.
  const undated = makeReport({ seed: 'iati-undated', measures: 1 });
  undated.period = { year: null, quarter: null };
  undated.measures[0] = { ...undated.measures[0]!, start: null, end: null };
  const noMeasures = makeReport({ seed: 'iati-empty', measures: 0, goals: 3, organization: null, quarter: 4 });
  return [nasty, undated, noMeasures];
}

async function golden(): Promise<Report[]> {
  const root = join(import.meta.dirname, '../../fixtures/golden');
  const reports: Report[] = [];
  for (const name of ['ky-socfund-acp-2024q1', 'mn-ndg-inspector-2024', 'ru-plan-cp1251']) {
    const path = join(root, name, 'input.html');
    const outcome = await ingestDocument({ bytes: new Uint8Array(readFileSync(path)), filename: `${name}.html` });
    if (outcome.status !== 'ok') throw new Error(`${name}: ${outcome.status}`);
    reports.push(outcome.report);
  }
  return reports;
}

describe('export --format iati', () => {
  let store: ReportStore;
  let reports: Report[];
  let real: Report[];

  beforeAll(async () => {
    store = await openStore({ inMemory: true, databaseUrl: '' });
    real = await golden();
    reports = [...awkward(), ...real];
    for (const r of reports) await store.upsertReport(r);
  });
  afterAll(async () => {
    await store.close();
  });

  test('the export of real and awkward reports validates against the official IATI 2.03 activity schema', async () => {
    const { xml, summary } = await exported(store);
    expect(await schemaErrors(xml)).toEqual([]);
    expect(summary).toEqual({ activities: reports.length - 1, skipped: [reports[1]!.id] });
    const root = parse(xml);
    expect(root.name).toBe('iati-activities');
    expect(root.attributes).toEqual({ version: '2.03', 'generated-datetime': '2025-03-04T05:06:07Z' });
    expect(all(root, 'iati-activity')).toHaveLength(summary.activities);
  });

  test('the validation is real: a schema violation is reported', async () => {
    const { xml } = await exported(store, { language: 'rus', q: 'bell' });
    expect(await schemaErrors(xml)).toEqual([]);
    expect((await schemaErrors(xml.replace(/<activity-status code="\d"\/>/, ''))).join('\n')).toMatch(/activity-status|activity-date/);
    expect((await schemaErrors(xml.replace('<indicator measure=', '<indicator kind='))).join('\n')).toMatch(/measure/);
  });

  test('goal → result, measure → indicator with baseline, period, target and actual', async () => {
    const ky = real.find((r) => r.language.code === 'kir')!;
    const { xml } = await exported(store, { documentId: ky.id });
    const activity = all(parse(xml), 'iati-activity')[0]!;
    expect(activity.attributes['xml:lang']).toBe('ky');
    expect(child(activity, 'iati-identifier')!.text).toBe(`XX-REPORTMILL-${ky.id}`);
    const results = all(activity, 'result');
    const goalsWithMeasures = ky.goals.filter((g, i) => ky.goals.findIndex((h) => h.id === g.id) === i && ky.measures.some((m) => m.goalId === g.id));
    const orphanCount = ky.measures.filter((m) => m.goalId === null || !ky.goals.some((g) => g.id === m.goalId)).length;
    expect(results).toHaveLength(goalsWithMeasures.length + (orphanCount > 0 ? 1 : 0));
    expect(results.every((r) => r.attributes.type === '2')).toBe(true);
    expect(all(activity, 'indicator')).toHaveLength(ky.measures.length);
    const firstGoal = goalsWithMeasures[0]!;
    expect(narrativeOf(child(results[0]!, 'title'))).toBe([firstGoal.number, firstGoal.title].filter(Boolean).join(' '));
    const firstIndicator = child(results[0]!, 'indicator')!;
    const firstMeasure = ky.measures.find((m) => m.goalId === firstGoal.id)!;
    expect(narrativeOf(child(firstIndicator, 'title'))).toBe([firstMeasure.number, firstMeasure.text].filter(Boolean).join(' '));
    expect(narrativeOf(child(firstIndicator, 'description'))).toContain(`Status: `);
  });

  test('values: numbers become value attributes, text stays in comments, status is the actual without one', async () => {
    const nasty = reports[0]!;
    const { xml } = await exported(store, { documentId: nasty.id });
    const activity = all(parse(xml), 'iati-activity')[0]!;
    const indicators = all(activity, 'indicator');
    expect(indicators.map((i) => i.attributes.measure)).toEqual(['1', '2', '5']);
    const [unit, percent, qualitative] = indicators as [Node, Node, Node];
    // Measure 1: 2024 dates; numbers parsed from "1 234,5" etc.; every text verbatim in comments.
    expect(child(unit, 'baseline')!.attributes).toEqual({ year: '2024', value: '1234.5' });
    const period = child(unit, 'period')!;
    expect(child(period, 'period-start')!.attributes['iso-date']).toBe('2024-01-01');
    expect(child(period, 'period-end')!.attributes['iso-date']).toBe('2024-12-31');
    expect(child(period, 'target')!.attributes.value).toBe('2000');
    expect(child(period, 'actual')!.attributes.value).toBe('1500');
    // Measure 2: a percentage target, no actual value: the status stands in.
    expect(child(child(percent, 'period')!, 'target')!.attributes.value).toBe('60');
    expect(narrativeOf(child(child(child(percent, 'period')!, 'actual')!, 'comment'))).toBe('Status: not done (Аткарылган жок)');
    // Measure 3: qualitative, no value attributes, the impossible end date replaced by the report's quarter.
    const qPeriod = child(qualitative, 'period')!;
    expect(child(qPeriod, 'period-end')!.attributes['iso-date']).toBe('2024-03-31');
    expect(child(qPeriod, 'target')!.attributes).toEqual({});
    expect(narrativeOf(child(child(qPeriod, 'target')!, 'comment'))).toBe('qualitative: a law');
    // It has no goal: it lands in the document's "without a goal" result.
    expect(all(activity, 'result').map((r) => narrativeOf(child(r, 'title'))).at(-1)).toMatch(/: measures without a goal$/);
  });

  test('text and attributes survive escaping: what XML can carry comes back verbatim', async () => {
    const nasty = reports[0]!;
    const { xml } = await exported(store, { documentId: nasty.id });
    const carried = NASTY.replace(/[\u0001\u0008]/g, '');
    const activity = all(parse(xml), 'iati-activity')[0]!;
    expect(narrativeOf(child(activity, 'title'))).toBe(carried);
    expect(narrativeOf(child(activity, 'reporting-org'))).toBe(`Org ${carried}`);
    const implementing = all(activity, 'participating-org').filter((p) => p.attributes.role === '4').map((p) => narrativeOf(p));
    expect(implementing).toContain(carried);
    expect(narrativeOf(child(all(activity, 'result')[0]!, 'title'))).toBe(`1 ${carried}`);
    // Attribute values keep tabs and line breaks too.
    const attribute = parse(`<x a="${attr(UNSTORABLE)}"/>`).attributes.a;
    expect(attribute).toBe(`${carried} lone surrogate `);
    expect(parse(`<x>${text(UNSTORABLE)}</x>`).text).toBe(`${carried} lone surrogate `);
  });

  test('activity level: organisations, status, dates; options set the reporting organisation', async () => {
    const empty = reports[2]!;
    const { xml } = await exported(store, { documentId: empty.id }, { orgRef: 'KG-GOV-1', orgType: '15', orgName: 'Social Fund of the Kyrgyz Republic' });
    expect(await schemaErrors(xml)).toEqual([]);
    const activity = all(parse(xml), 'iati-activity')[0]!;
    expect(child(activity, 'iati-identifier')!.text).toBe(`KG-GOV-1-${empty.id}`);
    expect(child(activity, 'reporting-org')!.attributes).toEqual({ ref: 'KG-GOV-1', type: '15' });
    expect(narrativeOf(child(activity, 'reporting-org'))).toBe('Social Fund of the Kyrgyz Republic');
    expect(all(activity, 'participating-org').map((p) => p.attributes)).toEqual([{ ref: 'KG-GOV-1', role: '2' }]);
    expect(child(activity, 'activity-status')!.attributes.code).toBe('2');
    // No measures: the dates are the report's quarter, and no result (a result needs an indicator).
    expect(all(activity, 'activity-date').map((d) => [d.attributes.type, d.attributes['iso-date']])).toEqual([
      ['1', '2024-10-01'],
      ['3', '2024-12-31'],
    ]);
    expect(all(activity, 'result')).toEqual([]);
  });

  test('filters select documents and measures; a measure filter leaves out empty goals', async () => {
    const { xml, summary } = await exported(store, { status: 'not_done' });
    expect(await schemaErrors(xml)).toEqual([]);
    const indicators = all(parse(xml), 'indicator');
    const expected = reports.filter((r) => r.id !== reports[1]!.id).reduce((n, r) => n + r.measures.filter((m) => m.status.normalized === 'not_done').length, 0);
    expect(indicators).toHaveLength(expected);
    expect(summary.activities).toBe(new Set(reports.filter((r) => r.measures.some((m) => m.status.normalized === 'not_done')).map((r) => r.id)).size);
  });

  test('an activity of only done measures is in finalisation; helpers', () => {
    const done = makeReport({ seed: 'iati-done', measures: 2, statuses: ['done'] });
    expect(activityXml(done, [0, 1])).toContain('<activity-status code="3"/>');
    expect(xmlLang('kir')).toBe('ky');
    expect(xmlLang('khk')).toBe('mn');
    expect(xmlLang('und')).toBeNull();
    expect(numericValue('1\u00a0234,5')).toEqual({ value: 1234.5, percent: false });
    expect(numericValue('12 %')).toEqual({ value: 12, percent: true });
    expect(numericValue('12 schools')).toBeNull();
  });
});
