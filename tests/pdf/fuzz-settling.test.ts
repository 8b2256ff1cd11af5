import { describe, expect, it } from 'vitest';
import type { DocTree } from '../../src/model/doc-tree.ts';
import { goldenDiff } from './support/golden-diff.ts';
import { forgivenSpaces, settleIndistinguishable, unsettledPairs, type IndistinguishableJoin, type JoinProbe } from './support/indistinguishable-joins.ts';

/**
 * How the layout fuzzing settles the line breaks its probe finds indistinguishable, without a
 * browser: which pairs of words it may rewrite by their text, and which spaces it forgives.
 */
let at = 0;
/** A break between `left` and `right`, inside a word or at a space, in a cell of its own. */
function brk(left: string, right: string, midWord: boolean): IndistinguishableJoin {
  at += 1;
  const end = left.length - 1;
  return { left, right, overrun: 1, at: { cell: at, node: 0, end, start: end + (midWord ? 1 : 2) } };
}

const projection = (goal: string, cell: string, span?: { start: number; end: number }) => ({
  language: 'kir',
  goals: [{ id: 'g1', number: null, title: goal }],
  measures: span ? [{ text: cell, quantities: [{ value: 1, span, place: { kind: 'cell', table: 0, row: 0, col: 0 } }] }] : [],
  tables: [{ headerRows: 0, columns: 1, rows: 1, roles: [], groupRows: [], cells: [[0, 0, 1, 1, cell]] }],
});

describe('unsettledPairs', () => {
  it('leaves a pair broken inside a word in one cell and at a space in another', () => {
    const joins = [brk('сервистүүлүгү', 'н', true), brk('сервистүүлүгү', 'н', false), brk('Республикасыны', 'н', true)];
    expect([...unsettledPairs(joins)]).toEqual(['сервистүүлүгү|н']);
  });

  it('leaves a pair the source also has the other way, where a rewrite of the text would reach', () => {
    const source = 'кызматтардын сервистүүлүгү н камсыз кылуу; кызматтардын сервистүүлүгүн камсыз кылуу';
    expect([...unsettledPairs([brk('сервистүүлүгү', 'н', true)], source)]).toEqual(['сервистүүлүгү|н']);
    // Only whole words count: «…гү н» inside a longer run of letters is another pair.
    expect([...unsettledPairs([brk('сервистүүлүгү', 'н', true)], 'сервистүүлүгү нын')]).toEqual([]);
    expect([...unsettledPairs([brk('камсыз', 'кылуу', false)], source)]).toEqual([]);
  });
});

describe('settleIndistinguishable', () => {
  const doc = (texts: string[]): DocTree =>
    ({
      blocks: [{ kind: 'table', columns: 1, position: { page: 1 }, rows: texts.map((text, row) => ({ page: 1, position: { page: 1, row }, cells: [{ text, paragraphs: [text], rowSpan: 1, colSpan: 1, col: 0, position: { page: 1, row, col: 0 } }] })) }],
    }) as unknown as DocTree;
  const texts = (d: DocTree): string[] => d.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => r.cells[0]?.text ?? '') : []));

  it('rewrites a settled pair by its text, and leaves an unsettled one as the reader read it', () => {
    const joins = [brk('автоматташтыр', 'уу', true), brk('сервистүүлүгү', 'н', true)];
    const read = doc(['автоматташтыр уу аркылуу', 'сервистүүлүгү н камсыз кылуу']);
    settleIndistinguishable(joins, unsettledPairs(joins, 'сервистүүлүгү н камсыз кылуу'))(read);
    expect(texts(read)).toEqual(['автоматташтыруу аркылуу', 'сервистүүлүгү н камсыз кылуу']);
    const again = doc(['сервистүүлүгү н камсыз кылуу']);
    settleIndistinguishable(joins)(again);
    expect(texts(again)).toEqual(['сервистүүлүгүн камсыз кылуу']);
  });
});

describe('forgivenSpaces and goldenDiff', () => {
  const probe = (decidable: IndistinguishableJoin[] = []): JoinProbe => ({ joins: [], decidable });

  it('compares a forgiven pair equal with or without its space, offsets included, and nothing else', () => {
    const forgiven = forgivenSpaces(new Set(['сервистүүлүгү|н']), probe());
    const got = projection('кызматтардын сервистүүлүгүн камсыз кылуу', 'сервистүүлүгүн 5 адам', { start: 15, end: 21 });
    const want = projection('кызматтардын сервистүүлүгү н камсыз кылуу', 'сервистүүлүгү н 5 адам', { start: 16, end: 22 });
    expect(goldenDiff(got, want, 40, forgiven)).toEqual([]);
    expect(goldenDiff(got, want).length).toBeGreaterThan(0);
    const other = projection('кызматтардын сервистүүлүгүнкамсыз кылуу', 'сервистүүлүгүн 5 адам', { start: 15, end: 21 });
    expect(goldenDiff(other, want, 40, forgiven)).toEqual([expect.stringMatching(/^goals: /)]);
  });

  it('forgives nothing for a pair that also breaks decidably', () => {
    expect(forgivenSpaces(new Set(['сервистүүлүгү|н']), probe([brk('сервистүүлүгү', 'н', false)]))).toEqual([]);
  });
});
