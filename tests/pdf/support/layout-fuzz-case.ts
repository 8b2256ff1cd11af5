import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestDocument } from '../../../pipelines/ingest/index.ts';
import type { DocTree } from '../../../src/model/doc-tree.ts';
import { formatIndependent } from '../../golden/projection.ts';
import type { PdfRenderer } from './chromium-pdf.ts';
import { goldenDiff } from './golden-diff.ts';
import { PROBE_ZOOMS, forgivenSpaces, joinProbeScript, printedBreaks, settleIndistinguishable, unsettledPairs, type IndistinguishableJoin, type JoinProbe } from './indistinguishable-joins.ts';
import { settleSpans, spanProbeScript, type IndistinguishableSpan } from './indistinguishable-spans.ts';
import { drawVariant, textWidthPx, variantCss, variantScript, type LayoutVariant } from './layout-variants.ts';

/** The golden reports whose HTML ground truth is printed under varied layouts. */
export const FUZZ_REPORTS = ['ky-socfund-acp-2024q1', 'mn-ndg-inspector-2024'] as const;

const GOLDEN = join(import.meta.dirname, '../../../fixtures/golden');

/**
 * One character of the Mongolian seed is a Bengali letter (an OCR error) that no font installed
 * with the test browser draws; Chromium prints it as .notdef with no Unicode. It is replaced by the
 * Cyrillic letter it stands for, in the HTML and in the expectation alike.
 */
const undrawable = (s: string): string => s.replace(/\u09B0/gu, 'р');

export interface FuzzOutcome {
  variant: LayoutVariant;
  report: string;
  /** Differences up to the line breaks no reader of the PDF can decide (indistinguishable-joins.ts). */
  differences: string[];
  /** Differences with the reader's own reading of every break (asked for with `strict`). */
  strict?: string[] | undefined;
  /** The indistinguishable line breaks the printing browser found. */
  joins: IndistinguishableJoin[];
  pdf: Uint8Array;
}

/**
 * Prints one report under the seed's layout, reads the PDF back and compares it with the golden
 * report, with the line breaks no reader of the PDF can decide settled as the source had them
 * (indistinguishable-joins.ts); `strict` also compares the reader's own reading of those.
 *
 * The reader's own reading is compared first: where it is the golden report letter for letter,
 * settling could only rewrite breaks to what they already are, so the probe (a relayout of the
 * table per break it tries, costlier than the print) is left out.
 */
export async function runLayoutCase(renderer: PdfRenderer, report: (typeof FUZZ_REPORTS)[number], seed: number, strict = false): Promise<FuzzOutcome> {
  const html = undrawable(readFileSync(join(GOLDEN, report, 'input.html'), 'utf8'));
  const expected = JSON.parse(undrawable(readFileSync(join(GOLDEN, report, 'expected.json'), 'utf8'))) as { tables: { columns: number }[] };
  const variant = drawVariant(seed, expected.tables[0]?.columns ?? 1);
  const printed = await renderer.print(html, { css: variantCss(variant), prepare: variantScript(variant) });
  const { pdf } = printed;
  const compare = async (revise?: (doc: DocTree) => void, forgiven?: readonly RegExp[]): Promise<string[]> => {
    const outcome = await ingestDocument({ bytes: pdf, filename: `${report}-${seed}.pdf`, ...(revise ? { revise } : {}) });
    return outcome.status === 'ok' ? goldenDiff(formatIndependent(outcome.report), expected, 40, forgiven) : [`ingest ${outcome.status}: ${outcome.error.code} ${outcome.error.message}`];
  };
  let probe: LayoutProbe;
  let own: string[];
  try {
    own = await compare();
    if (own.length === 0) return { variant, report, differences: [], strict: strict ? [] : undefined, joins: [], pdf };
    probe = (await printed.probe(layoutProbeScript(variant))) as LayoutProbe;
  } finally {
    await printed.done();
  }
  const { joins, forgiven, revise } = await settling(pdf, probe, variant, JSON.stringify(expected));
  const differences = await compare(revise, forgiven);
  return { variant, report, differences, strict: strict ? own : undefined, joins, pdf };
}

/** What the printing browser found undecidable in one print: line breaks, and spans when borderless. */
export type LayoutProbe = JoinProbe & { spans?: IndistinguishableSpan[] };

/**
 * Both probes, run in the printing browser at the print's text width. A print wrapped at spaces
 * has few breaks to try (a line of one word, a hyphen), and on the fixed cases the second layout
 * (`PROBE_ZOOMS`) settled none of them: there it is left out, as it costs a second or two a case.
 */
export function layoutProbeScript(variant: LayoutVariant): string {
  const zooms = variant.breakAnywhere ? PROBE_ZOOMS : PROBE_ZOOMS.slice(0, 1);
  return `(() => ({ ...${joinProbeScript(textWidthPx(variant), zooms)}, spans: ${spanProbeScript(textWidthPx(variant))} }))()`;
}

/**
 * How a print is settled before it is compared: its indistinguishable line breaks as the source
 * had them (pairs that cannot be settled by their text are forgiven instead), and, in a
 * borderless print, its indistinguishable spans. Ruled prints show every span by their rules.
 */
export async function settling(pdf: Uint8Array, probe: LayoutProbe, variant: LayoutVariant, source: string) {
  const { joins, uncertain } = await printedBreaks(pdf, probe);
  const unsettled = unsettledPairs(joins, source);
  const forgiven = forgivenSpaces(unsettled, probe, uncertain);
  const steps = [...(joins.length > 0 ? [settleIndistinguishable(joins, unsettled)] : []), ...(!variant.ruled && (probe.spans?.length ?? 0) > 0 ? [settleSpans(probe.spans ?? [])] : [])];
  const revise = steps.length > 0 ? (doc: DocTree): void => steps.forEach((step) => step(doc)) : undefined;
  return { joins, uncertain, unsettled, forgiven, revise };
}
