import { describe, expect, it } from 'vitest';
import { buildDocx, para, run, text } from './support/docx-builder.ts';
import { fixture, readDocx, refusal } from './support/parse.ts';
import { writeZip } from './support/zip-writer.ts';

const small = (): Uint8Array => buildDocx({ body: text('A normal report.') });

describe('zip bombs', () => {
  it('refuses an entry whose declared compression ratio is a bomb, before inflating it', async () => {
    const error = await refusal(fixture('zip-bomb.docx'));
    expect(error).toMatchObject({ code: 'docx/zip-bomb', permanent: true });
    expect(error.message).toMatch(/word\/media\/padding\.bin.*ratio/);
  });

  it('stops inflating an entry that grows past the size its header declares', async () => {
    const error = await refusal(fixture('zip-bomb-lying-header.docx'));
    expect(error.code).toBe('docx/zip-bomb');
    expect(error.message).toMatch(/word\/document\.xml.*2000 bytes/);
  });

  it('enforces the per-entry, total and entry-count limits from the central directory', async () => {
    expect((await refusal(small(), { maxEntryBytes: 500 })).code).toBe('docx/zip-bomb');
    expect((await refusal(small(), { maxTotalUncompressedBytes: 1500 })).code).toBe('docx/zip-bomb');
    expect((await refusal(small(), { maxEntries: 3 })).code).toBe('docx/zip-bomb');
    await expect(readDocx(small())).resolves.toMatchObject({ format: 'docx' });
  });

  it('lets a small, highly compressible part through (ratio is only judged above 1 MiB)', async () => {
    const doc = await readDocx(buildDocx({ body: para(run(`${'='.repeat(200_000)} end`)) }));
    expect(doc.blocks).toHaveLength(1);
  });

  it('refuses an input over maxInputBytes', async () => {
    expect((await refusal(small(), { maxInputBytes: 100 })).code).toBe('docx/too-large');
  });
});

describe('damaged and foreign files', () => {
  it('refuses a truncated ZIP as corrupt', async () => {
    expect(await refusal(fixture('corrupt-zip.docx'))).toMatchObject({ code: 'docx/corrupt', permanent: true });
  });

  it('refuses a file that is not a ZIP at all', async () => {
    expect((await refusal(fixture('not-a-zip.docx'))).code).toBe('docx/corrupt');
    expect((await refusal(new Uint8Array(0))).code).toBe('docx/corrupt');
  });

  it('refuses an entry whose CRC does not match', async () => {
    const bytes = buildDocx({ body: text('checksum'), entryOptions: { 'word/document.xml': { method: 'store' } } });
    const at = Buffer.from(bytes).indexOf('checksum');
    bytes[at] = 'C'.charCodeAt(0);
    expect((await refusal(bytes)).code).toBe('docx/corrupt');
  });

  it('refuses two entries with the same part name', async () => {
    const bytes = buildDocx({ body: text('one'), extra: [{ name: 'WORD/document.xml', data: '<x/>' }] });
    expect((await refusal(bytes)).code).toBe('docx/corrupt');
  });

  it('refuses malformed main XML as corrupt', async () => {
    const bytes = buildDocx({ body: '', documentXml: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>' });
    expect((await refusal(bytes)).code).toBe('docx/corrupt');
  });

  it('names a missing main part', async () => {
    const error = await refusal(fixture('missing-main-part.docx'));
    expect(error.code).toBe('docx/missing-main-part');
    expect(error.message).toMatch(/word\/document\.xml/);
  });

  it('finds the main part through _rels/.rels even when it is not word/document.xml', async () => {
    // A package whose main part is not at Word's usual name: the relationship says where it is.
    const entries = [
      { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>' },
      {
        name: '_rels/.rels',
        data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/content/main.xml"/></Relationships>',
      },
      {
        name: 'content/main.xml',
        data: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Elsewhere</w:t></w:r></w:p></w:body></w:document>',
      },
    ];
    const doc = await readDocx(writeZip(entries));
    expect(doc.blocks).toEqual([expect.objectContaining({ kind: 'paragraph', text: 'Elsewhere' })]);
  });

  it('says so when the package is a spreadsheet, not a Word document', async () => {
    const xlsx = writeZip([
      {
        name: '[Content_Types].xml',
        data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      },
      {
        name: '_rels/.rels',
        data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
    ]);
    const error = await refusal(xlsx);
    expect(error.code).toBe('docx/missing-main-part');
    expect(error.message).toMatch(/not a Word document.*spreadsheetml/);
  });

  it('reads the document when styles.xml is damaged, with a warning', async () => {
    const doc = await readDocx(buildDocx({ body: text('Still here'), entryOptions: { 'word/styles.xml': { data: '<w:styles' } } }));
    expect(doc.blocks).toEqual([expect.objectContaining({ text: 'Still here' })]);
    expect(doc.findings).toEqual([expect.objectContaining({ code: 'docx/unreadable-part', severity: 'warning', location: { path: 'word/styles.xml' } })]);
  });
});

describe('legacy and protected Word files', () => {
  it('refuses an OLE2 .doc and says to convert it to .docx', async () => {
    const error = await refusal(fixture('ole2-binary.doc'));
    expect(error.code).toBe('docx/unsupported-doc');
    expect(error.message).toMatch(/convert it to \.docx/i);
  });

  it('recognises an encrypted package inside an OLE2 file', async () => {
    const error = await refusal(fixture('encrypted.docx'));
    expect(error.code).toBe('docx/encrypted');
    expect(error.message).toMatch(/password/);
  });

  it('refuses ZIP entries flagged as encrypted', async () => {
    const bytes = buildDocx({ body: text('secret'), entryOptions: { 'word/document.xml': { encryptedFlag: true } } });
    expect((await refusal(bytes)).code).toBe('docx/encrypted');
  });
});

describe('XML external entities and DTDs', () => {
  it('refuses a document part that declares a DTD (XXE attempt)', async () => {
    const error = await refusal(fixture('xxe-attempt.docx'));
    expect(error.code).toBe('docx/xxe-rejected');
    expect(error.message).not.toMatch(/root:/); // nothing from /etc/passwd, obviously
  });

  it('refuses a DTD in any part, including the optional ones', async () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
      '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:styleId="&lol2;"/></w:styles>';
    const bytes = buildDocx({ body: text('x'), entryOptions: { 'word/styles.xml': { data: bomb } } });
    expect((await refusal(bytes)).code).toBe('docx/xxe-rejected');
  });

  it('never expands an entity that has no DTD behind it', async () => {
    const bytes = buildDocx({
      body: '',
      documentXml: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>',
    });
    expect((await refusal(bytes)).code).toBe('docx/corrupt');
  });
});
