import { describe, expect, it } from 'vitest';
import { normalizeTables } from '../../src/tables/index.ts';
import { roleOfLabel } from '../../src/tables/header-lexicon.ts';
import { cellText } from '../../src/tables/work-table.ts';
import { doc, table, type CellSpec } from './doc-builder.ts';

const und = { language: (): string => 'und' };
const texts = (rows: { cells: Parameters<typeof cellText>[0][] }[]): string[][] => rows.map((r) => r.cells.map(cellText));

describe('column roles from headers in any of the report languages', () => {
  it.each([
    ['Стратегиялык максат', 'goal'],
    ['Коррупцияга каршы чара', 'measure'],
    ['Милдеттер', 'task'],
    ['Иш-чара', 'activity'],
    ['Аткаруучу', 'responsible'],
    ['Аткаруу жөнүндө маалымат', 'narrative'],
    ['Зорилтыг хэрэгжүүлэх ага хэмжээ', 'measure'],
    ['Суурь түвшин', 'baseline'],
    ['Эхэлсэн, дууссан хугацаа', 'period'],
    ['Ответственный исполнитель', 'responsible'],
    ['Срок исполнения', 'end'],
    ['Мероприятие', 'activity'],
    ['Expected result', 'expected'],
    ['Status', 'status'],
    ['Something else', 'unknown'],
  ])('%s → %s', (label, role) => expect(roleOfLabel(label)).toBe(role));
});

describe('normalizeTables', () => {
  it('stitches a table continued after a page break, dropping the repeated header', () => {
    const header = ['Цель', 'Мероприятие', 'Исполнитель', 'Статус'];
    const { tables } = normalizeTables(
      doc(
        table([header, ['1. Цель', 'Первое', 'Отдел А', 'выполнено']], { header: 1 }),
        { kind: 'page-break', position: {} },
        table([header, ['', 'Второе', 'Отдел Б', 'в процессе']], { header: 1 }),
      ),
      und,
    );
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.model.roles).toEqual(['goal', 'activity', 'responsible', 'status']);
    expect(texts(t.rows)).toEqual([
      ['1. Цель', 'Первое', 'Отдел А', 'выполнено'],
      ['1. Цель', 'Второе', 'Отдел Б', 'в процессе'],
    ]);
    // The carried goal is one merged cell in the output, not two copies.
    expect(t.output.cells.find((c) => c.text === '1. Цель')).toMatchObject({ row: 1, rowSpan: 2 });
  });

  it('drops a repeated header that a page cut into rows differently, as the parser marked it, and joins the cut row to the row above it', () => {
    const { tables } = normalizeTables(
      doc(
        table(
          [
            ['Стратегиялык максат', 'Иш-чара', 'Аткаруучу', 'Аткаруу жөнүндө маалымат'],
            ['I. Биринчи максат', '1. Биринчи иш', 'Бөлүм', 'Статусу: аткарылды, иш'],
          ],
          { header: 1 },
        ),
        { kind: 'page-break', position: {} },
        // The same header overleaf, its two-line cells read as two rows of their own.
        table(
          [
            ['Стратегиялык', 'Иш-чара', 'Аткаруучу', 'Аткаруу жөнүндө'],
            ['максат', '', '', 'маалымат'],
            ['', '', '', 'улантылды жана бүттү.'],
          ],
          { header: 2, continuesPrevious: true, breaks: [2] },
        ),
      ),
      und,
    );
    expect(tables).toHaveLength(1);
    expect(texts(tables[0]!.rows)).toEqual([['I. Биринчи максат', '1. Биринчи иш', 'Бөлүм', 'Статусу: аткарылды, иш улантылды жана бүттү.']]);
  });

  it('keeps tables apart when prose stands between them', () => {
    const { tables } = normalizeTables(
      doc(table([['Цель', 'Мероприятие'], ['a', 'b']], { header: 1 }), { kind: 'paragraph', text: 'Пояснение к таблице', position: {} }, table([['Цель', 'Мероприятие'], ['c', 'd']], { header: 1 })),
      und,
    );
    expect(tables).toHaveLength(2);
  });

  it('joins a row cut by a page break into one row, and a new numbered row stays new', () => {
    const { tables, findings } = normalizeTables(
      doc(
        table(
          [
            ['Максат', 'Иш-чара', 'Аткаруучу', 'Аткаруу жөнүндө маалымат'],
            ['I. Биринчи максат', '1. Биринчи иш', 'Бөлүм', 'Статусу: аткарылды, иш'],
            ['', '', '', 'улантылды жана бүттү.'],
            ['', '2. Экинчи иш', 'Бөлүм', 'Статусу: аткарылууда'],
          ],
          { breaks: [2, 3] },
        ),
      ),
      und,
    );
    const t = tables[0]!;
    expect(t.rows).toHaveLength(2);
    expect(cellText(t.rows[0]!.cells[3]!)).toBe('Статусу: аткарылды, иш улантылды жана бүттү.');
    expect(t.rows[0]!.stitchedRows).toEqual([1, 2]);
    expect(findings.map((f) => f.code)).toContain('ROW_CONTINUED_ACROSS_PAGE');
  });

  it('joins a row with text in free-text columns alone into the row above, wherever it falls, and keeps a row with a unit of its own', () => {
    const { tables, findings } = normalizeTables(
      doc(
        table([
          ['Максат', 'Иш-чара', 'Аткаруучу', 'Аткаруу жөнүндө маалымат'],
          ['I. Биринчи максат', '1. Биринчи иш', 'Бөлүм', 'Статусу: аткарылды.'],
          ['', '', '', 'Ошондой эле кайрылууга болот.'],
          ['', '', 'Экинчи бөлүм', 'Статусу: аткарылууда'],
        ]),
      ),
      und,
    );
    const t = tables[0]!;
    expect(texts(t.rows).map((r) => r.slice(2))).toEqual([
      ['Бөлүм', 'Статусу: аткарылды. Ошондой эле кайрылууга болот.'],
      ['Экинчи бөлүм', 'Статусу: аткарылууда'],
    ]);
    expect(findings.map((f) => f.code)).toContain('ROW_CONTINUED');
  });

  it('joins a row whose main text column is empty and whose own cells read on into the row above, past a cell spanning both', () => {
    const header = ['Стратегиялык максат', 'Коррупцияга каршы чара', 'Милдеттер', 'Иш-чара', 'Аткаруучу', 'Аткаруу жөнүндө маалымат'];
    const build = (task: string) =>
      normalizeTables(
        doc(
          table(
            [
              header,
              ['I. Максат', { t: 'Кардар багыты', rs: 2 }, 'кызматтарды камсыз кылуу;', '1. Биринчи иш', 'Бөлүм', 'Статусу: аткарылды.'],
              // A paragraph of the task cell and one of the status cell begin on one line.
              ['', task, '', '', 'Калкка кызмат көрсөтүү жакшырды.'],
              ['', '', '', '2. Экинчи иш', 'Бөлүм', 'Статусу: аткарылууда'],
            ],
            { header: 1 },
          ),
        ),
        und,
      );
    const joined = build('пенсияларды автоматташтыруу');
    const t = joined.tables[0]!;
    expect(t.model.roles).toEqual(['goal', 'measure', 'task', 'activity', 'responsible', 'narrative']);
    expect(texts(t.rows).map((r) => r.slice(2, 4))).toEqual([
      ['кызматтарды камсыз кылуу; пенсияларды автоматташтыруу', '1. Биринчи иш'],
      ['кызматтарды камсыз кылуу; пенсияларды автоматташтыруу', '2. Экинчи иш'],
    ]);
    expect(joined.findings.map((f) => f.code)).toContain('ROW_CONTINUED');
    // A task of its own (a capital start) keeps its row.
    expect(build('Экинчи милдет').tables[0]!.rows).toHaveLength(3);
  });

  it('joins a group row cut by a page break into one title when the parser or the text says it runs on, and keeps two group rows otherwise', () => {
    const build = (rest: string, opts: { runsOn?: boolean; pageBreak?: boolean }) => {
      const rows: CellSpec[][] = [
        ['Д/д', 'Арга хэмжээ', 'Шалгуур үзүүлэлт'],
        [{ t: 'ЗОРИЛТ 2. ХУУЛЬ, ТОГТООЛ ШИЙДВЭРИЙГ ХЭРЭГЖҮҮЛЭХ, ХЯНАЛТ', cs: 3 }],
        [{ t: rest, cs: 3 }],
        ['1', 'Арга хэмжээ 1.1', 'Хууль хэрэгжсэн байна'],
      ];
      const block = table(rows, { header: 1, ...(opts.pageBreak === false ? {} : { breaks: [2] }) });
      if (block.kind === 'table' && opts.runsOn) block.rows[2]!.cells[0]!.continuesAbove = true;
      return normalizeTables(doc(block), und).tables[0]!.rows.filter((r) => r.group).map((r) => cellText(r.cells[0]!));
    };
    const whole = ['ЗОРИЛТ 2. ХУУЛЬ, ТОГТООЛ ШИЙДВЭРИЙГ ХЭРЭГЖҮҮЛЭХ, ХЯНАЛТ ТАВИХ ЗОРИЛТЫН ХҮРЭЭНД'];
    expect(build('ТАВИХ ЗОРИЛТЫН ХҮРЭЭНД', { runsOn: true })).toEqual(whole);
    // Capitals going on in capitals right after the page break: the text says so.
    expect(build('ТАВИХ ЗОРИЛТЫН ХҮРЭЭНД', {})).toEqual(whole);
    // A group of its own: a label and number, or two group rows on one page.
    expect(build('ЗОРИЛТ 3. ДОТООД ХЯНАЛТ', {})).toHaveLength(2);
    expect(build('ТАВИХ ЗОРИЛТЫН ХҮРЭЭНД', { pageBreak: false })).toHaveLength(2);
  });

  it('joins the rest of a cell spanning two columns once, not once for each column', () => {
    const { tables } = normalizeTables(
      doc(
        table(
          [
            ['Д/д', 'Арга хэмжээ', 'Суурь түвшин', 'Хүрэх түвшин'],
            ['13', 'Арга хэмжээ 1.13', 'Журам батлагдсан', 'Журам хэрэгжсэн'],
            ['14', 'Арга хэмжээ 1.14', { t: 'Хувь нууцын тухай хууль', cs: 2 }],
            ['', '', { t: 'хэрэгжсэн байна.', cs: 2 }],
            ['15', 'Арга хэмжээ 1.15', 'Тайлан гаргасан', 'Тайлан батлагдсан'],
          ],
          { header: 1, breaks: [3] },
        ),
      ),
      und,
    );
    expect(texts(tables[0]!.rows)[1]).toEqual(['14', 'Арга хэмжээ 1.14', 'Хувь нууцын тухай хууль хэрэгжсэн байна.', 'Хувь нууцын тухай хууль хэрэгжсэн байна.']);
  });

  it('reads a two-level header with a column-number row, and group rows across the table', () => {
    const { tables } = normalizeTables(
      doc(
        table(
          [
            [{ t: 'Д/д', rs: 2 }, { t: 'Арга хэмжээ', rs: 2 }, { t: 'Шалгуур үзүүлэлт', cs: 2 }, { t: 'Хугацаа', rs: 2 }],
            ['Суурь түвшин', 'Хүрэх түвшин'],
            ['1', '2', '3', '4', '5'],
            [{ t: 'Зорилт 1 ТУРШИЛТ', cs: 5, bold: true }],
            ['1', 'Арга хэмжээ нэг', 'суурь', 'хүрэх', '2024.01.01 2024.12.31'],
          ],
          { header: 2 },
        ),
      ),
      und,
    );
    const t = tables[0]!;
    expect(t.model.headerRows).toHaveLength(3);
    expect(t.model.roles).toEqual(['number', 'measure', 'baseline', 'target', 'period']);
    expect(t.rows.map((r) => r.group)).toEqual([true, false]);
    expect(t.output.groupRows).toEqual([3]);
  });

  it('fits OCR-ragged rows of a page-split pipe table by content', () => {
    const { tables } = normalizeTables(
      doc(
        table(
          [
            ['Д/д', 'Арга хэмжээ', 'Суурь түвшин', 'Хүрэх түвшин', 'Хүрсэн түвшин', 'Хугацаа', 'Оноо'],
            ['1', 'Арга хэмжээ нэг', 'суурь', 'хүрэх', 'хүрсэн', '2024.01.01 2024.12.31', '10'],
          ],
          { header: 1 },
        ),
        table(
          [
            ['', '', '', '', '', '', '', '', ''],
            ['2', 'Арга', 'хэмжээ 1.2', 'суурь хоёр', 'суурь хоёр', 'хүрсэн хоёр', 'нэмэлт', '2024.01.01 2024.12.31 1C'],
          ],
          { header: 1 },
        ),
      ),
      und,
    );
    const t = tables[0]!;
    expect(t.model.ragged).toBe(true);
    expect(texts(t.rows)[1]).toEqual(['2', 'Арга хэмжээ 1.2', 'суурь хоёр', 'хүрсэн хоёр', 'нэмэлт', '2024.01.01 2024.12.31', '1C']);
    expect(t.misfits).toHaveLength(1);
  });
});

describe('rows that do not fit the header', () => {
  it('keeps cells past the header and reports the row', () => {
    const { tables } = normalizeTables(
      doc(table([['Иш-чара', 'Аткаруучу'], ['Биринчи', 'Бөлүм', 'ашыкча'], ['Экинчи']], { header: 1 })),
      und,
    );
    const t = tables[0]!;
    expect(texts(t.rows)).toEqual([
      ['Биринчи', 'Бөлүм', 'ашыкча'],
      ['Экинчи', '', ''],
    ]);
    expect(t.misfits.map((m) => m.row)).toEqual([0]);
  });
});

describe('tables without a readable header', () => {
  it('takes roles from content: row numbers, the measure text, dates, scores', () => {
    const { tables } = normalizeTables(
      doc(
        table([
          ['1', 'Мамлекеттик кызматтарды санариптештирүү боюнча иш-чаралар', '2024.01.01 2024.12.31', '10'],
          ['2', 'Кызматкерлердин квалификациясын жогорулатуу курстары', '2024.03.01 2024.06.30', '8'],
          ['3', 'Коррупцияга каршы экспертиза жүргүзүү жана отчет берүү', '2024.01.01 2024.12.31', '9'],
        ]),
      ),
      und,
    );
    expect(tables[0]!.model.roles).toEqual(['number', 'activity', 'period', 'score']);
  });

  it('leaves a statistical table without measure columns', () => {
    const { tables } = normalizeTables(doc(table([['Country', '2001', '2002'], ['Belgium', '12.5', '13.1'], ['France', '10.2', '11.7']])), und);
    expect(tables[0]!.model.roles.filter((r) => r === 'activity')).toEqual([]);
  });
});

describe('cellText', () => {
  it('follows a cell whose paragraphs change after its text was asked for', () => {
    const cell = { paragraphs: ['Иш-чара  1'], bold: false, header: false, position: {} };
    expect(cellText(cell)).toBe('Иш-чара 1');
    cell.paragraphs.push('аткарылды');
    expect(cellText(cell)).toBe('Иш-чара 1 аткарылды');
    cell.paragraphs[0] = 'Иш-чара 2';
    expect(cellText(cell)).toBe('Иш-чара 2 аткарылды');
    cell.paragraphs = [];
    expect(cellText(cell)).toBe('');
  });
});
