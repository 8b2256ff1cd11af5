import { describe, expect, it } from 'vitest';
import { SEED_HTML, seedTree } from '../../bench/language/seed-tree.ts';
import { annotateLanguages } from '../../src/language/annotate-languages.ts';
import type { DocCell, DocTree } from '../../src/model/doc-tree.ts';

function cellsOf(doc: DocTree): DocCell[] {
  return doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells) : []));
}

function share(cells: DocCell[], code: string): number {
  const decided = cells.filter((c) => c.language !== 'und');
  return decided.filter((c) => c.language === code).length / decided.length;
}

describe('seed reports', () => {
  it('Kyrgyz report: document kir, table cells kir, every cell and block annotated', () => {
    const doc = seedTree(SEED_HTML.kir);
    const result = annotateLanguages(doc);
    expect(result.document.code).toBe('kir');
    const cells = cellsOf(doc);
    expect(cells.length).toBeGreaterThan(50);
    for (const cell of cells) expect(cell.language).toMatch(/^[a-z]{3}$/u);
    expect(share(cells, 'kir')).toBeGreaterThanOrEqual(0.95);
    for (const block of doc.blocks) if (block.kind !== 'page-break') expect(block.language).toMatch(/^[a-z]{3}$/u);
    expect(result.blocks.length).toBe(doc.blocks.filter((b) => b.kind !== 'page-break').length);
  });

  it('Mongolian report: document khk, worded cells khk, numbers and dates und', () => {
    const doc = seedTree(SEED_HTML.khk);
    expect(annotateLanguages(doc).document.code).toBe('khk');
    const cells = cellsOf(doc);
    expect(share(cells, 'khk')).toBeGreaterThanOrEqual(0.95);
    const dates = cells.filter((c) => /^[\d.,\s]+$/u.test(c.text));
    expect(dates.length).toBeGreaterThan(5);
    for (const cell of dates) expect(cell.language).toBe('und');
  });

  it('a clearly Russian cell in a Kyrgyz report stays rus, and the report records it', () => {
    const doc = seedTree(SEED_HTML.kir);
    const table = doc.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('seed has a table');
    const russian = 'Постановлением утверждены план мероприятий и бюджет программы';
    const firstRow = table.rows[1];
    if (!firstRow) throw new Error('seed table has rows');
    firstRow.cells.push({ text: russian, paragraphs: [russian], rowSpan: 1, colSpan: 1, position: {} });
    const result = annotateLanguages(doc);
    expect(result.document.code).toBe('kir');
    expect(firstRow.cells.at(-1)?.language).toBe('rus');
    const tableRecord = result.blocks.find((b) => b.kind === 'table');
    expect(tableRecord?.cells?.['rus']).toBeGreaterThanOrEqual(1);
    expect(tableRecord?.code).toBe('kir');
  });

  it('weighs the document vote by letters, not by block count, and reports the shares', () => {
    const para = (text: string) => ({ kind: 'paragraph' as const, text, position: {} });
    const doc: DocTree = {
      format: 'text',
      metadata: {},
      findings: [],
      blocks: [
        para('Жогорку Кеңеш'),
        para('Өкмөттүн жыйыны'),
        para('Бүгүн жыйын болот'),
        para(
          'Госорганы и органы местного самоуправления обязаны ежеквартально отчитываться в министерство, а министерство по итогам полугодия будет направлять сводные данные в Администрацию президента.',
        ),
      ],
    };
    const result = annotateLanguages(doc);
    expect(result.document.code).toBe('rus');
    expect(result.document.script).toBe('Cyrl');
    expect(result.shares.map((s) => s.code)).toEqual(['rus', 'kir']);
    expect(result.shares.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 2);
    expect(doc.blocks.map((b) => b.language)).toEqual(['kir', 'kir', 'kir', 'rus']);
  });

  it('a short status word takes the document language', () => {
    const doc: DocTree = {
      format: 'text',
      metadata: {},
      findings: [],
      blocks: [
        { kind: 'paragraph', text: 'Кыргыз Республикасынын Социалдык фондунун 2024-жылдын I чейрегиндеги отчету', position: {} },
        {
          kind: 'table',
          position: {},
          rows: [{ position: {}, cells: [{ text: 'Аткарылды', paragraphs: ['Аткарылды'], rowSpan: 1, colSpan: 1, position: {} }] }],
        },
      ],
    };
    annotateLanguages(doc);
    const table = doc.blocks[1];
    expect(table?.kind === 'table' ? table.rows[0]?.cells[0]?.language : undefined).toBe('kir');
  });
});
