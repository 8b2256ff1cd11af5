import type { Block, SourceFormat } from '../model/doc-tree.ts';
import type { IngestErrorInfo } from '../model/ingest-error.ts';
import type { Limits } from './limits.ts';

const NEWLINE = 0x0a;
const PIPE = 0x7c;
const TAB = 0x09;
const LT = 0x3c;

/**
 * An upper bound of the table rows in a text format, read from the bytes before parsing, so a
 * 200,000-row table is refused in milliseconds instead of filling the parser's memory: lines with a
 * `|` (Markdown pipe tables), lines with a tab or a `|` (text exports), `<tr` tags (HTML).
 * null for formats whose rows only the parser can see (PDF, DOCX).
 */
export function tableRowsUpperBound(bytes: Uint8Array, format: SourceFormat): number | null {
  if (format === 'html') {
    let rows = 0;
    for (let i = bytes.indexOf(LT); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(LT, i + 1)) {
      if ((bytes[i + 1]! | 0x20) === 0x74 && (bytes[i + 2]! | 0x20) === 0x72) rows++; // <tr, any case
    }
    return rows;
  }
  if (format !== 'markdown' && format !== 'text') return null;
  let rows = 0;
  let rowLine = false;
  for (const byte of bytes) {
    if (byte === NEWLINE) {
      if (rowLine) rows++;
      rowLine = false;
    } else if (byte === PIPE || (byte === TAB && format === 'text')) rowLine = true;
  }
  return rowLine ? rows + 1 : rows;
}

/** The rows and cells of every table the parser found. */
export function tableSize(blocks: readonly Block[]): { rows: number; cells: number } {
  let rows = 0;
  let cells = 0;
  for (const block of blocks) {
    if (block.kind !== 'table') continue;
    rows += block.rows.length;
    for (const row of block.rows) cells += row.cells.length;
  }
  return { rows, cells };
}

/** `input/too-many-rows` or `input/too-many-cells` past the limits, else null. */
export function tableLimitError(size: { rows: number; cells?: number }, limits: Limits, filename: string, counted = 'has'): IngestErrorInfo | null {
  if (size.rows > limits.maxTableRows) {
    return {
      code: 'input/too-many-rows',
      message: `${filename} ${counted} ${size.rows} table rows; the limit is ${limits.maxTableRows} per document (--max-rows, REPORTMILL_MAX_ROWS).`,
      permanent: true,
    };
  }
  if (size.cells !== undefined && size.cells > limits.maxTableCells) {
    return {
      code: 'input/too-many-cells',
      message: `${filename} has ${size.cells} table cells; the limit is ${limits.maxTableCells} per document (--max-cells, REPORTMILL_MAX_CELLS).`,
      permanent: true,
    };
  }
  return null;
}
