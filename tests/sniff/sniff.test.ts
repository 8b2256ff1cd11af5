import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/sniff/decode-text.ts';
import { sniffFormat } from '../../src/sniff/sniff.ts';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sniffFormat decides from bytes', () => {
  it.each([
    ['%PDF-1.7\n…', 'x.txt', 'pdf'],
    ['<!DOCTYPE html><html><body><p>x</p></body></html>', 'report.txt', 'html'],
    ['| a | b |\n|---|---|\n| 1 | 2 |\n', 'report.txt', 'markdown'],
    ['Goal\tMeasure\tStatus\nG1\tM1\tdone\n', 'report.md', 'text'],
    ['**Title**\n\nSome text.\n', 'notes', 'markdown'],
    ['Plain words only.\n', 'notes.txt', 'text'],
  ])('%j named %s is %s', (content, name, format) => {
    expect(sniffFormat(bytes(content), name)).toEqual({ kind: 'supported', format });
  });

  it('reads a ZIP as a DOCX candidate and an OLE2 file as DOCX (the DOCX reader refuses .doc with its own code)', () => {
    expect(sniffFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'a.pdf')).toEqual({ kind: 'supported', format: 'docx' });
    expect(sniffFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'a.doc')).toEqual({ kind: 'supported', format: 'docx' });
  });

  it('names OpenDocument and RTF files, which are not read, and says how to convert them', () => {
    const local = (name: string, content: string): Uint8Array => {
      const header = new Uint8Array(30);
      header.set([0x50, 0x4b, 0x03, 0x04]);
      header[26] = name.length;
      return new Uint8Array([...header, ...bytes(name), ...bytes(content)]);
    };
    for (const kind of ['text', 'spreadsheet']) {
      const odf = sniffFormat(local('mimetype', `application/vnd.oasis.opendocument.${kind}`), 'plan.odt');
      expect(odf).toMatchObject({ kind: 'unsupported', code: 'input/unsupported-format', message: expect.stringContaining(`opendocument.${kind}`) });
      expect(odf.kind === 'unsupported' && odf.message).toContain('--convert-to docx');
    }
    expect(sniffFormat(local('word/document.xml', '<w:document/>'), 'plan.docx')).toEqual({ kind: 'supported', format: 'docx' });
    expect(sniffFormat(bytes('{\\rtf1\\ansi Report}'), 'plan.rtf')).toMatchObject({ kind: 'unsupported', code: 'input/unsupported-format', message: expect.stringContaining('RTF') });
  });

  it('refuses empty input, binary garbage and source files with codes', () => {
    expect(sniffFormat(new Uint8Array(), 'a.pdf')).toMatchObject({ kind: 'unsupported', code: 'input/empty' });
    const garbage = new Uint8Array(512).map((_, i) => (i * 37) % 31);
    expect(sniffFormat(garbage, 'a.bin')).toMatchObject({ kind: 'unsupported', code: 'input/unsupported-format' });
    expect(sniffFormat(bytes('print("x")\n'), 'build.py')).toMatchObject({ kind: 'unsupported', code: 'input/unsupported-format' });
  });

  // Random bytes (seeded) rather than one hand-made sample: whatever the noise, the name decides.
  const noise = (seed: number, length = 2048): Uint8Array => {
    let state = seed;
    return new Uint8Array(length).map(() => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state >>> 16;
    });
  };

  it.each([
    ['scan.pdf', 'PDF'],
    ['plan.DOCX', 'a Word document'],
    ['old.doc', 'a Word document'],
    ['notes.md', 'Markdown'],
    ['page.htm', 'HTML'],
    ['page.html', 'HTML'],
    ['export.txt', 'text'],
    ['export.tsv', 'text'],
    ['export.csv', 'text'],
  ])('binary content named %s is a format mismatch that says the name claims %s', (name, claim) => {
    for (const seed of [1, 2, 3]) {
      const result = sniffFormat(noise(seed), name);
      expect(result).toMatchObject({ kind: 'unsupported', code: 'input/format-mismatch' });
      expect(result.kind === 'unsupported' && result.message).toContain(`the name says ${claim}, but the content is binary data`);
    }
  });

  it('names what a mislabelled file looks like when it has a known signature', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(4, 512)]);
    expect(sniffFormat(png, 'report.pdf')).toMatchObject({ code: 'input/format-mismatch', message: expect.stringContaining('a PNG image') });
    const gzip = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, ...noise(5, 512)]);
    expect(sniffFormat(gzip, 'report.docx')).toMatchObject({ code: 'input/format-mismatch', message: expect.stringContaining('a gzip archive') });
  });

  it.each(['data.xml', 'data.json', 'photo.png', 'photo.jpg', 'archive.bin', 'no-extension'])('binary content named %s that claims nothing we read stays unsupported', (name) => {
    expect(sniffFormat(noise(7), name)).toMatchObject({ kind: 'unsupported', code: 'input/unsupported-format' });
  });
});

describe('decodeText', () => {
  const kyrgyz = 'Статусу: аткарылды, 2 078 967 сом';
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(bytes(kyrgyz))).toEqual({ text: kyrgyz, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(kyrgyz)]))).toEqual({ text: kyrgyz, encoding: 'utf-8' });
  });
  it('reads UTF-16 LE/BE with a BOM and UTF-16 LE without one', () => {
    const le = new Uint8Array(iconv.encode(kyrgyz, 'utf-16le'));
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...le])).text).toBe(kyrgyz);
    const be = new Uint8Array(iconv.encode(kyrgyz, 'utf-16be'));
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...be])).text).toBe(kyrgyz);
    expect(decodeText(new Uint8Array(iconv.encode(`Report ${kyrgyz} and more ASCII text here`, 'utf-16le')))).toMatchObject({ encoding: 'utf-16le' });
  });
  // The seed exports are mostly Cyrillic: in UTF-16 few of their bytes are zero.
  const seeds = ['ky-socfund-acp-2024q1', 'mn-ndg-inspector-2024'].map((n) => readFileSync(new URL(`../../fixtures/golden/${n}/input.txt`, import.meta.url), 'utf8'));
  it.each([0, 1])('reads a Cyrillic seed export in UTF-16 without a BOM, either byte order, and its other encodings as such (seed %i)', (i) => {
    const text = seeds[i]!;
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      // From several offsets into the text, so no one sample decides.
      for (const from of [0, 1001, 5003]) {
        const sample = text.slice(from, from + 3000);
        expect(decodeText(new Uint8Array(iconv.encode(sample, encoding)))).toEqual({ text: sample, encoding });
        expect(decodeText(new Uint8Array(iconv.encode(sample, 'utf-8'))).encoding).toBe('utf-8');
        const legacy = sample.replace(/[^\u0000-\u00ff\u0400-\u045f]/gu, '?');
        expect(decodeText(new Uint8Array(iconv.encode(legacy, 'windows-1251'))).encoding).toBe('windows-1251');
      }
    }
  });
  it('falls back to windows-1251 for legacy Cyrillic exports', () => {
    const russian = 'Выполнено: мероприятие по плану';
    const legacy = new Uint8Array(iconv.encode(russian, 'windows-1251'));
    expect(decodeText(legacy)).toEqual({ text: russian, encoding: 'windows-1251' });
  });
});
