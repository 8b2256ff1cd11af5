import { describe, expect, it } from 'vitest';
import type { DocTree, TableBlock } from '../../src/model/doc-tree.ts';
import { parseHtml } from '../../src/parse/html/index.ts';
import { parseMarkdown } from '../../src/parse/markdown/index.ts';
import type { Parser } from '../../src/parse/parser.ts';
import { parseText } from '../../src/parse/text/index.ts';
import { DEFAULT_LIMITS } from '../../src/sniff/limits.ts';

async function parse(parser: Parser, source: string): Promise<DocTree> {
  const outcome = await parser({ bytes: new TextEncoder().encode(source), filename: 'x', limits: DEFAULT_LIMITS });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.doc;
}
const tables = (doc: DocTree): TableBlock[] => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const grid = (t: TableBlock): string[][] => t.rows.map((r) => r.cells.map((c) => `${c.text}${c.rowSpan > 1 ? `↓${c.rowSpan}` : ''}${c.colSpan > 1 ? `→${c.colSpan}` : ''}`));

describe('HTML', () => {
  it('keeps spans, th/thead as header, paragraphs and lists inside cells, nested tables as text', async () => {
    const doc = await parse(
      parseHtml,
      `<html lang="ky"><head><title>Отчет</title></head><body>
       <p><b>Маалымат</b></p>
       <table><thead><tr><th rowspan="2">Максат</th><th colspan="2">Көрсөткүч</th></tr><tr><th>Базалык</th><th>Максаттуу</th></tr></thead>
       <tbody><tr><td><p>I. Биринчи</p><ul><li>- a</li><li>- b</li></ul></td><td>1<br>2</td><td><table><tr><td>ички</td></tr></table></td></tr></tbody></table>
       </body></html>`,
    );
    expect(doc.metadata).toEqual({ title: 'Отчет', declaredLanguage: 'ky' });
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: 'Маалымат', bold: true });
    const [t] = tables(doc);
    expect(grid(t!)).toEqual([['Максат↓2', 'Көрсөткүч→2'], ['Базалык', 'Максаттуу'], ['I. Биринчи - a - b', '1 2', 'ички']]);
    expect(t!.rows.map((r) => r.header ?? false)).toEqual([true, true, false]);
    expect(t!.rows[2]!.cells[0]!.paragraphs).toEqual(['I. Биринчи', '- a', '- b']);
    expect(t!.rows[2]!.cells[0]!.position.line).toBe(4);
  });
});

describe('Markdown', () => {
  it('reads pipe tables, keeps cells beyond the header that GFM would drop, and raw HTML tables', async () => {
    const doc = await parse(
      parseMarkdown,
      ['# Тайлан', '', '| Д/д | Арга хэмжээ |', '|---|---|', '| 1 | нэг | илүү |', '', '<table><tr><td rowspan="2">A</td><td>B</td></tr><tr><td>C</td></tr></table>', ''].join('\n'),
    );
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1, text: 'Тайлан' });
    const [pipe, html] = tables(doc);
    expect(grid(pipe!)).toEqual([['Д/д', 'Арга хэмжээ'], ['1', 'нэг', 'илүү']]);
    expect(grid(html!)).toEqual([['A↓2', 'B'], ['C']]);
    expect(html!.rows[0]!.position.line).toBe(7);
  });
});

describe('tab-separated text', () => {
  it('reads rows with inline HTML, marks page breaks, right-aligns short rows, and reads prose as Markdown', async () => {
    const doc = await parse(
      parseText,
      ['**Маалымат**', '', 'Максат\tЧара\tАткаруучу', '<b>I. Бир</b>\t<p>1. чара</p><p>экинчи абзац</p>\tБөлүм', '', '--\t--\t--', 'уландысы\tБөлүм 2', '', 'Кыскартуулар'].join('\n'),
    );
    expect(doc.format).toBe('text');
    const [t] = tables(doc);
    expect(grid(t!)).toEqual([['Максат', 'Чара', 'Аткаруучу'], ['I. Бир', '1. чара экинчи абзац', 'Бөлүм'], ['', 'уландысы', 'Бөлүм 2']]);
    expect(t!.rows[1]!.cells[0]!.bold).toBe(true);
    expect(t!.rows[1]!.cells[1]!.paragraphs).toEqual(['1. чара', 'экинчи абзац']);
    expect(t!.rows.map((r) => r.pageBreakBefore ?? false)).toEqual([false, false, true]);
    expect(doc.findings.map((f) => f.code)).toEqual(['TEXT_ROW_RIGHT_ALIGNED']);
    expect(doc.blocks.at(-1)).toMatchObject({ kind: 'paragraph', text: 'Кыскартуулар', position: { line: 9 } });
  });
});
