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
  { report: 'mn-ndg-inspector-2024', seed: 1, knownFailure: 'borderless portrait: column-number header row read as a measure row' },
  { report: 'mn-ndg-inspector-2024', seed: 2, knownFailure: 'header once, 3-letter columns: rows split at page breaks' },
  { report: 'mn-ndg-inspector-2024', seed: 3, knownFailure: '3-letter columns: header not recognised, no measures' },
  { report: 'mn-ndg-inspector-2024', seed: 4, knownFailure: 'row continued across pages becomes a new measure' },
  { report: 'mn-ndg-inspector-2024', seed: 5, knownFailure: 'borderless: stream columns merged' },
  { report: 'mn-ndg-inspector-2024', seed: 6, knownFailure: 'centred header word «Бүлт х» glued' },
  { report: 'mn-ndg-inspector-2024', seed: 7, knownFailure: 'one-word full lines glued («Хөдөлмөрийнтур»)' },
  { report: 'mn-ndg-inspector-2024', seed: 8, knownFailure: 'borderless: rows merged' },
  { report: 'ky-socfund-acp-2024q1', seed: 1, knownFailure: 'borderless: goal column cut into group rows' },
  { report: 'ky-socfund-acp-2024q1', seed: 2, knownFailure: 'header once: page tables not stitched (1 measure)' },
  { report: 'ky-socfund-acp-2024q1', seed: 3, knownFailure: 'narrow columns: header words broken, roles lost' },
  { report: 'ky-socfund-acp-2024q1', seed: 4, knownFailure: 'row continued across pages becomes a new measure' },
  { report: 'ky-socfund-acp-2024q1', seed: 5, knownFailure: 'borderless: stream columns merged' },
  { report: 'ky-socfund-acp-2024q1', seed: 6, knownFailure: 'header once: page tables not stitched' },
  { report: 'ky-socfund-acp-2024q1', seed: 7, knownFailure: 'row continued across pages becomes a new measure' },
  { report: 'ky-socfund-acp-2024q1', seed: 8, knownFailure: 'borderless: rows merged' },
];
