/**
 * Layout variants of an HTML report for the PDF fuzzing suite: one seed → one page set-up and one
 * set of CSS and table tweaks, drawn from a small seeded PRNG so that a failing seed can be
 * replayed exactly. The tweaks change only how the report is laid out (page, fonts, column
 * widths, rules, line wrapping, header repetition), never its text or its table structure.
 */

/** mulberry32: a tiny, well-spread 32-bit PRNG; the same seed always gives the same sequence. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Font families installed with Cyrillic coverage (Debian fonts-dejavu-core, fonts-liberation2). */
export const FONT_FAMILIES = ['DejaVu Sans', 'DejaVu Serif', 'Liberation Serif', 'Liberation Sans', 'DejaVu Sans Condensed'] as const;

export interface LayoutVariant {
  seed: number;
  paper: 'A4' | 'Letter';
  landscape: boolean;
  font: (typeof FONT_FAMILIES)[number];
  /** Cell font size, pt. */
  fontSize: number;
  /** Cell padding, pt. */
  padding: number;
  ruled: boolean;
  /** `overflow-wrap: anywhere` on cells: too-wide words are broken mid-word. */
  breakAnywhere: boolean;
  /** Header rows repeated on every page (a real `<thead>`) or only on the first. */
  repeatHeader: boolean;
  /** Table width as a share of the page's text width. */
  tableWidth: number;
  /** Relative column weights (one per grid column), replacing the HTML's widths. */
  columnWeights: number[];
}

export function drawVariant(seed: number, columns: number): LayoutVariant {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const between = (lo: number, hi: number): number => lo + (hi - lo) * r();
  // Narrow to wide: from nearly equal columns to one column taking most of the width.
  const spread = between(0, 1.6);
  const v: LayoutVariant = {
    seed,
    paper: pick(['A4', 'Letter'] as const),
    landscape: r() < 0.5,
    font: pick(FONT_FAMILIES),
    fontSize: Math.round(between(6.5, 11) * 2) / 2,
    padding: Math.round(between(1.5, 6) * 2) / 2,
    ruled: r() < 0.6,
    breakAnywhere: r() < 0.5,
    repeatHeader: r() < 0.7,
    tableWidth: Math.round(between(0.7, 1) * 100) / 100,
    columnWeights: Array.from({ length: columns }, () => Math.exp(spread * (r() * 2 - 1))),
  };
  return { ...v, columnWeights: floorWeights(v) };
}

const PAPER_MM = { A4: [210, 297], Letter: [215.9, 279.4] } as const;

/**
 * Column weights as shares of the table, none narrower than about seven ems of the cell font:
 * narrow enough that long words break, never so narrow that a column holds three letters a line
 * (a layout no report is printed in).
 */
function floorWeights(v: LayoutVariant): number[] {
  const [w, h] = PAPER_MM[v.paper];
  const textPt = (((v.landscape ? h : w) - 24) / 25.4) * 72 * v.tableWidth;
  const floor = Math.min(1 / v.columnWeights.length, (7 * v.fontSize + 2 * v.padding) / textPt);
  let shares = v.columnWeights.map((x) => x / v.columnWeights.reduce((a, b) => a + b, 0));
  for (let i = 0; i < 3; i++) {
    shares = shares.map((x) => Math.max(x, floor));
    const sum = shares.reduce((a, b) => a + b, 0);
    shares = shares.map((x) => x / sum);
  }
  return shares.map((x) => Math.round(x * 1000) / 1000);
}

export function describeVariant(v: LayoutVariant): string {
  return [
    `seed ${v.seed}`,
    `${v.paper} ${v.landscape ? 'landscape' : 'portrait'}`,
    `${v.font} ${v.fontSize}pt`,
    `pad ${v.padding}pt`,
    v.ruled ? 'ruled' : 'borderless',
    v.breakAnywhere ? 'overflow-wrap:anywhere' : 'wrap at spaces',
    v.repeatHeader ? 'thead repeated' : 'header once',
    `table ${Math.round(v.tableWidth * 100)}%`,
    `cols ${v.columnWeights.join('/')}`,
  ].join(', ');
}

/**
 * The style sheet that lays the report out as the variant says. Table layout stays automatic, as
 * in a browser: a column is never narrower than its longest unbreakable word, so long words only
 * break mid-word where `overflow-wrap: anywhere` allows it (and then the column may get narrow).
 */
export function variantCss(v: LayoutVariant): string {
  const total = v.columnWeights.reduce((a, b) => a + b, 0);
  const border = v.ruled ? '0.6pt solid #000' : 'none';
  const widths = v.columnWeights.map((w, i) => `table col:nth-child(${i + 1}) { width: ${((100 * w) / total).toFixed(2)}%; }`);
  return `
@page { size: ${v.paper} ${v.landscape ? 'landscape' : 'portrait'}; margin: 14mm 12mm; }
body { font-family: "${v.font}"; }
table { width: ${Math.round(v.tableWidth * 100)}% !important; border-collapse: collapse !important; border: ${border} !important; }
th, td { font-family: "${v.font}" !important; font-size: ${v.fontSize}pt !important; padding: ${v.padding}pt !important;
  border: ${border} !important; overflow-wrap: ${v.breakAnywhere ? 'anywhere' : 'normal'}; }
${v.ruled ? '' : 'th, td { background: none !important; }'}
${widths.join('\n')}
`;
}

/** Width of the page's text area in CSS pixels (the page less the 12 mm side margins of `variantCss`). */
export function textWidthPx(v: LayoutVariant): number {
  const [w, h] = PAPER_MM[v.paper];
  return (((v.landscape ? h : w) - 24) / 25.4) * 96;
}

/**
 * DOM tweaks run in the page before printing: the HTML's own column widths give way to a
 * `<colgroup>` (styled by `variantCss`), and without repeated headers the header rows move into
 * the body, so Chromium prints them on the first page only.
 *
 * A table whose unbreakable words (web addresses, with wraps at spaces only) make it wider than
 * the page is zoomed down until it fits, as a print "fit to width" does: Chromium cuts whatever
 * runs past the page's text area, and text cut off the page is in no PDF for any reader to find.
 * The width is measured with the document laid out as wide as the page's text area.
 */
export function variantScript(v: LayoutVariant): string {
  return `(async () => {
    for (const table of document.querySelectorAll('table')) {
      for (const cell of table.querySelectorAll('th, td')) cell.removeAttribute('width');
      const group = document.createElement('colgroup');
      for (let i = 0; i < ${v.columnWeights.length}; i++) group.appendChild(document.createElement('col'));
      table.insertBefore(group, table.firstChild);
      const head = table.tHead;
      if (${!v.repeatHeader} && head) {
        const body = table.tBodies[0] ?? table.appendChild(document.createElement('tbody'));
        for (const row of [...head.rows].reverse()) body.insertBefore(row, body.firstChild);
        head.remove();
      }
    }
    const root = document.documentElement;
    const width = root.style.width;
    root.style.width = '${textWidthPx(v).toFixed(2)}px';
    await document.fonts.ready;
    for (const table of document.querySelectorAll('table')) {
      const room = table.parentElement ? table.parentElement.clientWidth : 0;
      const wide = table.getBoundingClientRect().width;
      if (room > 0 && wide > room) table.style.zoom = String(Math.floor((1000 * room) / wide) / 1000);
    }
    root.style.width = width;
  })()`;
}
