import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy } from './pdfjs.ts';
import { finding, type Finding } from '../../model/finding.ts';
import { repairPdf } from './pdf-repair.ts';

/** pdf.js's own data: predefined CMaps (CJK and other CID fonts) and standard-font metrics. */
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_URL = join(PDFJS_DIR, 'cmaps') + '/';
const STANDARD_FONTS_URL = join(PDFJS_DIR, 'standard_fonts') + '/';

/**
 * pdf.js asks for standard-font programs and CMaps anew for every document (its caches live and
 * die with the document); a batch would read the same files from disk again and again. They are
 * read once per process here: pdf.js's message port copies what it is given, so the cached bytes
 * stay intact.
 */
const dataFiles = new Map<string, Promise<Uint8Array>>();
function readDataFile(path: string): Promise<Uint8Array> {
  let bytes = dataFiles.get(path);
  if (!bytes) {
    bytes = readFile(path).then((b) => new Uint8Array(b));
    // A failed read is not remembered: pdf.js reports it and the next document may try again.
    bytes.catch(() => dataFiles.delete(path));
    dataFiles.set(path, bytes);
  }
  return bytes;
}

class StandardFontDataOnce {
  constructor(private readonly options: { baseUrl: string | null }) {}
  fetch({ filename }: { filename: string }): Promise<Uint8Array> {
    return readDataFile(`${this.options.baseUrl ?? STANDARD_FONTS_URL}${filename}`);
  }
}

class CMapDataOnce {
  constructor(private readonly options: { baseUrl: string | null }) {}
  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    return { cMapData: await readDataFile(`${this.options.baseUrl ?? CMAP_URL}${name}.bcmap`), isCompressed: true };
  }
}

/**
 * The part of a DOM document pdf.js's font loader touches (a <style> element whose sheet takes
 * @font-face rules), doing nothing. pdf.js treats Node as loading fonts synchronously, so it waits
 * for nothing either.
 */
const NO_STYLESHEET_DOCUMENT = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

export type OpenResult = { ok: true; doc: PDFDocumentProxy } | { ok: false; code: 'pdf/encrypted' | 'pdf/corrupt'; message: string };

/**
 * Opens a PDF with pdf.js, without font faces, scripting, images or network. pdf.js takes ownership of the
 * buffer it is given, so it gets a copy: callers keep their bytes intact. The copy is a plain
 * Uint8Array even when the caller holds a Node Buffer (a file read, bytes that came over IPC):
 * pdf.js refuses Buffers, and Buffer#slice would share memory instead of copying.
 */
export async function openPdf(bytes: Uint8Array): Promise<OpenResult> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    // With font faces disabled, pdf.js compiles every glyph shown into outline path commands (to
    // draw text as paths) and posts each one to this thread: about a tenth of the parse, for
    // drawing we never do. With them enabled, it hands each embedded font to a stylesheet
    // instead — here one that goes nowhere (Node has no DOM).
    disableFontFace: false,
    ownerDocument: NO_STYLESHEET_DOCUMENT,
    useSystemFonts: false,
    // Exposes each font's encoding and Unicode map, from which the Unicode-map check learns
    // whether the file defines the characters (unicode-map-check.ts).
    fontExtraProperties: true,
    disableAutoFetch: true,
    stopAtErrors: false,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    CMapReaderFactory: CMapDataOnce,
    standardFontDataUrl: STANDARD_FONTS_URL,
    StandardFontDataFactory: StandardFontDataOnce,
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

export type RepairingOpenResult =
  | { ok: true; doc: PDFDocumentProxy; findings: Finding[] }
  | { ok: false; code: 'pdf/encrypted' | 'pdf/corrupt'; message: string };

/**
 * Opens a PDF, and when pdf.js cannot (a cut file has no trailer), rebuilds its cross-reference
 * table and tries again. Findings say what was wrong and what was done about it.
 */
export async function openPdfRepairing(bytes: Uint8Array): Promise<RepairingOpenResult> {
  const findings: Finding[] = [];
  // Only a file that starts as a PDF can have been cut short; anything else is just not a PDF.
  const truncated = startsAsPdf(bytes) && !hasEofMarker(bytes);
  if (truncated) {
    findings.push(finding('pdf/truncated', 'warning', 'The PDF ends without an %%EOF marker (truncated or damaged); pages that could be read were kept.'));
  }
  const opened = await openPdf(bytes);
  if (opened.ok) return { ok: true, doc: opened.doc, findings };
  if (opened.code === 'pdf/corrupt') {
    const repaired = repairPdf(bytes);
    const retry = repaired ? await openPdf(repaired.bytes) : undefined;
    if (repaired && retry?.ok) {
      const how = repaired.rebuiltPageTree ? 'and a new page tree from the loose page objects' : 'from the objects that are complete';
      findings.push(finding('pdf/xref-rebuilt', 'warning', `The cross-reference table was rebuilt ${how} (${repaired.objects} objects).`));
      return { ok: true, doc: retry.doc, findings };
    }
  }
  const message = truncated ? `${opened.message} The file is truncated and no page could be recovered.` : opened.message;
  return { ok: false, code: opened.code, message };
}

function startsAsPdf(bytes: Uint8Array): boolean {
  // PDF 32000-1 §7.5.2: the header may follow up to 1024 bytes of other data.
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

function hasEofMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  return tail.includes('%%EOF');
}
