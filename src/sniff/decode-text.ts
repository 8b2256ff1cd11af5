import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';
}

/**
 * Decodes a text export. Old government exports are often windows-1251, newer ones UTF-8 with or
 * without a BOM, Word "Unicode text" is UTF-16 with a BOM. A byte sequence that is valid UTF-8 is
 * taken as UTF-8; otherwise Cyrillic legacy text is assumed (the only legacy code page our sources use).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const bomless16 = guessBomlessUtf16(bytes);
  if (bomless16) return { text: new TextDecoder(bomless16).decode(bytes), encoding: bomless16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1251'), encoding: 'windows-1251' };
  }
}

/** UTF-16 without BOM shows up as every other byte being zero in ASCII-heavy text. */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 2048);
  if (n < 16) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  // Cyrillic or Mongolian text has few zero bytes, but its high bytes stay within a handful of
  // Unicode blocks (0x00 for spaces and digits, 0x04 for Cyrillic, 0x20 for dashes and quotes)
  // while its low bytes vary: a legacy single-byte encoding varies in both positions.
  if (fewValues(bytes, 1, n) && !fewValues(bytes, 0, n)) return 'utf-16le';
  if (fewValues(bytes, 0, n) && !fewValues(bytes, 1, n)) return 'utf-16be';
  return null;
}

/**
 * Whether the bytes at every other position from `start` are nearly all one of three values, zero
 * among them (the high byte of the spaces and digits every text has).
 */
function fewValues(bytes: Uint8Array, start: number, n: number): boolean {
  const counts = new Map<number, number>();
  for (let i = start; i < n; i += 2) counts.set(bytes[i] ?? 0, (counts.get(bytes[i] ?? 0) ?? 0) + 1);
  const top = [...counts.values()].sort((a, b) => b - a).slice(0, 3).reduce((a, b) => a + b, 0);
  return (counts.get(0) ?? 0) > 0 && top >= (n / 2) * 0.95;
}

/** True when decoded text looks like binary garbage rather than a text document. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.length === 0) return false;
  let control = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control / sample.length > 0.05;
}
