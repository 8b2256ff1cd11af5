import { basename } from 'node:path';
import { documentId } from './document-id.ts';
import { extractReport } from '../../src/extract/index.ts';
import { EXTRACTOR_VERSION } from '../../src/extract/version.ts';
import { detectLanguage } from '../../src/language/detect.ts';
import type { Block, DocTree } from '../../src/model/doc-tree.ts';
import type { IngestErrorInfo } from '../../src/model/ingest-error.ts';
import { REPORT_SCHEMA_ID, type Report } from '../../src/model/report.ts';
import { loadParser } from '../../src/parse/registry.ts';
import { DEFAULT_LIMITS, type Limits } from '../../src/sniff/limits.ts';
import { sniffFormat } from '../../src/sniff/sniff.ts';
import { tableLimitError, tableRowsUpperBound, tableSize } from '../../src/sniff/table-size.ts';
import { normalizeTables } from '../../src/tables/index.ts';
import { finding } from '../../src/model/finding.ts';
import { validateReport } from '../../src/validate/index.ts';
import { annotateLanguages } from '../../src/language/annotate-languages.ts';
import { ocrProvenance } from '../../src/ocr/ocr-findings.ts';
import { repairTextInPlace } from '../../src/text/well-formed.ts';

export interface StageInput {
  bytes: Uint8Array;
  filename: string;
  limits?: Limits;
  /** The document's time budget: slow parse work (OCR of scanned pages) stops after it with `input/timeout`. */
  timeoutMs?: number;
  /**
   * Changes the parsed tree before anything is read from it, in process only: for a tool that
   * knows more than the bytes say (the PDF layout fuzzing knows which of its printer's line breaks
   * no reader can decide, and settles them as the source had them) to have the rest read as usual.
   */
  revise?: (doc: DocTree) => void;
}

export type ParseStageResult = { ok: true; report: Report } | { ok: false; error: IngestErrorInfo; unsupported?: boolean };

export { documentId };

function blockSummary(block: Block, index: number): Report['blocks'][number] {
  const out: Report['blocks'][number] = { index, kind: block.kind, language: block.language ?? 'und' };
  if (block.position.page !== undefined) out.page = block.position.page;
  if (block.kind === 'heading' || block.kind === 'paragraph') out.text = block.text;
  if (block.kind === 'list') out.text = block.items.join('\n');
  if (block.ocr) out.ocr = block.ocr;
  return out;
}

/**
 * bytes → Report: sniff, parse, detect languages, normalize tables, extract. Never throws for bad
 * content: unreadable input is `{ ok: false, error }` with a stable code; odd content is findings.
 */
export async function parseStage(input: StageInput): Promise<ParseStageResult> {
  const limits = input.limits ?? DEFAULT_LIMITS;
  const filename = basename(input.filename);
  if (input.bytes.length > limits.maxInputBytes) {
    return {
      ok: false,
      error: { code: 'input/too-large', message: `${filename} is ${input.bytes.length} bytes; the limit is ${limits.maxInputBytes}.`, permanent: true },
    };
  }
  const sniffed = sniffFormat(input.bytes, filename);
  if (sniffed.kind === 'unsupported') {
    return { ok: false, error: { code: sniffed.code, message: sniffed.message, permanent: true }, unsupported: sniffed.code === 'input/unsupported-format' };
  }
  // Tables past the row limit are refused before parsing where the bytes tell (text formats), and
  // after it otherwise: normalizing and extracting them would not fit the parse's memory.
  const rowLines = tableRowsUpperBound(input.bytes, sniffed.format);
  const tooManyLines = rowLines === null ? null : tableLimitError({ rows: rowLines }, limits, filename, 'has up to');
  if (tooManyLines) return { ok: false, error: tooManyLines };
  let parsed;
  try {
    const parse = await loadParser(sniffed.format);
    const deadline = input.timeoutMs === undefined ? {} : { deadline: Date.now() + input.timeoutMs };
    parsed = await parse({ bytes: input.bytes, filename, limits, ...deadline });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, error: { code: `${sniffed.format}/parser-crash`, message: `Reading ${filename} failed unexpectedly: ${message}`, permanent: true } };
  }
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const doc = parsed.doc;
  input.revise?.(doc);
  const repaired = repairTextInPlace(doc);
  if (repaired.strings > 0) {
    doc.findings.push(
      finding(
        'TEXT_UNSTORABLE_CHARACTERS',
        'warning',
        `${repaired.strings} text value(s) held NUL, other control characters or half of a surrogate pair (a broken font map or export); each such character is now U+FFFD.`,
        { path: repaired.firstPath ?? '' },
      ),
    );
  }
  const tooBig = tableLimitError(tableSize(doc.blocks), limits, filename);
  if (tooBig) return { ok: false, error: tooBig };
  const { document: language, shares } = annotateLanguages(doc);
  // Cells the normalizer leaves as they were already have their language; only joined ones need detecting.
  const known = new Map<string, string>();
  for (const block of doc.blocks) {
    if (block.kind !== 'table') continue;
    for (const row of block.rows) for (const cell of row.cells) if (cell.language) known.set(cell.text, cell.language);
  }
  const prior = language.code === 'und' ? {} : { prior: language.code };
  const tableLanguage = (text: string): string => {
    let code = known.get(text);
    if (code === undefined) {
      code = detectLanguage(text, prior).code;
      known.set(text, code); // the normalizer asks again for a text it joins more than once
    }
    return code;
  };
  const { tables, findings: tableFindings } = normalizeTables(doc, { language: tableLanguage });
  const extraction = extractReport(doc, tables, language.code);
  const outputTables = tables.map((t) => t.output);
  const ocrFindings = ocrProvenance(tables, extraction.measures);
  const misfits = tables.flatMap((t) =>
    t.misfits.map((m) =>
      finding('ROW_CELLS_MISFIT', 'warning', `Row has ${m.cells} cell(s) for the header's ${m.width} columns: ${m.notes.join(', ')}.`, m.location),
    ),
  );
  const report: Report = {
    schema: REPORT_SCHEMA_ID,
    id: documentId(input.bytes),
    extractorVersion: EXTRACTOR_VERSION,
    source: { filename, format: doc.format, bytes: input.bytes.length, pages: doc.pages ?? 0 },
    language: { code: language.code, confidence: language.confidence, script: language.script, shares },
    title: extraction.title,
    organization: extraction.organization,
    period: extraction.period,
    goals: extraction.goals,
    measures: extraction.measures,
    blocks: doc.blocks.map(blockSummary),
    tables: outputTables,
    quantities: extraction.quantities,
    findings: [...doc.findings, ...tableFindings, ...misfits, ...extraction.findings, ...ocrFindings],
  };
  return { ok: true, report };
}

/** Report → Report with validation findings (schema + rules). Never drops data. */
export function validateStage(report: Report): Report {
  return validateReport(report);
}
