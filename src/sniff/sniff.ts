import type { SourceFormat } from '../model/doc-tree.ts';
import { decodeText, looksBinary } from './decode-text.ts';

export type SniffResult =
  | { kind: 'supported'; format: SourceFormat }
  | { kind: 'unsupported'; code: string; message: string };

const PDF_MAGIC = '%PDF-';
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

/**
 * Decides the format from the bytes. The extension is only a tie-breaker between Markdown and plain
 * text, which differ in conventions, not in bytes.
 */
export function sniffFormat(bytes: Uint8Array, filename: string): SniffResult {
  if (bytes.length === 0) return { kind: 'unsupported', code: 'input/empty', message: 'The file is empty (0 bytes).' };
  // PDF allows junk before the header (PDF 32000-1 §7.5.2 readers tolerate up to 1024 bytes).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes(PDF_MAGIC)) return { kind: 'supported', format: 'pdf' };
  if (startsWith(bytes, ZIP_MAGIC)) {
    const odf = openDocumentType(bytes);
    if (odf !== null) {
      return {
        kind: 'unsupported',
        code: 'input/unsupported-format',
        message: `${filename}: an OpenDocument file (${odf}), which is not read. Save it as .docx (LibreOffice: File → Save As → Word; or \`soffice --headless --convert-to docx\`) and import that.`,
      };
    }
    return { kind: 'supported', format: 'docx' };
  }
  if (head.startsWith('{\\rtf')) {
    return {
      kind: 'unsupported',
      code: 'input/unsupported-format',
      message: `${filename}: a Rich Text Format (RTF) file, which is not read. Save it as .docx (\`soffice --headless --convert-to docx\`) and import that.`,
    };
  }
  if (startsWith(bytes, OLE2_MAGIC)) return { kind: 'supported', format: 'docx' };
  const { text } = decodeText(bytes.subarray(0, 64 * 1024));
  if (looksBinary(text)) {
    const claimed = claimedFormat(filename);
    // A name that promises a report the bytes do not hold is a damaged or mislabelled file the
    // archivist must hear about (failed); a file that promised nothing we read is only skipped.
    if (claimed !== null) {
      return {
        kind: 'unsupported',
        code: 'input/format-mismatch',
        message: `${filename}: the name says ${claimed}, but the content is ${describeBinary(bytes)}; the file may be damaged or mislabelled.`,
      };
    }
    return {
      kind: 'unsupported',
      code: 'input/unsupported-format',
      message: `${filename}: binary content of no supported format (PDF, DOCX, Markdown, HTML, text).`,
    };
  }
  if (NOT_DOCUMENTS.test(filename)) {
    return {
      kind: 'unsupported',
      code: 'input/unsupported-format',
      message: `${filename}: text, but source code, configuration or data rather than a report (PDF, DOCX, Markdown, HTML, text).`,
    };
  }
  return { kind: 'supported', format: sniffTextFormat(text, filename) };
}

/**
 * ODF packages (ODF 1.2 part 3 §3.3) store an uncompressed `mimetype` entry first, so its name and
 * content sit at fixed offsets of the first local file header: a ZIP that is not Office Open XML.
 */
function openDocumentType(bytes: Uint8Array): string | null {
  const latin = new TextDecoder('latin1').decode(bytes.subarray(30, 30 + 8 + 80));
  const m = /^mimetype(application\/vnd\.oasis\.opendocument\.[a-z.-]+)/.exec(latin);
  return m?.[1] ?? null;
}

/** Extensions that name a format we read, with how a message calls it. */
const CLAIMS: readonly [RegExp, string][] = [
  [/\.pdf$/i, 'PDF'],
  [/\.(?:docx|docm|dotx|doc)$/i, 'a Word document'],
  [/\.(?:md|markdown)$/i, 'Markdown'],
  [/\.(?:html?|xhtml)$/i, 'HTML'],
  [/\.(?:txt|text|tsv|csv)$/i, 'text'],
];

function claimedFormat(filename: string): string | null {
  return CLAIMS.find(([pattern]) => pattern.test(filename))?.[1] ?? null;
}

/** Signatures of common non-report files, to say what a mislabelled file looks like. */
const SIGNATURES: readonly [readonly number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x49, 0x49, 0x2a, 0x00], 'a TIFF image'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'a TIFF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program (ELF)'],
  [[0x4d, 0x5a], 'a Windows program'],
];

function describeBinary(bytes: Uint8Array): string {
  const known = SIGNATURES.find(([magic]) => startsWith(bytes, magic))?.[1];
  return known ?? 'binary data of no known format (no PDF header, not a ZIP or OLE2 package, not text)';
}

/**
 * Text files that are not documents. Bytes cannot tell a shell script from a text export, so here
 * the extension decides, and only to refuse: a report never arrives as .py or .json.
 */
const NOT_DOCUMENTS = /\.(?:py|sh|bash|js|mjs|cjs|ts|json|ya?ml|toml|ini|cfg|conf|css|scss|xml|xsd|svg|lock|log|c|h|cpp|java|go|rs|rb|php|sql|bat|ps1|make|mk)$/i;

export function sniffTextFormat(text: string, filename: string): SourceFormat {
  const start = text.trimStart().slice(0, 2048).toLowerCase();
  if (/^(<!doctype html|<html|<\?xml[^>]*>\s*<html)/.test(start)) return 'html';
  const lines = text.split(/\r?\n/).slice(0, 2000);
  const tabRows = lines.filter((l) => (l.match(/\t/g) ?? []).length >= 2).length;
  const pipeRows = lines.filter((l) => /^\s*\|.*\|\s*$/.test(l)).length;
  const delimiterRow = lines.some((l) => /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{1,}:?\s*)+\|?\s*$/.test(l));
  if (tabRows >= 2 && tabRows >= pipeRows) return 'text';
  if (pipeRows >= 2 && delimiterRow) return 'markdown';
  if (/\.(md|markdown)$/i.test(filename)) return 'markdown';
  if (/\.(html?|xhtml)$/i.test(filename) || /^<(body|table|div|p)[\s>]/.test(start)) return 'html';
  if (/^#{1,6}\s/m.test(text) || /\*\*[^*\n]+\*\*/.test(text)) return 'markdown';
  return 'text';
}
