import { describe, expect, it } from 'vitest';
import { bold, buildDocx, cell, para, row, run, table, text } from './support/docx-builder.ts';
import { tablesOf } from '../support/doc-grid.ts';
import { fixture, readDocx } from './support/parse.ts';

const texts = (blocks: readonly { kind: string }[]): string[] =>
  blocks.map((b) => ('text' in b && typeof b.text === 'string' ? b.text : b.kind));

describe('tracked changes, fields and hyperlinks (17.13.5, 17.16)', () => {
  it('reads the accepted text', async () => {
    const doc = await readDocx(fixture('tracked-change.docx'));
    expect(texts(doc.blocks)).toEqual([
      'Budget: 2 000 сом', // w:del dropped, w:ins kept
      'Moved here. Stays.', // w:moveTo kept, w:moveFrom dropped
      'First half, second half.', // deleted paragraph mark joins the paragraphs
      'Link: example.org#part', // complex field: result only, never the HYPERLINK instruction
      'Page 3, see the report', // fldSimple and hyperlink text; hidden (w:vanish) run left out
      'Result of IF', // nested field inside a field's code stays hidden
      'table',
      'Tail still read.', // an unclosed field does not swallow the rest
    ]);
  });

  it('drops a deleted table row and keeps an inserted one', async () => {
    const doc = await readDocx(fixture('tracked-change.docx'));
    const [t] = tablesOf(doc.blocks);
    expect(t?.rows.map((r) => r.cells.map((c) => c.text))).toEqual([['Measure', 'Status'], ['New measure', 'done']]);
  });

  it('reports that tracked changes were accepted', async () => {
    const doc = await readDocx(fixture('tracked-change.docx'));
    expect(doc.findings).toEqual([expect.objectContaining({ code: 'docx/tracked-changes', severity: 'info' })]);
  });
});

describe('body blocks', () => {
  it('reads headings, lists, title-like paragraphs and page breaks in order', async () => {
    const doc = await readDocx(fixture('body-blocks.docx'));
    expect(doc.blocks.map(({ position, ...b }) => b)).toEqual([
      { kind: 'paragraph', text: 'REPORT ON THE ACTION PLAN 2024', bold: true, lines: ['REPORT', 'ON THE ACTION PLAN', '2024'] },
      { kind: 'heading', level: 1, text: 'Introduction' },
      { kind: 'heading', level: 2, text: 'A custom outline-level style' },
      { kind: 'heading', level: 3, text: '1. Numbered heading' },
      { kind: 'paragraph', text: 'Status: done' },
      { kind: 'list', ordered: false, items: ['First bullet', 'Second bullet'] },
      { kind: 'list', ordered: true, items: ['Ordered one', 'Nested a', 'Ordered two'] },
      { kind: 'paragraph', text: 'Before the break' },
      { kind: 'page-break' },
      { kind: 'paragraph', text: 'after the break' },
      { kind: 'page-break' }, // w:pageBreakBefore
      { kind: 'paragraph', text: 'Starts on a new page' },
      { kind: 'paragraph', text: 'Ends a section' },
      { kind: 'page-break' }, // section break of type nextPage; the continuous one gives none
      { kind: 'paragraph', text: 'Next section (continuous)' },
      { kind: 'paragraph', text: 'Last paragraph' },
    ]);
  });

  it('numbers blocks in order and cites the source paragraph', async () => {
    const doc = await readDocx(fixture('body-blocks.docx'));
    expect(doc.blocks.map((b) => b.position.block)).toEqual(doc.blocks.map((_, i) => i));
    // The empty paragraph (ordinal 10) makes no block but still counts.
    expect(doc.blocks.slice(6, 10).map((b) => b.position.paragraph)).toEqual([7, 11, 11, 11]);
  });

  it('takes title and language from the core properties', async () => {
    const doc = await readDocx(fixture('body-blocks.docx'));
    expect(doc.metadata).toEqual({ title: 'Annual report 2024', declaredLanguage: 'ky-KG' });
  });

  it('falls back to the default run language of styles.xml', async () => {
    const doc = await readDocx(buildDocx({ body: text('Текст'), defaultLanguage: 'mn-MN' }));
    expect(doc.metadata.declaredLanguage).toBe('mn-MN');
  });

  it('resolves bold through paragraph and character styles', async () => {
    const doc = await readDocx(
      buildDocx({
        styles:
          '<w:style w:type="paragraph" w:styleId="TableHeading"><w:name w:val="Table Heading"/><w:rPr><w:b/></w:rPr></w:style>' +
          '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>',
        body:
          text('Bold by paragraph style', '<w:pStyle w:val="TableHeading"/>') +
          para(run('Bold by character style', '<w:rStyle w:val="Strong"/>')) +
          para(run('Not bold: direct formatting wins', '<w:b w:val="0"/>'), '<w:pStyle w:val="TableHeading"/>'),
      }),
    );
    expect(doc.blocks.map((b) => b.kind === 'paragraph' && b.bold === true)).toEqual([true, true, false]);
  });
});

describe('other WordprocessingML producers', () => {
  it('reads Strict OOXML namespaces and other prefixes', async () => {
    const documentXml =
      '<?xml version="1.0" encoding="UTF-8"?><x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main">' +
      '<x:body><x:p><x:r><x:t>Strict text</x:t></x:r></x:p></x:body></x:document>';
    const doc = await readDocx(buildDocx({ body: '', documentXml }));
    expect(texts(doc.blocks)).toEqual(['Strict text']);
  });

  it('reads a UTF-16 document part', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Юникод</w:t></w:r></w:p></w:body></w:document>';
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(xml, 'utf16le')]);
    const doc = await readDocx(buildDocx({ body: '', entryOptions: { 'word/document.xml': { data: utf16 } } }));
    expect(texts(doc.blocks)).toEqual(['Юникод']);
  });

  it('reads content controls, text boxes once, and skips symbol glyphs and instruction text', async () => {
    const textbox =
      '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>' +
      text('In the text box') +
      '</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>' +
      text('In the text box') +
      '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>';
    const doc = await readDocx(
      buildDocx({
        body:
          '<w:sdt><w:sdtPr><w:alias w:val="Title"/></w:sdtPr><w:sdtContent>' + text('Inside a content control') + '</w:sdtContent></w:sdt>' +
          para(run('Anchor ') + textbox + '<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>' + run('end')),
      }),
    );
    expect(texts(doc.blocks)).toEqual(['Inside a content control', 'Anchor end', 'In the text box']);
  });

  it('reads a table cell whose paragraphs carry hyperlinks and breaks like the body', async () => {
    const doc = await readDocx(
      buildDocx({
        body: table([3000], [row([cell(para(`<w:hyperlink r:id="rId3">${run('https://example.org/report')}</w:hyperlink>` + run('\nsecond line') + bold('')))])]),
      }),
    );
    expect(tablesOf(doc.blocks)[0]?.rows[0]?.cells[0]?.paragraphs).toEqual(['https://example.org/report', 'second line']);
  });
});
