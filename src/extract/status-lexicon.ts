import type { StatusValue } from '../model/report.ts';

/**
 * Status words per language, longest first so "аткарылган жок" (not done) wins over "аткарылган"
 * (done). Matched case-insensitively at the start of the text after a status label or in a status
 * column. Stems cover inflections ("выполнен", "выполнено", "выполнена").
 */
const STATUS_WORDS: readonly (readonly [string, StatusValue])[] = (
  [
  // Kyrgyz
  ['аткарылган жок', 'not_done'], ['аткарылбады', 'not_done'], ['аткарылбаган', 'not_done'],
  ['аткарылууда', 'in_progress'], ['аткарылып жатат', 'in_progress'], ['жарым-жартылай', 'in_progress'], ['жарым жартылай', 'in_progress'],
  ['аткарылды', 'done'], ['аткарылган', 'done'],
  // Kazakh
  ['орындалған жоқ', 'not_done'], ['орындалмады', 'not_done'], ['орындалуда', 'in_progress'], ['орындалды', 'done'], ['орындалған', 'done'],
  // Russian
  ['не выполнен', 'not_done'], ['не исполнен', 'not_done'], ['не начат', 'not_done'], ['частично выполнен', 'in_progress'],
  ['в процессе', 'in_progress'], ['в работе', 'in_progress'], ['выполняется', 'in_progress'], ['исполняется', 'in_progress'],
  ['на исполнении', 'in_progress'], ['выполнен', 'done'], ['исполнен', 'done'], ['реализован', 'done'],
  // Mongolian
  ['хэрэгжээгүй', 'not_done'], ['биелээгүй', 'not_done'], ['хэрэгжиж байна', 'in_progress'], ['хэрэгжүүлж байна', 'in_progress'],
  ['хэрэгжиж байгаа', 'in_progress'], ['хэрэгжсэн', 'done'], ['биелсэн', 'done'], ['биелэгдсэн', 'done'],
  // English
  ['not done', 'not_done'], ['not started', 'not_done'], ['not implemented', 'not_done'], ['in progress', 'in_progress'],
  ['ongoing', 'in_progress'], ['partially', 'in_progress'], ['completed', 'done'], ['complete', 'done'], ['implemented', 'done'], ['done', 'done'],
  ] satisfies (readonly [string, StatusValue])[]
).sort((a, b) => b[0].length - a[0].length);

export interface StatusWord {
  /** The words as printed. */
  raw: string;
  normalized: StatusValue;
}

/** Reads the status word at the start of `text`; unknown words come back with `unknown`. */
export function readStatusWord(text: string): StatusWord | null {
  const trimmed = text.trim().replace(/^[:\-–—\s]+/, '');
  if (!trimmed) return null;
  const lower = trimmed.toLowerCase();
  for (const [word, normalized] of STATUS_WORDS) {
    // Lexicon entries are stems ("выполнен"); the raw value is the printed word in full ("Выполнено").
    if (lower.startsWith(word)) return { raw: trimmed.slice(0, word.length) + (trimmed.slice(word.length).match(/^[\p{L}-]*/u)?.[0] ?? ''), normalized };
  }
  const first = trimmed.match(/^[\p{L}-]+/u)?.[0];
  return first ? { raw: first, normalized: 'unknown' } : null;
}

/** One status for a row that reports several (one per expected result): the least finished wins. */
export function combineStatuses(values: readonly StatusValue[]): StatusValue {
  const known = values.filter((v) => v !== 'unknown');
  if (known.length === 0) return 'unknown';
  if (known.every((v) => v === 'done')) return 'done';
  if (known.every((v) => v === 'not_done')) return 'not_done';
  return 'in_progress';
}
