/**
 * Writes small, valid PDFs for tests: one content stream per page, Helvetica (a standard 14 font,
 * so no font file is embedded) as /F1 and an optional extra font resource as /F2.
 */
export interface MinimalPdfOptions {
  /** Raw dictionary of an extra font, available as /F2 (e.g. a font with a custom encoding). */
  extraFont?: string;
  /** A ToUnicode CMap for the extra font (its text, written as a stream the font refers to). */
  extraFontToUnicode?: string;
  title?: string;
  width?: number;
  height?: number;
}

export function minimalPdf(pages: readonly string[], options: MinimalPdfOptions = {}): Uint8Array {
  const width = options.width ?? 595;
  const height = options.height ?? 842;
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const font1 = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const cmap = options.extraFontToUnicode;
  const toUnicode = cmap ? add(`<< /Length ${Buffer.byteLength(cmap, 'latin1')} >>\nstream\n${cmap}\nendstream`) : undefined;
  const font2 = options.extraFont ? add(toUnicode ? options.extraFont.replace(/>>\s*$/, ` /ToUnicode ${toUnicode} 0 R >>`) : options.extraFont) : undefined;
  const info = options.title ? add(`<< /Title (${options.title}) >>`) : undefined;
  const fonts = `/F1 ${font1} 0 R${font2 ? ` /F2 ${font2} 0 R` : ''}`;
  const kids: number[] = [];
  for (const content of pages) {
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << ${fonts} >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Content-stream text at (x, y) in PDF user space (origin bottom-left), Helvetica. */
export function text(x: number, y: number, s: string, size = 10, font = 'F1'): string {
  const escaped = s.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)');
  return `BT /${font} ${size} Tf ${x} ${y} Td (${escaped}) Tj ET`;
}

/** A stroked line from (x0, y0) to (x1, y1). */
export function line(x0: number, y0: number, x1: number, y1: number): string {
  return `0.5 w ${x0} ${y0} m ${x1} ${y1} l S`;
}
