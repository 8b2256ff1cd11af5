import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How one page of a test scan is made. */
export interface ScanPage {
  dpi: number;
  /** Degrees, counter-clockwise: a page fed crookedly (±1°). */
  angle: number;
  /** JPEG quality. */
  quality: number;
  /** A round stamp and a signature drawn over the table. */
  stamp?: boolean;
}

/**
 * A scanned copy of a text PDF, made in test set-up and never committed: each page rasterized by
 * pdftoppm (grey), turned and marked by `scan_page.py` (Debian's python3 with PIL, which img2pdf
 * needs anyway), saved as JPEG, and the JPEGs bound into an image-only PDF by img2pdf.
 * `pages` gives one spec per source page (1-based page `i + 1`).
 */
export function makeScan(source: string, out: string, pages: readonly ScanPage[], first = 1): void {
  const dir = mkdtempSync(join(tmpdir(), 'reportmill-scan-'));
  try {
    const jpegs: string[] = [];
    pages.forEach((spec, i) => {
      const n = String(first + i);
      const base = join(dir, `page-${n}`);
      execFileSync('pdftoppm', ['-f', n, '-l', n, '-r', String(spec.dpi), '-gray', '-singlefile', source, base]);
      const jpeg = `${base}.jpg`;
      const args = [join(import.meta.dirname, 'scan_page.py'), `${base}.pgm`, jpeg, String(spec.angle), String(spec.quality), String(spec.dpi)];
      execFileSync('/usr/bin/python3', spec.stamp ? [...args, 'stamp'] : args);
      jpegs.push(jpeg);
    });
    execFileSync('img2pdf', ['-o', out, ...jpegs]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pages `from`–`to` of a PDF as their own PDF (poppler's pdfseparate + pdfunite). */
export function pdfPages(source: string, out: string, from: number, to: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'reportmill-split-'));
  try {
    execFileSync('pdfseparate', ['-f', String(from), '-l', String(to), source, join(dir, 'p-%d.pdf')]);
    const parts = Array.from({ length: to - from + 1 }, (_, i) => join(dir, `p-${from + i}.pdf`));
    execFileSync('pdfunite', [...parts, out]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Several PDFs bound into one, in order. */
export function joinPdfs(parts: readonly string[], out: string): void {
  execFileSync('pdfunite', [...parts, out]);
}
