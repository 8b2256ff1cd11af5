/**
 * Generated inputs for the scale benchmarks and tests: N distinct copies of every seed and fixture
 * in shared/ (each made unique by a trailing comment its format tolerates), one huge Markdown table,
 * and hostile PDFs. Nothing here is committed as data: it is written to a temporary directory.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { deflateSync } from 'node:zlib';

/** shared/ next to the work tree (a CI clone gets a copy beside it), or REPORTMILL_SHARED. */
export function sharedDir(): string | null {
  const candidates = [process.env.REPORTMILL_SHARED, join(import.meta.dirname, '../../../shared'), '/work/shared'];
  return candidates.find((dir): dir is string => dir !== undefined && existsSync(join(dir, 'fixtures'))) ?? null;
}

const DOCUMENT = /\.(pdf|docx|html?|md|txt)$/i;

/** Every seed and fixture (not READMEs). */
export function seedFiles(shared: string): string[] {
  return ['seeds', 'fixtures']
    .flatMap((sub) => readdirSync(join(shared, sub)).map((name) => join(shared, sub, name)))
    .filter((path) => DOCUMENT.test(path) && !/README/i.test(path))
    .sort();
}

/** The same document with a unique trailing mark: a comment (PDF, HTML, Markdown), a ZIP comment (DOCX), a line (text). */
export function makeDistinct(bytes: Uint8Array, name: string, n: number): Uint8Array {
  const ext = extname(name).toLowerCase();
  const mark = (text: string): Uint8Array => Buffer.concat([bytes, Buffer.from(text)]);
  if (ext === '.pdf') return mark(`\n%copy ${n}\n`);
  if (ext === '.html' || ext === '.htm' || ext === '.md') return mark(`\n<!-- copy ${n} -->\n`);
  if (ext === '.docx') return zipWithComment(bytes, `copy ${n}`);
  // Plain text has no comment: trailing blank lines whose lengths spell n's digits.
  return mark(`\n${[...String(n)].map((d) => ' '.repeat(Number(d) + 1)).join('\n')}\n`);
}

/** Sets the ZIP archive comment (end-of-central-directory record), which every reader ignores. */
function zipWithComment(bytes: Uint8Array, comment: string): Uint8Array {
  const buf = Buffer.from(bytes);
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 65535); at--) {
    if (buf.readUInt32LE(at) !== 0x06054b50) continue;
    const head = Buffer.from(buf.subarray(0, at + 22));
    const text = Buffer.from(comment);
    head.writeUInt16LE(text.length, at + 20);
    return Buffer.concat([head, text]);
  }
  throw new Error('not a ZIP archive');
}

/** `count` distinct documents cycling through the seeds and fixtures; returns their directory. */
export function writeMixedCorpus(dir: string, count: number, shared = sharedDir()): string {
  if (shared === null) throw new Error('shared/ (seeds and fixtures) not found; set REPORTMILL_SHARED');
  mkdirSync(dir, { recursive: true });
  const files = seedFiles(shared).map((path) => ({ name: basename(path), bytes: readFileSync(path) }));
  for (let i = 0; i < count; i++) {
    const file = files[i % files.length]!;
    const ext = extname(file.name);
    writeFileSync(join(dir, `${String(i).padStart(5, '0')}-${basename(file.name, ext)}${ext}`), makeDistinct(file.bytes, file.name, i));
  }
  return dir;
}

/** A Markdown report whose one table has `rows` rows (200,000 rows ≈ 22 MB). */
export function hugeMarkdownTable(rows: number): string {
  const out = ['# Monitoring report 2024', '', 'Quarterly figures for every district.', '', '| District | Indicator | Baseline | Target | Actual | Status | Notes |', '|---|---|---|---|---|---|---|'];
  for (let i = 0; i < rows; i++) {
    out.push(`| District ${i} | Households reached with services ${i % 97} | ${1000 + (i % 500)} | ${2000 + (i % 700)} | ${1500 + (i % 900)} | ${i % 3 === 0 ? 'On track' : 'Delayed'} | Reviewed ${1 + (i % 28)} March |`);
  }
  return `${out.join('\n')}\n`;
}

function pdfFile(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

function streamObject(dict: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);
}

/**
 * A decompression bomb: each page's content stream is `inflatedMb` MB of text-showing operators
 * deflated to a few hundred KB, on `pages` pages sharing it.
 */
export function bombPdf(inflatedMb = 1024, pages = 8): Buffer {
  const line = Buffer.from('BT /F1 9 Tf 10 10 Td (bomb bomb bomb bomb bomb bomb) Tj ET\n');
  const chunk = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < chunk.length; i += line.length) line.copy(chunk, i, 0, Math.min(line.length, chunk.length - i));
  // Deflate one MB, then repeat the compressed member? Deflate streams do not concatenate, so build
  // the whole plain stream once (it is only ever in memory here, in the generator).
  const plain = Buffer.alloc(inflatedMb * 1024 * 1024);
  for (let i = 0; i < inflatedMb; i++) chunk.copy(plain, i * chunk.length);
  const packed = deflateSync(plain, { level: 9 });
  const kids = Array.from({ length: pages }, (_, i) => `${4 + i} 0 R`).join(' ');
  return pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    streamObject('/Filter /FlateDecode', packed),
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>'),
  ]);
}

/**
 * An operator list that loops: a form XObject that draws itself (and a deep fan-out of forms that
 * each draw the next one many times), so the page's drawing never ends by itself.
 */
export function loopingPdf(levels = 24, fanout = 8): Buffer {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'];
  const font = '/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>';
  // 3: page, 4: page content, 5..5+levels-1: forms; form k draws form k+1 `fanout` times; the last draws the first.
  objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << ${font} /XObject << /X0 5 0 R >> >> >>`);
  const pageContent = 'q /X0 Do Q\n';
  objects.push(`<< /Length ${pageContent.length} >>\nstream\n${pageContent}\nendstream`);
  for (let k = 0; k < levels; k++) {
    const next = k + 1 < levels ? 5 + k + 1 : 5;
    const body = `${'q BT /F1 9 Tf 10 10 Td (loop) Tj ET /X Do Q\n'.repeat(fanout)}`;
    objects.push(`<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << ${font} /XObject << /X ${next} 0 R >> >> /Length ${body.length} >>\nstream\n${body}\nendstream`);
  }
  return pdfFile(objects);
}
