import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPdfRenderer, type PdfRenderer } from './support/chromium-pdf.ts';
import { printedText } from './support/printed-text.ts';
import { brokenMidWord, flipScript, joinProbeScript, printedJoins, type IndistinguishableJoin, type JoinProbe } from './support/indistinguishable-joins.ts';
import { drawVariant, prng, textWidthPx, variantCss, variantScript, type LayoutVariant } from './support/layout-variants.ts';

/**
 * The layout fuzzing forgives the line breaks that its probe finds indistinguishable in the PDF
 * (support/indistinguishable-joins.ts). That claim is checked here the hard way: the source is
 * rewritten at a random sample of those breaks (a space put into the broken word, the space taken
 * out after the whole one) and printed again, and the two PDFs must hold the same text at the same
 * places. The same rewrite at breaks the probe called decidable must change the print, or the
 * comparison could not tell anything apart.
 */
const GOLDEN = join(import.meta.dirname, '../../fixtures/golden');

let renderer: PdfRenderer;
beforeAll(async () => {
  renderer = await openPdfRenderer();
});
afterAll(async () => {
  await renderer?.close();
});

/** Up to `n` breaks drawn at random, at most one per text node (breaks of one node may interact). */
function sample(joins: readonly IndistinguishableJoin[], n: number, seed: number): IndistinguishableJoin[] {
  const r = prng(seed);
  const byNode = new Map<string, IndistinguishableJoin>();
  for (const j of [...joins].sort(() => r() - 0.5)) byNode.set(`${j.at.cell}/${j.at.node}`, j);
  return [...byNode.values()].slice(0, n);
}

async function print(html: string, v: LayoutVariant, flips: readonly IndistinguishableJoin[] = []): Promise<{ pdf: Uint8Array; probe: JoinProbe }> {
  const prepare = `(async () => { await ${variantScript(v)}; ${flipScript(flips)}; })()`;
  const { pdf, probe } = await renderer.renderProbed(html, { css: variantCss(v), prepare, probe: joinProbeScript(textWidthPx(v)) });
  return { pdf, probe: probe as JoinProbe };
}

/**
 * Each test prints a report several times and probes it: about 25 s on a quiet machine, and past
 * vitest's 60 s beside the layout fuzzing and the OCR scans on two cores (CI, 2026-12-02). A
 * limit, not a speed target.
 */
const PRINTS_TIMEOUT = 240_000;

// Layouts that break words anywhere in narrow columns, where such breaks abound.
describe.each([
  ['ky-socfund-acp-2024q1', 3],
  ['mn-ndg-inspector-2024', 7],
] as const)('%s under layout seed %i', (report, seed) => {
  it('prints the same whichever way the source had an indistinguishable break, and differently at a decidable one', async () => {
    const html = readFileSync(join(GOLDEN, report, 'input.html'), 'utf8');
    const expected = JSON.parse(readFileSync(join(GOLDEN, report, 'expected.json'), 'utf8')) as { tables: { columns: number }[] };
    const v = drawVariant(seed, expected.tables[0]?.columns ?? 1);
    expect(v.breakAnywhere).toBe(true);
    const original = await print(html, v);
    const joins = sample(await printedJoins(original.pdf, original.probe), 24, seed);
    const decidable = sample(original.probe.decidable, 3, seed);
    // Both kinds of indistinguishable break are in the sample: a word broken and a word filling its line.
    expect(joins.some(brokenMidWord)).toBe(true);
    expect(joins.some((j) => !brokenMidWord(j))).toBe(true);
    expect(decidable.length).toBeGreaterThan(0);

    const text = await printedText(original.pdf);
    expect(await printedText((await print(html, v, joins)).pdf)).toEqual(text);
    for (const d of decidable) expect(await printedText((await print(html, v, [d])).pdf), `${d.left}|${d.right}`).not.toEqual(text);
  }, PRINTS_TIMEOUT);
});

// The probe lays the page out at more than one zoom, since neither is the print's everywhere
// (PROBE_ZOOMS): the breaks only the full-size layout finds indistinguishable must be so in print.
describe('breaks only one of the probe layouts finds', () => {
  it('print the same whichever way the source had them', async () => {
    const report = 'ky-socfund-acp-2024q1';
    const html = readFileSync(join(GOLDEN, report, 'input.html'), 'utf8');
    const expected = JSON.parse(readFileSync(join(GOLDEN, report, 'expected.json'), 'utf8')) as { tables: { columns: number }[] };
    const v = drawVariant(3, expected.tables[0]?.columns ?? 1);
    const key = (j: IndistinguishableJoin): string => `${j.left}|${j.right}@${j.at.cell}/${j.at.node}/${j.at.end}`;
    const zoomed = await renderer.renderProbed(html, { css: variantCss(v), prepare: variantScript(v), probe: joinProbeScript(textWidthPx(v), [10]) });
    const known = new Set((await printedJoins(zoomed.pdf, zoomed.probe as JoinProbe)).map(key));
    const original = await print(html, v);
    const added = sample(
      (await printedJoins(original.pdf, original.probe)).filter((j) => !known.has(key(j))),
      24,
      3,
    );
    expect(added.length).toBeGreaterThan(0);
    expect(await printedText((await print(html, v, added)).pdf)).toEqual(await printedText(original.pdf));
  }, PRINTS_TIMEOUT);
});
