import { chromium, type Browser } from 'playwright-core';

/**
 * HTML → PDF through headless Chromium (Debian's `chromium`, driven by playwright-core): the
 * print path a browser user takes, with Skia's PDF back end, subset fonts and ToUnicode maps.
 * One browser serves every rendering of a test file; each rendering gets a fresh page.
 */
export interface PdfRenderer {
  /** `prepare` runs inside the page after the HTML is loaded (DOM tweaks), before printing. */
  render(html: string, options?: { css?: string; prepare?: string }): Promise<Uint8Array>;
  /** As `render`, also returning what the `probe` script evaluates to in the page before printing. */
  renderProbed(html: string, options: { css?: string; prepare?: string; probe: string }): Promise<{ pdf: Uint8Array; probe: unknown }>;
  /**
   * Prints first and keeps the page: `probe` then evaluates a script in the printed layout, only
   * when the caller needs it (a probe costs more than the print), and `done` closes the page.
   */
  print(html: string, options?: { css?: string; prepare?: string }): Promise<PrintedPage>;
  close(): Promise<void>;
}

export interface PrintedPage {
  pdf: Uint8Array;
  probe(script: string): Promise<unknown>;
  done(): Promise<void>;
}

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function openPdfRenderer(): Promise<PdfRenderer> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext();
  const renderProbed = async (html: string, options: { css?: string; prepare?: string; probe?: string }): Promise<{ pdf: Uint8Array; probe: unknown }> => {
    const page = await context.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      if (options.css) await page.addStyleTag({ content: options.css });
      if (options.prepare) await page.evaluate(options.prepare);
      await page.evaluate('document.fonts.ready');
      let probe: unknown;
      if (options.probe) {
        await page.emulateMedia({ media: 'print' });
        probe = await page.evaluate(options.probe);
      }
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      return { pdf: new Uint8Array(pdf), probe };
    } finally {
      await page.close();
    }
  };
  const print = async (html: string, options: { css?: string; prepare?: string } = {}): Promise<PrintedPage> => {
    const page = await context.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      if (options.css) await page.addStyleTag({ content: options.css });
      if (options.prepare) await page.evaluate(options.prepare);
      await page.evaluate('document.fonts.ready');
      const pdf = new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      return {
        pdf,
        async probe(script) {
          // The layout the PDF was printed from: print media, as page.pdf() lays the page out.
          await page.emulateMedia({ media: 'print' });
          return page.evaluate(script);
        },
        done: () => page.close(),
      };
    } catch (error) {
      await page.close();
      throw error;
    }
  };
  return {
    print,
    async render(html, options = {}) {
      return (await renderProbed(html, options)).pdf;
    },
    renderProbed,
    async close() {
      await browser.close();
    },
  };
}
