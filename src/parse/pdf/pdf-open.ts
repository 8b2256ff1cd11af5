import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type OpenResult = { ok: true; doc: PDFDocumentProxy } | { ok: false; code: 'pdf/encrypted' | 'pdf/corrupt'; message: string };

/**
 * Opens a PDF with pdf.js, without fonts, scripting or network. pdf.js takes ownership of the
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
