import type { Block, DocTree } from '../../model/doc-tree.ts';
import type { Finding } from '../../model/finding.ts';
import { decodeText } from '../../sniff/decode-text.ts';
import { readMarkdownBlocks } from '../markdown/markdown-reader.ts';
import type { Parser } from '../parser.ts';
import { isPageMarker, readTabTable, type TabLine } from './tab-table-reader.ts';

function isTabRow(text: string): boolean {
  return (text.match(/\t/g) ?? []).length >= 1;
}

/**
 * Plain-text exports: tables as tab-separated lines (cells may hold inline HTML), everything else
 * as light Markdown (`**bold**`, `- ` bullets, hard line breaks), which is what such exports contain.
 * A table run goes on across blank lines and `--` page markers until a line of prose appears.
 */
export const parseText: Parser = async ({ bytes }) => {
  const { text, encoding } = decodeText(bytes);
  const lines = text.split(/\r?\n/);
  const blocks: Block[] = [];
  const findings: Finding[] = [];
  const state = { tables: 0 };
  let prose: TabLine[] = [];
  let table: TabLine[] = [];

  const flushProse = (): void => {
    if (prose.length === 0) return;
    const first = prose[0]?.line ?? 1;
    blocks.push(...readMarkdownBlocks(prose.map((l) => l.text).join('\n'), first - 1, state));
    prose = [];
  };
  const flushTable = (): void => {
    if (table.length === 0) return;
    blocks.push(readTabTable(table, state.tables++, findings));
    table = [];
  };

  lines.forEach((raw, i) => {
    const entry = { line: i + 1, text: raw };
    if (isTabRow(raw)) {
      flushProse();
      table.push(entry);
    } else if (table.length > 0 && (raw.trim() === '' || isPageMarker(raw))) {
      table.push(entry);
    } else {
      if (table.length > 0) {
        // Blank lines at the end of a run belong to the prose after it, not to the table.
        while (table.length > 0 && (table.at(-1)?.text.trim() ?? '') === '') table.pop();
        flushTable();
      }
      prose.push(entry);
    }
  });
  flushTable();
  flushProse();
  const doc: DocTree = { format: 'text', metadata: {}, blocks, findings };
  if (encoding !== 'utf-8') doc.findings.push({ code: 'TEXT_LEGACY_ENCODING', severity: 'info', message: `Decoded as ${encoding}.`, location: {} });
  return { ok: true, doc };
};
