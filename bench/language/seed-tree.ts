import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import type { DocTree } from '../../src/model/doc-tree.ts';

/**
 * A DocTree of one of the shared seed fixtures, read straight from its clean HTML with cheerio so
 * the language tests and benchmark do not depend on the state of the HTML parser's room.
 */
export const SEED_HTML = {
  kir: '/work/shared/fixtures/ky-socfund-acp-2024q1.html',
  khk: '/work/shared/fixtures/mn-ndg-inspector-2024.html',
} as const;

export function seedTree(path: string): DocTree {
  const $ = load(readFileSync(path, 'utf8'));
  const blocks: DocTree['blocks'] = [];
  $('body')
    .children()
    .each((_, el) => {
      const node = $(el);
      const position = { block: blocks.length };
      if (el.tagName === 'table') {
        const rows = node
          .find('tr')
          .toArray()
          .map((tr) => ({
            position,
            cells: $(tr)
              .children('td,th')
              .toArray()
              .map((td) => {
                const cell = $(td);
                const paragraphs = cell
                  .find('p,li')
                  .toArray()
                  .map((p) => $(p).text().replace(/\s+/gu, ' ').trim())
                  .filter(Boolean);
                return {
                  text: cell.text().replace(/\s+/gu, ' ').trim(),
                  paragraphs,
                  rowSpan: Number(cell.attr('rowspan') ?? 1),
                  colSpan: Number(cell.attr('colspan') ?? 1),
                  position,
                };
              }),
          }));
        blocks.push({ kind: 'table', rows, position });
      } else if (/^h[1-6]$/u.test(el.tagName)) {
        blocks.push({ kind: 'heading', level: Number(el.tagName.slice(1)), text: node.text().replace(/\s+/gu, ' ').trim(), position });
      } else if (el.tagName === 'ul' || el.tagName === 'ol') {
        blocks.push({ kind: 'list', ordered: el.tagName === 'ol', items: node.find('li').toArray().map((li) => $(li).text().trim()), position });
      } else {
        const text = node.text().replace(/\s+/gu, ' ').trim();
        if (text) blocks.push({ kind: 'paragraph', text, position });
      }
    });
  return { format: 'html', metadata: {}, blocks, findings: [] };
}
