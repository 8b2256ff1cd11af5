export interface ParsedDate {
  iso: string;
  raw: string;
}

const PATTERNS: readonly { re: RegExp; order: 'ymd' | 'dmy' }[] = [
  { re: /\b(\d{4})[./-](\d{1,2})[./-](\d{1,2})\b/g, order: 'ymd' },
  { re: /\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b/g, order: 'dmy' },
];

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * All calendar dates in a text, in reading order, as ISO dates: `2024.01.01`, `2024-01-01`,
 * `01.01.2024`, `01/01/2024`. Day-first for the numeric D.M.Y form, as everywhere these reports
 * come from. Impossible dates are returned in `invalid` so they can be reported, not guessed.
 */
export function findDates(text: string): { dates: ParsedDate[]; invalid: string[] } {
  const hits: { at: number; date: ParsedDate | null; raw: string }[] = [];
  for (const { re, order } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const [raw, a, b, c] = m;
      const [y, mo, d] = order === 'ymd' ? [Number(a), Number(b), Number(c)] : [Number(c), Number(b), Number(a)];
      const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      hits.push({ at: m.index ?? 0, raw, date: valid(y, mo, d) ? { iso, raw } : null });
    }
  }
  hits.sort((x, y) => x.at - y.at);
  return {
    dates: hits.flatMap((h) => (h.date ? [h.date] : [])),
    invalid: hits.filter((h) => h.date === null).map((h) => h.raw),
  };
}
