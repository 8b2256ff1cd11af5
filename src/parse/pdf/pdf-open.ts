import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** pdf.js's own data: predefined CMaps (CJK and other CID fonts) and standard-font metrics. */
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_URL = join(PDFJS_DIR, 'cmaps') + '/';
const STANDARD_FONTS_URL = join(PDFJS_DIR, 'standard_fonts') + '/';

export type OpenResult = { ok: true; doc: PDFDocumentProxy } | { ok: false; code: 'pdf/encrypted' | 'pdf/corrupt'; message: string };

/**
 * Opens a PDF with pdf.js, without font faces, scripting, images or network. pdf.js takes ownership of the
 * buffer it is given, so it gets a copy: callers keep their bytes intact.
 */
export async function openPdf(bytes: Uint8Array): Promise<OpenResult> {
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    stopAtErrors: false,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONTS_URL,
    // Images carry no text; pdf.js drops images above this many pixels instead of decoding them,
    // which is most of the time it spends on picture-heavy pages.
    maxImageSize: 1,
    verbosity: 0,
  });
  try {
    return { ok: true, doc: await task.promise };
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = error instanceof Error ? error.name : '';
    const message = error instanceof Error ? error.message : String(error);
    if (name === 'PasswordException') {
      return { ok: false, code: 'pdf/encrypted', message: 'The PDF is password-protected; it cannot be read without the password.' };
    }
    return { ok: false, code: 'pdf/corrupt', message: `The PDF cannot be read: ${message}` };
  }
}
