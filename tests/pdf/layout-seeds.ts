/**
 * The layout seeds CI prints and reads back (tests/pdf/layout-fuzz.test.ts). Every seed that
 * `npm run fuzz:pdf` finds failing is added here; `knownFailure` names what still goes wrong, and
 * such a seed runs as an expected failure until the reader gets it right (then the field goes).
 */
export interface LayoutSeed {
  report: 'ky-socfund-acp-2024q1' | 'mn-ndg-inspector-2024';
  seed: number;
  knownFailure?: string;
}

export const LAYOUT_SEEDS: LayoutSeed[] = [
  { report: 'ky-socfund-acp-2024q1', seed: 1, knownFailure: "borderless: stream rows and columns (table detection)" },
  { report: 'ky-socfund-acp-2024q1', seed: 2, knownFailure: "header printed once: page tables not linked into one" },
  { report: 'ky-socfund-acp-2024q1', seed: 3, knownFailure: "ruled, overflow-wrap anywhere: a full one-word line, broken word or whole word, misread where the document has no evidence" },
  { report: 'ky-socfund-acp-2024q1', seed: 4, knownFailure: "ruled: measure 22 status («Статусу:» ends a row cut by a page break, «аткарылды» opens its continuation)" },
  { report: 'ky-socfund-acp-2024q1', seed: 5, knownFailure: "borderless: stream rows and columns (table detection)" },
  { report: 'ky-socfund-acp-2024q1', seed: 6, knownFailure: "header printed once: page tables not linked into one" },
  { report: 'ky-socfund-acp-2024q1', seed: 7, knownFailure: "ruled, overflow-wrap anywhere: a full one-word line misread (goal titles); 29 measures for 28" },
  { report: 'ky-socfund-acp-2024q1', seed: 8, knownFailure: "borderless: stream rows and columns (table detection)" },
  { report: 'ky-socfund-acp-2024q1', seed: 9, knownFailure: "ruled: 29 measures for 28 (rows split or merged at page breaks)" },
  { report: 'ky-socfund-acp-2024q1', seed: 10, knownFailure: "ruled: measure 2 number and text (rows split); full one-word lines misread" },
  { report: 'ky-socfund-acp-2024q1', seed: 11 },
  { report: 'ky-socfund-acp-2024q1', seed: 12, knownFailure: "borderless: stream rows and columns (table detection)" },
  { report: 'ky-socfund-acp-2024q1', seed: 13, knownFailure: "ruled: 47 measures for 28 (rows split or merged at page breaks)" },
  { report: 'ky-socfund-acp-2024q1', seed: 14, knownFailure: "borderless: stream rows and columns (table detection)" },
  { report: 'ky-socfund-acp-2024q1', seed: 15, knownFailure: "borderless: stream rows and columns (table detection)" },
  { report: 'ky-socfund-acp-2024q1', seed: 16, knownFailure: "borderless: stream rows and columns (table detection)" },
  { report: 'mn-ndg-inspector-2024', seed: 1, knownFailure: "borderless: stream rows and columns (table detection)" },
  { report: 'mn-ndg-inspector-2024', seed: 2, knownFailure: "header printed once: page tables not linked into one" },
  { report: 'mn-ndg-inspector-2024', seed: 3, knownFailure: "ruled, overflow-wrap anywhere: «амаржсаны тэтгэмжийг», a whole word filling its line, joined; «4 5» (rows merged at a page break)" },
  { report: 'mn-ndg-inspector-2024', seed: 4, knownFailure: "ruled: 17 measures for 14 (rows split or merged at page breaks)" },
  { report: 'mn-ndg-inspector-2024', seed: 5, knownFailure: "borderless: stream rows and columns (table detection)" },
  { report: 'mn-ndg-inspector-2024', seed: 6, knownFailure: "header printed once: page tables not linked into one" },
  { report: 'mn-ndg-inspector-2024', seed: 7, knownFailure: "ruled, overflow-wrap anywhere: «амаржсаны тэтгэмжийг», a whole word filling its line, joined" },
  { report: 'mn-ndg-inspector-2024', seed: 8, knownFailure: "borderless: stream rows and columns (table detection)" },
  { report: 'mn-ndg-inspector-2024', seed: 9, knownFailure: "OCR source text «баталгаажуулса н» in a column exactly «баталгаажуулса» wide: the line is full, the letter joins" },
  { report: 'mn-ndg-inspector-2024', seed: 10, knownFailure: "ruled: 16 measures for 14 (rows split or merged at page breaks)" },
  { report: 'mn-ndg-inspector-2024', seed: 11, knownFailure: "OCR source text «баталгаажуулса н», «Бүлт х» in columns exactly as wide as the word: the line is full, the letter joins" },
  { report: 'mn-ndg-inspector-2024', seed: 12, knownFailure: "borderless: stream rows and columns (table detection)" },
  { report: 'mn-ndg-inspector-2024', seed: 13 },
  { report: 'mn-ndg-inspector-2024', seed: 14, knownFailure: "borderless: stream rows and columns (table detection)" },
  { report: 'mn-ndg-inspector-2024', seed: 15, knownFailure: "borderless: stream rows and columns (table detection)" },
  { report: 'mn-ndg-inspector-2024', seed: 16, knownFailure: "borderless: stream rows and columns (table detection)" },
];
