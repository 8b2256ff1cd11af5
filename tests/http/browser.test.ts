import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Report } from '../../src/model/report.ts';
import { isCI } from '../store/support/services.ts';
import { AUTH, CORRUPT_DOCX, MONGOLIAN_DOCX, TOKEN, createHttpHarness, read } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !isCI) console.warn(`[reportmill tests] ${CHROMIUM} not found: skipping the browser tests; under CI=true this fails`);

/** Where the review view's screenshot goes (gitignored): look at it after a run. */
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
/** The font families of web/assets/styles.css (--font); each covers Cyrillic with ң ө ү. */
const FONT_STACK = ['system-ui', 'Segoe UI', 'Roboto', 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', 'Arial'];


const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The review page end to end in Debian's Chromium: sign in, upload the Mongolian DOCX and a
 * corrupt one, follow both to their end, review the report, select a measure.
 */
describe.skipIf(!haveChromium && !isCI)('review page in Chromium', () => {
  let h: HttpHarness;
  let browser: Browser;
  let page: Page;
  let base: string;
  const mongolian = read(MONGOLIAN_DOCX);
  const corrupt = read(CORRUPT_DOCX);
  const mongolianId = sha256(mongolian);
  const corruptId = sha256(corrupt);

  /**
   * Runs an expression in the page. Given as a string: it runs in the browser, whose DOM types the
   * tests (compiled for Node) do not load.
   */
  const inPage = (expression: string): Promise<unknown> => page.evaluate(expression);

  beforeAll(async () => {
    h = await createHttpHarness();
    base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    // A 1366×768 laptop screen.
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('pageerror', (error) => {
      throw error;
    });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.dispose();
  });

  test('sign in: a wrong token is refused, the right one is kept in sessionStorage only', async () => {
    await page.goto(base);
    await page.fill('#token', 'not-the-token');
    await page.click('#signin-form button[type=submit]');
    await expect.poll(() => page.textContent('#signin-error')).toMatch(/not accepted/);
    expect(await page.isVisible('#workspace')).toBe(false);

    await page.fill('#token', TOKEN);
    await page.click('#signin-form button[type=submit]');
    await page.waitForSelector('#workspace:not([hidden])');
    expect(await inPage("[sessionStorage.getItem('reportmill.token'), localStorage.length]")).toEqual([TOKEN, 0]);
    expect(await inPage('document.cookie')).toBe('');
  });

  test('upload two files at once (picked) and one dropped; live status to done and failed', async () => {
    await page.setInputFiles('#file-input', [fileURLToPath(MONGOLIAN_DOCX.path), fileURLToPath(CORRUPT_DOCX.path)]);
    // Drag and drop, as a person would from a file manager.
    await inPage(`(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['# Тайлан\\n\\n| № | Арга хэмжээ | Хэрэгжилт |\\n|---|---|---|\\n| 1 | Сургалт зохион байгуулах | Хэрэгжсэн |\\n'], 'dropped.md', { type: 'text/markdown' }));
      const zone = document.getElementById('dropzone');
      zone.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    })()`);

    const done = page.locator(`.doc[data-id="${mongolianId}"][data-status="done"]`);
    const failed = page.locator(`.doc[data-id="${corruptId}"][data-status="failed"]`);
    await done.waitFor({ timeout: 60_000 });
    await failed.waitFor({ timeout: 60_000 });
    await expect.poll(() => done.locator('.doc-measures').textContent()).toBe('14 measures');
    expect(await failed.locator('.doc-error-code').textContent()).toBe('docx/corrupt');
    await page.locator('.doc[data-status="done"]', { hasText: 'dropped.md' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.doc').count()).toBe(3);
  });

  test('review view: 14 measures beside the source table; selecting a measure highlights its rows', async () => {
    const report = (await h.app.inject({ method: 'GET', url: `/v1/documents/${mongolianId}`, headers: AUTH })).json().report as Report;
    await page.click(`.doc[data-id="${mongolianId}"] .doc-button`);
    await page.waitForSelector('.report .measure');
    expect(await page.locator('.measure').count()).toBe(14);
    expect(await page.textContent('.summary-measures')).toBe('14');
    expect(await page.locator('.source-table').count()).toBe(report.tables.length);
    expect(await page.locator('.chip-language').first().getAttribute('data-language')).toBe(report.language.code);

    // Findings: listed, and flagged on the rows they concern.
    expect(await page.locator('.finding').count()).toBe(report.findings.length);
    const flaggedRows = new Set(report.findings.filter((f) => f.location.row !== undefined).map((f) => `${f.location.table}:${f.location.row}`));
    expect(flaggedRows.size).toBeGreaterThan(0);
    for (const key of flaggedRows) {
      const [table, row] = key.split(':');
      expect(await page.locator(`.source-table[data-table="${table}"] tr[data-row="${row}"].has-finding`).count(), key).toBe(1);
    }

    // Pick a measure from the middle and select it: exactly its source rows light up.
    const measure = report.measures[Math.floor(report.measures.length / 2)]!;
    const card = page.locator(`.measure[data-measure="${measure.id}"]`);
    await card.click();
    expect(await card.getAttribute('aria-pressed')).toBe('true');
    const selectedRows = await inPage(`[...document.querySelectorAll('.source-table tr.is-selected')].map((r) => [Number(r.dataset.table), Number(r.dataset.row)])`);
    expect(selectedRows).toEqual(measure.source.rows.map((row) => [measure.source.table, row]));
    const firstRow = page.locator(`.source-table[data-table="${measure.source.table}"] tr[data-row="${measure.source.rows[0]}"]`);
    // …and the source pane has scrolled to them.
    const pane = (await page.locator('.pane-source .pane-body').boundingBox())!;
    const rowBox = (await firstRow.boundingBox())!;
    expect(rowBox.y).toBeGreaterThanOrEqual(pane.y - 1);
    expect(rowBox.y).toBeLessThan(pane.y + pane.height);
    const rowCell = `.source-table[data-table="${measure.source.table}"] tr[data-row="${measure.source.rows[0]}"] td:not(.gutter)`;
    expect(await inPage(`getComputedStyle(document.querySelector('${rowCell}')).backgroundColor`)).not.toBe('rgba(0, 0, 0, 0)');

    // The artifact: the review view with this measure selected (look at it after a run).
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}review-view.png` });

    // Text carries its language, so Mongolian gets Mongolian glyph forms; it is drawn with fonts of the stack.
    expect(await page.locator('.measure-text[lang="mn"]').count()).toBe(14);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `.measure[data-measure="${measure.id}"] .measure-text` });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(FONT_STACK, font.familyName).toContain(font.familyName);

    // It fits the laptop screen: no page scrollbars, the panes scroll instead.
    const size = (await inPage('({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight })')) as { width: number; height: number };
    expect(size.width).toBeLessThanOrEqual(1366);
    expect(size.height).toBeLessThanOrEqual(768);

    // Hovering another measure lights its rows too, without losing the selection.
    const other = report.measures[0]!;
    await page.hover(`.measure[data-measure="${other.id}"]`);
    const hovered = await inPage(`[...document.querySelectorAll('.source-table tr.is-hovered')].map((r) => Number(r.dataset.row))`);
    expect(hovered).toEqual(other.source.rows);
    expect(await page.locator('.source-table tr.is-selected').count()).toBe(measure.source.rows.length);
  });

  test('signing out forgets the token', async () => {
    await page.click('#sign-out');
    await page.waitForSelector('#signin:not([hidden])');
    expect(await inPage("sessionStorage.getItem('reportmill.token')")).toBeNull();
  });
});
