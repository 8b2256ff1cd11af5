import { childElements, firstChild, intAttr, onOff, type XmlElement } from './xml-tree.ts';

interface Level {
  /** ST_NumberFormat: decimal, bullet, none, lowerLetter, russianLower, … */
  readonly format: string;
  /** `w:lvlText`, e.g. "%1." or "%1.%2"; a glyph for bullets. */
  readonly text: string;
  readonly start: number;
  /** `w:isLgl`: show every level's number as decimal. */
  readonly legal: boolean;
}

interface NumInstance {
  readonly abstractId: string;
  readonly levels: Map<number, Level>;
  readonly startOverrides: Map<number, number>;
}

/** Formats that show no number: a bullet glyph, or nothing at all. */
const UNNUMBERED = new Set(['bullet', 'none']);

const RUSSIAN = 'абвгдежзиклмнопрстуфхцчшщэюя';

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, glyph] of table) {
    while (rest >= value) {
      out += glyph;
      rest -= value;
    }
  }
  return out;
}

/** Word's letter numbering repeats the letter: a … z, aa … zz, aaa … */
function letters(n: number, alphabet: string): string {
  if (n <= 0) return String(n);
  const size = alphabet.length;
  const letter = alphabet[(n - 1) % size] ?? '';
  return letter.repeat(Math.floor((n - 1) / size) + 1);
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'russianLower':
      return letters(n, RUSSIAN);
    case 'russianUpper':
      return letters(n, RUSSIAN.toUpperCase());
    default:
      // decimal, and every other format (ordinal, cardinalText, decimalEnclosedCircle…) shown as
      // its decimal value: the number matters for extraction, its typography does not.
      return String(n);
  }
}

function readLevel(lvl: XmlElement): Level {
  return {
    format: firstChild(lvl, 'w:numFmt')?.attrs['w:val'] ?? 'decimal',
    text: firstChild(lvl, 'w:lvlText')?.attrs['w:val'] ?? '',
    start: intAttr(firstChild(lvl, 'w:start')) ?? 0,
    legal: onOff(firstChild(lvl, 'w:isLgl')) ?? false,
  };
}

function readLevels(parent: XmlElement): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of childElements(parent, 'w:lvl')) {
    const ilvl = intAttr(lvl, 'w:ilvl');
    if (ilvl !== undefined) levels.set(ilvl, readLevel(lvl));
  }
  return levels;
}

/**
 * The numbering part (`word/numbering.xml`, ECMA-376 Part 1, 17.9): which list paragraphs are
 * ordered, and the label each numbered paragraph shows. Counters run per abstract numbering
 * definition, as Word does, so two `w:num` instances of one list continue each other unless a
 * `w:startOverride` (17.9.26) restarts them.
 */
export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, NumInstance>();
  private readonly counters = new Map<string, Map<number, number>>();
  private readonly overridesApplied = new Set<string>();

  constructor(root: XmlElement | undefined) {
    if (root === undefined) return;
    for (const abs of childElements(root, 'w:abstractNum')) {
      const id = abs.attrs['w:abstractNumId'];
      if (id !== undefined) this.abstracts.set(id, readLevels(abs));
    }
    for (const num of childElements(root, 'w:num')) {
      const id = num.attrs['w:numId'];
      const abstractId = firstChild(num, 'w:abstractNumId')?.attrs['w:val'];
      if (id === undefined || abstractId === undefined) continue;
      const levels = new Map<number, Level>();
      const startOverrides = new Map<number, number>();
      for (const override of childElements(num, 'w:lvlOverride')) {
        const ilvl = intAttr(override, 'w:ilvl');
        if (ilvl === undefined) continue;
        const start = intAttr(firstChild(override, 'w:startOverride'));
        if (start !== undefined) startOverrides.set(ilvl, start);
        const lvl = firstChild(override, 'w:lvl');
        if (lvl !== undefined) levels.set(ilvl, readLevel(lvl));
      }
      this.nums.set(id, { abstractId, levels, startOverrides });
    }
  }

  private level(num: NumInstance, ilvl: number): Level | undefined {
    return num.levels.get(ilvl) ?? this.abstracts.get(num.abstractId)?.get(ilvl);
  }

  /** `numId` 0 removes numbering; unknown ids number nothing. */
  isList(numId: string): boolean {
    return numId !== '0' && this.nums.has(numId);
  }

  /** Ordered = shows a number or letter; bullets and format `none` are unordered. */
  isOrdered(numId: string, ilvl: number): boolean {
    const num = this.nums.get(numId);
    const level = num && this.level(num, ilvl);
    return level !== undefined && !UNNUMBERED.has(level.format);
  }

  /**
   * Advances the list counters for one numbered paragraph and returns the label it shows
   * ("1.", "2.3", "б)"), or '' for bullets and format `none`: a bullet glyph is decoration, and
   * `none` shows nothing, so list items keep only their own text.
   */
  nextLabel(numId: string, ilvl: number): string {
    const num = this.nums.get(numId);
    if (num === undefined) return '';
    const level = this.level(num, ilvl);
    let counters = this.counters.get(num.abstractId);
    if (counters === undefined) {
      counters = new Map();
      this.counters.set(num.abstractId, counters);
    }
    const overrideKey = `${numId}/${ilvl}`;
    const override = num.startOverrides.get(ilvl);
    if (override !== undefined && !this.overridesApplied.has(overrideKey)) {
      this.overridesApplied.add(overrideKey);
      counters.set(ilvl, override - 1);
    }
    const start = level?.start ?? 0;
    counters.set(ilvl, (counters.get(ilvl) ?? start - 1) + 1);
    for (const deeper of [...counters.keys()]) if (deeper > ilvl) counters.delete(deeper);
    if (level === undefined || UNNUMBERED.has(level.format)) return '';

    return level.text
      .replace(/%([1-9])/g, (_, d: string) => {
        const at = Number(d) - 1;
        const atLevel = this.level(num, at);
        const value = counters.get(at) ?? atLevel?.start ?? 0;
        return formatNumber(value, level.legal ? 'decimal' : atLevel?.format ?? 'decimal');
      })
      .trim();
  }
}
