import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { INSTALL_HINT, ocrEngine } from './engine.ts';
import type { LanguageChoice } from './language-pass.ts';
import { ocrPage, type OcrPageResult, type PageToRead } from './page-ocr.ts';

export { INSTALL_HINT } from './engine.ts';
export type { OcrPageResult, PageToRead } from './page-ocr.ts';

export interface OcrOptions {
  /** Epoch ms by which the document must be read (the ingest `--timeout`); pages still running then are stopped. */
  deadline?: number;
  /** Pages OCR'd at once; default one per core (`REPORTMILL_OCR_JOBS` overrides). */
  jobs?: number;
}

export type OcrOutcome =
  | { ok: true; pages: OcrPageResult[]; engine: string }
  | { ok: false; code: 'ocr/unavailable' | 'input/timeout' | 'ocr/failed'; message: string };

/**
 * OCR of the listed pages of a PDF, page by page in parallel up to the core count (one Tesseract
 * thread each: parallel pages beat Tesseract's own threads), within the document's time budget.
 * A page whose quick pass cannot tell its language takes the first language another page's pass
 * decided (all models when none has yet).
 */
export async function ocrPdfPages(pdf: Uint8Array, pages: readonly PageToRead[], options: OcrOptions = {}): Promise<OcrOutcome> {
  const engine = await ocrEngine();
  if (!engine.ok) return { ok: false, code: 'ocr/unavailable', message: `${engine.reason} ${INSTALL_HINT}` };
  const jobs = Math.max(1, options.jobs ?? (Number(process.env['REPORTMILL_OCR_JOBS']) || availableParallelism()));
  const controller = new AbortController();
  const remaining = options.deadline === undefined ? undefined : options.deadline - Date.now();
  const timer = remaining === undefined ? undefined : setTimeout(() => controller.abort(new OcrTimeout()), Math.max(0, remaining));
  const workDir = await mkdtemp(join(tmpdir(), 'reportmill-ocr-'));
  try {
    const pdfPath = join(workDir, 'input.pdf');
    await writeFile(pdfPath, pdf);
    // The first language a page's quick pass decides is the document's, for pages that cannot tell.
    let documentLanguage: LanguageChoice | undefined;
    const ctx = {
      tesseract: engine.tesseract,
      pdftoppm: engine.pdftoppm,
      languages: engine.languages,
      pdfPath,
      workDir,
      signal: controller.signal,
      documentLanguage: () => documentLanguage,
      onLanguage: (choice: LanguageChoice) => {
        documentLanguage ??= choice;
      },
    };
    const results: OcrPageResult[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < pages.length) {
        const page = pages[next++] as PageToRead;
        results.push(await ocrPage(page, ctx));
      }
    };
    await Promise.all(Array.from({ length: Math.min(jobs, pages.length) }, worker));
    results.sort((a, b) => a.content.number - b.content.number);
    return { ok: true, pages: results, engine: engine.version };
  } catch (error) {
    controller.abort();
    if (error instanceof OcrTimeout) return { ok: false, code: 'input/timeout', message: 'OCR of the scanned pages did not finish within the time limit (--timeout); it was stopped.' };
    const cause = error instanceof Error ? error.message : String(error);
    return { ok: false, code: 'ocr/failed', message: `OCR failed: ${cause}` };
  } finally {
    if (timer) clearTimeout(timer);
    // After a timeout the engines being stopped may still write into the directory as it goes
    // (ENOTEMPTY): retried, and a directory left behind never turns a read into a failure.
    await rm(workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }).catch(() => undefined);
  }
}

class OcrTimeout extends Error {
  constructor() {
    super('OCR time limit reached');
  }
}
