export interface ParsedScore {
  value: number | null;
  /** The text had OCR look-alikes read as digits ("1C" → 10). */
  ocrFixed: boolean;
}

// Letters OCR puts in place of digits: O/C for 0, l/I/| for 1, З for 3, S for 5, B for 8 (Latin and Cyrillic forms).
const LOOKALIKES: Readonly<Record<string, string>> = {
  O: '0', o: '0', О: '0', о: '0', C: '0', С: '0', D: '0',
  l: '1', I: '1', '|': '1', і: '1', І: '1',
  З: '3', з: '3', S: '5', s: '5', B: '8', В: '8',
};

/** Reads a score cell: a number, possibly with OCR look-alike letters among its digits. */
export function parseScore(text: string): ParsedScore {
  const trimmed = text.trim().replace(/\s+/g, '');
  if (!trimmed) return { value: null, ocrFixed: false };
  if (/^\d+(?:[.,]\d+)?$/.test(trimmed)) return { value: Number(trimmed.replace(',', '.')), ocrFixed: false };
  // Only short tokens that contain at least one real digit are repaired; words stay words.
  if (trimmed.length <= 4 && /\d/.test(trimmed)) {
    const fixed = [...trimmed].map((ch) => LOOKALIKES[ch] ?? ch).join('');
    if (/^\d+(?:[.,]\d+)?$/.test(fixed)) return { value: Number(fixed.replace(',', '.')), ocrFixed: true };
  }
  return { value: null, ocrFixed: false };
}
