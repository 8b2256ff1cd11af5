/**
 * The languages reportmill decides between. Plan reports from Kyrgyzstan and Mongolia mix the
 * national language with Russian; the neighbours are here because franc, left free, drifts to them.
 */
export const CANDIDATES = ['kir', 'khk', 'kaz', 'rus', 'uzb', 'tat', 'ukr', 'eng'] as const;
export type Candidate = (typeof CANDIDATES)[number];

/** Candidates written in Cyrillic: the ones the letter and word evidence is about. */
export const CYRILLIC_CANDIDATES = ['kir', 'khk', 'kaz', 'rus', 'uzb', 'tat', 'ukr'] as const satisfies readonly Candidate[];
export type CyrillicCandidate = (typeof CYRILLIC_CANDIDATES)[number];

/** franc names Northern Uzbek `uzn`; the macrolanguage code `uzb` is what reports and ISO 639-3 users expect. */
const TO_FRANC: Record<Candidate, string> = {
  kir: 'kir',
  khk: 'khk',
  kaz: 'kaz',
  rus: 'rus',
  uzb: 'uzn',
  tat: 'tat',
  ukr: 'ukr',
  eng: 'eng',
};

export const FRANC_ONLY: string[] = CANDIDATES.map((c) => TO_FRANC[c]);

export function fromFrancCode(code: string): Candidate | undefined {
  if (code === 'uzn') return 'uzb';
  return (CANDIDATES as readonly string[]).includes(code) ? (code as Candidate) : undefined;
}

export function isCandidate(code: string): code is Candidate {
  return (CANDIDATES as readonly string[]).includes(code);
}
