import type { Block, DocTree } from '../../src/model/doc-tree.ts';
import { detectLanguage, type LanguageGuess } from '../../src/language/detect.ts';

function blockText(block: Block): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return block.text;
    case 'list':
      return block.items.join('\n');
    case 'table':
      return block.rows.flatMap((r) => r.cells.map((c) => c.text)).join('\n');
    case 'page-break':
      return '';
  }
}

/**
 * Annotates the document, every block and every table cell with a language. The document language
 * comes from all its text and is passed to cells only as a prior for when their own evidence is weak.
 */
export function annotateLanguages(doc: DocTree): LanguageGuess {
  const all = doc.blocks.map(blockText).join('\n').slice(0, 200_000);
  const document = detectLanguage(all);
  const prior = document.code === 'und' ? {} : { prior: document.code };
  for (const block of doc.blocks) {
    const text = blockText(block);
    if (block.kind === 'page-break') continue;
    block.language = detectLanguage(text, prior).code;
    if (block.kind === 'table') {
      for (const row of block.rows) for (const cell of row.cells) cell.language = detectLanguage(cell.text, prior).code;
    }
  }
  return document;
}
