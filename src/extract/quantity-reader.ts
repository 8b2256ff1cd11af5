import { detectLanguage } from '../language/detect.ts';
import { izafetHead, NOUN_LANGUAGES, readNoun, type NounLanguage } from './stemmers/index.ts';
import {
  isApproximator,
  isFunctionWord,
  isIdentifierWord,
  isMonthWord,
  isYearWord,
  looksModifier,
  looksVerb,
  multiplierOf,
  symbolUnit,
} from './quantity-words.ts';

/**
 * Counted quantities in narrative text and table cells: a number (`610 210`, `2 078 967`,
 * `29823,12`, `1,5 млн`) and, within a short window after it, the thing it counts, reduced to its
 * dictionary form (`8 региондук башкармалыкта` → 8 «башкармалык», `8 журмыг` → 8 «журам»,
 * `4 слушаний` → 4 «слушание»). Money, per cent and measures keep their canonical unit. A number
 * whose unit is only implied — an item of a list under a head that states it, a partitive
 * (`кайрылуулардын 202си`, `из которых 527`), an ellipsis — carries that unit, `implied: true`.
 * Years, dates, item numbers, legal references, codes and page numbers are not read.
 */
export interface QuantityReading {
  value: number;
  /** Dictionary form of the counted noun, or the canonical unit; the word as printed when unknown. */
  unit: string;
  /** Verbatim: the number through its unit word (just the number when the unit is implied). */
  text: string;
  unit_form: 'lemma' | 'surface';
  implied: boolean;
  /** Offsets of `text` in the text that was read (UTF-16 code units, end exclusive). */
  span: { start: number; end: number };
  /** For a list item: its label as printed (`студенттер жана окутуучулар`). */
  label?: string;
}

export interface ReadOptions {
  /** ISO 639-3 of the text (`kir`, `kaz`, `khk`, `rus`, …); detected when absent or `und`. */
  language?: string;
}

interface Token {
  text: string;
  start: number;
  end: number;
  kind: 'word' | 'number' | 'punct';
}

const TOKEN = /[\p{L}\p{M}]+(?:[-'’.][\p{L}\p{M}]+)*|\d+|[^\s\p{L}\p{M}\d]/gu;
const ABBREVIATIONS = /^(?:тыс|млн|млрд|руб|чел|шт|ед|кг|тн|га|км|г|гг|стр|ст|п|пп|ч|д|с|кв|ул|им|т|рис|табл)$/iu;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    let value = m[0];
    const kind: Token['kind'] = /^\d/u.test(value) ? 'number' : /^[\p{L}\p{M}]/u.test(value) ? 'word' : 'punct';
    if (kind === 'word' && text[start + value.length] === '.' && ABBREVIATIONS.test(value)) value += '.';
    out.push({ text: value, start, end: start + value.length, kind });
  }
  // Abbreviation dots were folded into their word: drop the punctuation token for them.
  return out.filter((t, i) => !(t.kind === 'punct' && t.text === '.' && out[i - 1]?.kind === 'word' && out[i - 1]?.end === t.end));
}

function languagesFor(code: string | undefined, text: string): NounLanguage[] {
  let lang = code;
  if (!lang || lang === 'und') lang = detectLanguage(text).code;
  const known = NOUN_LANGUAGES.find((l) => l === lang);
  if (known) return [known, ...NOUN_LANGUAGES.filter((l) => l !== known)];
  return [...NOUN_LANGUAGES];
}

interface NumberExpr {
  value: number;
  start: number;
  /** End of the number expression (digits, multipliers, an attached case suffix). */
  end: number;
  /** Index of the first token after the expression. */
  next: number;
  /** Letters attached to the last number (`30дан`, `202си`, `8 080ге`). */
  suffix: string;
  multiplied: boolean;
}

/** `610 210` / `2 078 967` / `29823,12` / `6 150.0` as one number, from the token at `i`. */
function readDigits(text: string, tokens: readonly Token[], i: number): { value: number; end: number; next: number; grouped: boolean; decimal: boolean } | null {
  const first = tokens[i];
  if (!first || first.kind !== 'number') return null;
  let digits = first.text;
  let end = first.end;
  let j = i + 1;
  let grouped = false;
  // Thousands groups: a space (plain, no-break, narrow) and exactly three digits, when the first group has 1–3 digits.
  if (digits.length <= 3) {
    while (tokens[j]?.kind === 'number' && (tokens[j] as Token).text.length === 3 && /^[ \u00a0\u202f]$/u.test(text.slice(end, (tokens[j] as Token).start))) {
      digits += (tokens[j] as Token).text;
      end = (tokens[j] as Token).end;
      grouped = true;
      j++;
    }
  }
  let decimal = false;
  let value = Number(digits);
  const sep = tokens[j];
  const frac = tokens[j + 1];
  if (sep && frac && sep.kind === 'punct' && (sep.text === ',' || sep.text === '.') && sep.start === end && frac.kind === 'number' && frac.start === sep.end) {
    // `226.400 төгрөг`, `700,000 төгрөг`: a dot or comma before exactly three digits, after 1–3, is a thousands separator.
    const after = tokens[j + 2];
    const thousands = frac.text.length === 3 && digits.length <= 3 && !grouped && !(after?.kind === 'punct' && (after.text === '.' || after.text === ',') && after.start === frac.end);
    const beforeMultiplier = after?.kind === 'word' && multiplierOf(after.text) !== null;
    if (thousands && !beforeMultiplier) value = Number(digits + frac.text);
    else {
      value = Number(`${digits}.${frac.text}`);
      decimal = true;
    }
    end = frac.end;
    j += 2;
  }
  return Number.isFinite(value) ? { value, end, next: j, grouped, decimal } : null;
}

/** Letters glued to a number (`30дан`) or hyphenated (`2024-жылдын`, `01- ны`), and the token after. */
function attachedSuffix(text: string, tokens: readonly Token[], j: number, end: number): { suffix: string; hyphen: boolean; next: number; end: number } {
  const t = tokens[j];
  if (t?.kind === 'word' && t.start === end) return { suffix: t.text, hyphen: false, next: j + 1, end: t.end };
  if (t?.kind === 'punct' && t.text === '-' && t.start === end) {
    const w = tokens[j + 1];
    if (w?.kind === 'word' && /^ ?$/u.test(text.slice(t.end, w.start))) return { suffix: w.text, hyphen: true, next: j + 2, end: w.end };
    if (w?.kind === 'number' && w.start === t.end) return { suffix: '-range', hyphen: true, next: j + 1, end: t.end };
  }
  return { suffix: '', hyphen: false, next: j, end };
}

/** A glued or hyphenated suffix that makes the number a date, year, ordinal or reference. */
function suffixRulesOut(suffix: string, hyphen: boolean): boolean {
  if (!suffix) return false;
  if (suffix === '-range') return true;
  const s = suffix.toLowerCase();
  if (isMonthWord(s) || isYearWord(s) || isIdentifierWord(s)) return true;
  if (/^(?:ст|статья\p{L}*|кварт\p{L}*|орун\p{L}*|орн\p{L}*|р|р\.|й|м|го|му|я|е|х|ые|ых|ая|ой|чи|чы|чу|чү|нчи|нчы|инчи|ынчы|унчу|үнчү|жж|ж)$/u.test(s)) return true;
  // A bare ordinal letter glued to a number in a code: `3х4`, `5А`.
  if (!hyphen && /^[хxа-яa-z]$/iu.test(s) && s !== 'и' && s !== 'ы' && s !== 'у' && s !== 'ү') return true;
  return false;
}

function wordBefore(tokens: readonly Token[], i: number): Token | undefined {
  for (let k = i - 1; k >= 0; k--) {
    const t = tokens[k] as Token;
    if (t.kind === 'word') return t;
    if (t.kind === 'punct' && !/^["'«»“”„(]$/u.test(t.text)) return undefined;
    if (t.kind === 'number') return undefined;
  }
  return undefined;
}

/** Context before the number that makes it an item number, a reference, a date or a code. */
function precededByReference(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const prevChar = text[t.start - 1] ?? '';
  const prev2 = text.slice(Math.max(0, t.start - 2), t.start);
  if (/[\p{L}\d/:]/u.test(prevChar)) return true; // ЗН-НД17, 01/13, 9001:2015
  if (/[\p{L}\d]-$/u.test(prev2)) return true; // ЗН-НД-17, 2020-2025
  if (/[.,]$/u.test(prevChar) && /\d/u.test(text[t.start - 2] ?? '')) return true; // inside 15.06.2023
  const before = text.slice(Math.max(0, t.start - 12), t.start);
  if (/(?:№|#|\bN|\bNo\.?)\s*$/u.test(before)) return true;
  const w = wordBefore(tokens, i);
  if (w && /^хэмжээ$/iu.test(w.text) && /арга\s+$/iu.test(text.slice(Math.max(0, w.start - 6), w.start))) return true;
  if (w) {
    const lw = w.text.toLowerCase();
    if (/^(?:ст\.?|статья\p{L}*|стать\p{L}*|ч\.|п\.|пп\.|пункт\p{L}*|подпункт\p{L}*|глав\p{L}*|раздел\p{L}*|приложени\p{L}*|стр\.|с\.|д\.|дом|корп\.?|кв\.|ул\.|бап\p{L}*|берене\p{L}*|тиркеме\p{L}*|тармақ\p{L}*|зорилт\p{L}*|дугаар|№|сарын|оны|он|улирал|квартал|телефон\p{L}*|тел\.?)$/u.test(lw)) return true;
  }
  return false;
}

/** `1.`, `2)` at the start of the text, a line or after a bullet: an item number. */
function isEnumerator(text: string, t: Token, next: Token | undefined): boolean {
  if (!next || next.kind !== 'punct' || (next.text !== '.' && next.text !== ')') || next.start !== t.end) return false;
  const lineStart = text.lastIndexOf('\n', t.start - 1) + 1;
  return /^[\s\-–—•*·]*$/u.test(text.slice(lineStart, t.start)) || /[;:]\s*$/u.test(text.slice(Math.max(0, t.start - 3), t.start));
}

/** The number, then its multipliers and any smaller number that continues it (`105 млн 999 миң 800`). */
function readNumberExpr(text: string, tokens: readonly Token[], i: number): NumberExpr | null {
  const d = readDigits(text, tokens, i);
  if (!d) return null;
  let value = d.value;
  let end = d.end;
  let j = d.next;
  let multiplied = false;
  let lastMultiplier = Infinity;
  let suffix = '';
  const firstMult = tokens[j]?.kind === 'word' ? multiplierOf((tokens[j] as Token).text) : null;
  if (firstMult !== null) {
    value *= firstMult;
    multiplied = true;
    end = (tokens[j] as Token).end;
    j++;
    lastMultiplier = firstMult;
    // Smaller parts continue it: `105 млн 999 миң 800`, `5 млрд 658,9 млн`, `199 тысяч 274`.
    for (;;) {
      const more = readDigits(text, tokens, j);
      if (!more || !/^[ \u00a0\u202f]+$/u.test(text.slice(end, (tokens[j] as Token).start))) break;
      const m2 = tokens[more.next]?.kind === 'word' ? multiplierOf((tokens[more.next] as Token).text) : null;
      if (m2 !== null && m2 < lastMultiplier) {
        value += more.value * m2;
        end = (tokens[more.next] as Token).end;
        j = more.next + 1;
        lastMultiplier = m2;
        continue;
      }
      if (m2 === null && more.value < lastMultiplier && !more.decimal) {
        value += more.value;
        end = more.end;
        j = more.next;
      }
      break;
    }
  }
  const glued = attachedSuffix(text, tokens, j, end);
  if (glued.suffix && !multiplied) {
    suffix = glued.suffix;
    end = glued.end;
    j = glued.next;
    if (suffixRulesOut(suffix, glued.hyphen)) return null;
  }
  return { value: Number.isInteger(value) ? value : Number(value.toFixed(6)), start: (tokens[i] as Token).start, end, next: j, suffix, multiplied };
}

interface UnitFound {
  unit: string;
  form: 'lemma' | 'surface';
  end: number;
  /** The unit is a year word after a year-like number, or an identifier: not a quantity at all. */
  rejected?: boolean;
  symbol?: boolean;
}

const CLAUSE_BREAK = /^[,;:()«»"“”„!?…\[\]{}/\\|–—-]$/u;

function isCapitalised(word: string): boolean {
  const first = word[0] ?? '';
  return first !== first.toLowerCase();
}

/** The unit after a number: a symbol or currency, a known noun, or an unknown noun as printed. */
function findUnit(tokens: readonly Token[], j: number, languages: readonly NounLanguage[], yearLike: boolean): UnitFound | null {
  const first = tokens[j];
  if (!first) return null;
  if (first.kind === 'punct' && first.text === '%') return { unit: '%', form: 'lemma', end: extendGlued(tokens, j), symbol: true };
  const before: string[] = [];
  const modifiers: string[] = [];
  for (let k = j; k < tokens.length && k < j + 5; k++) {
    const t = tokens[k] as Token;
    if (t.kind !== 'word') {
      if (t.kind === 'punct' && (t.text === '$' || t.text === '€' || t.text === '₮')) return { unit: symbolUnit(t.text) ?? t.text, form: 'lemma', end: t.end, symbol: true };
      return null;
    }
    if (k > j && CLAUSE_BREAK.test(tokenBetween(tokens, k))) return null;
    const w = t.text;
    if (isIdentifierWord(w)) return { unit: w, form: 'surface', end: t.end, rejected: true };
    if (isYearWord(w) && (yearLike || /^(?:он|оны|онд|оноос|г\.?|гг\.?)$/iu.test(w))) return { unit: w, form: 'surface', end: t.end, rejected: true };
    if (isMonthWord(w)) return { unit: w, form: 'surface', end: t.end, rejected: true };
    const sym = symbolUnit(w);
    if (sym) return { unit: sym, form: 'lemma', end: t.end, symbol: true };
    if (isApproximator(w)) {
      before.push(w);
      continue;
    }
    const multi = multiwordAt(tokens, k, languages);
    if (multi) return multi;
    const noun = readAnyNoun(w, languages, before);
    if (noun) {
      const lang = noun.language;
      // A Turkic izafet: bare noun modifiers before a possessive head (`билим берүү кызматкери`),
      // or a known bare noun followed by one (`кайрылуу каты`).
      if ((lang === 'kir' || lang === 'kaz') && noun.words === 1) {
        const nextTok = tokens[k + 1];
        if (!noun.possessive3 && nextTok?.kind === 'word' && !CLAUSE_BREAK.test(tokenBetween(tokens, k + 1)) && w.toLowerCase() === noun.stem) {
          const head = readNoun(nextTok.text, lang, []);
          if (head && head.possessive3 && head.words === 1) return { unit: `${w.toLowerCase()} ${izafetHead(head.stem, lang)}`, form: 'lemma', end: nextTok.end };
        }
        if (noun.possessive3 && modifiers.length > 0) return { unit: `${modifiers.join(' ').toLowerCase()} ${izafetHead(noun.stem, lang)}`, form: 'lemma', end: t.end };
      }
      return { unit: noun.lemma, form: 'lemma', end: t.end };
    }
    const primary = languages.slice(0, 1);
    if (isFunctionWord(w, languages) || isCapitalised(w)) return null;
    if (looksModifier(w, primary)) {
      before.push(w);
      continue;
    }
    if (looksVerb(w, primary)) return null;
    // An unknown noun: a Turkic izafet head within the next two words makes them one term.
    const lang0 = languages[0];
    if (lang0 === 'kir' || lang0 === 'kaz') {
      let headAt = -1;
      for (let h = k + 1; h <= k + 2; h++) {
        const ht = tokens[h];
        if (ht?.kind !== 'word' || CLAUSE_BREAK.test(tokenBetween(tokens, h))) break;
        const head = readNoun(ht.text, lang0, []);
        if (head && head.possessive3 && head.words === 1) {
          headAt = h;
          break;
        }
      }
      if (headAt > 0) {
        modifiers.push(w);
        before.push(w);
        continue;
      }
    }
    if (modifiers.length > 0) return null;
    // An identifier right after (`1202 кыска номери`): the number names something.
    const after = tokens[k + 1];
    if (after?.kind === 'word' && isIdentifierWord(after.text)) return { unit: w, form: 'surface', end: t.end, rejected: true };
    return { unit: w, form: 'surface', end: t.end };
  }
  return null;
}

/** A multiword term starting at token k (`аж ахуйн нэгжид`, `албан шаардлагаар`, `нэр төрлийн`). */
function multiwordAt(tokens: readonly Token[], k: number, languages: readonly NounLanguage[]): UnitFound | null {
  for (const span of [2, 1]) {
    const words: string[] = [];
    let ok = true;
    for (let h = k; h <= k + span; h++) {
      const t = tokens[h];
      if (t?.kind !== 'word' || (h > k && tokenBetween(tokens, h) !== '')) {
        ok = false;
        break;
      }
      words.push(t.text);
    }
    if (!ok) continue;
    const last = tokens[k + span] as Token;
    const r = readAnyNoun(last.text, languages, words.slice(0, -1));
    if (r && r.words === span + 1) return { unit: r.lemma, form: 'lemma', end: last.end };
  }
  return null;
}

/** The punctuation (if any) between token k-1 and token k, as one character or ''. */
function tokenBetween(tokens: readonly Token[], k: number): string {
  const prev = tokens[k - 1];
  return prev?.kind === 'punct' ? prev.text : '';
}

function extendGlued(tokens: readonly Token[], j: number): number {
  const t = tokens[j] as Token;
  const n = tokens[j + 1];
  if (n?.kind === 'word' && n.start === t.end) return n.end;
  if (n?.kind === 'punct' && n.text === '-' && n.start === t.end && tokens[j + 2]?.kind === 'word' && (tokens[j + 2] as Token).start === n.end) return (tokens[j + 2] as Token).end;
  return t.end;
}

function readAnyNoun(word: string, languages: readonly NounLanguage[], before: readonly string[]): ReturnType<typeof readNoun> {
  for (const l of languages) {
    const r = readNoun(word, l, before);
    if (r) return r;
  }
  return null;
}

interface Candidate {
  expr: NumberExpr;
  tokenIndex: number;
  unit: UnitFound | null;
}

const SENTENCE_END = /[.!?](?=\s+[\p{Lu}«"“(\d*•-]|\s*$)/u;

function sentenceStart(text: string, pos: number): number {
  let s = 0;
  for (const m of text.slice(0, pos).matchAll(new RegExp(SENTENCE_END.source, 'gu'))) s = (m.index ?? 0) + 1;
  return s;
}

function sentenceEnd(text: string, pos: number): number {
  const m = text.slice(pos).match(SENTENCE_END);
  return m?.index === undefined ? text.length : pos + m.index + 1;
}

/** List intros: the items after them share the unit of the head before. */
const LIST_INTRO = /(?:ичинен|ичинде|ішінде|из них|из которых|в том числе|в т\.\s?ч\.|үүнээс|үүнд|тухайлбал|а именно)\s*:?|:/iu;

/**
 * Reads every quantity in `text`. Offsets in `span` are into `text` itself.
 */
export function readQuantities(text: string, options: ReadOptions = {}): QuantityReading[] {
  const languages = languagesFor(options.language, text);
  const tokens = tokenize(text);
  const candidates: Candidate[] = [];
  const consumed = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'number' || consumed.has(i)) continue;
    const expr = readNumberExpr(text, tokens, i);
    if (!expr) {
      // Skip the digits of a date or code in one go.
      continue;
    }
    for (let k = i; k < expr.next; k++) consumed.add(k);
    if (precededByReference(text, tokens, i)) continue;
    if (insideLinkOrCode(text, expr.start, expr.end)) continue;
    if (isEnumerator(text, t, tokens[i + 1])) continue;
    const after = tokens[expr.next];
    // Dates and codes: 15.06.2023, 14:00, 01/13, 9001:2015 were split into numbers by the tokenizer.
    if (after?.kind === 'punct' && after.start === expr.end && /^[:/]$/u.test(after.text) && tokens[expr.next + 1]?.kind === 'number') continue;
    if (after?.kind === 'punct' && after.start === expr.end && after.text === '.' && tokens[expr.next + 1]?.kind === 'number' && (tokens[expr.next + 1] as Token).start === after.end) continue;
    // A comma list of bare numbers (`17, 16, 14, 12`): codes or item numbers.
    if (inBareNumberList(text, tokens, i, expr)) continue;
    const yearLike = !expr.multiplied && !expr.suffix && Number.isInteger(expr.value) && expr.value >= 1900 && expr.value <= 2100 && /^\d{4}$/u.test(t.text);
    // Mongolian dates: `06 сарын 15`, `сарын 01-нээс`.
    const wNext = tokens[expr.next];
    if (wNext?.kind === 'word' && /^сарын$/iu.test(wNext.text) && tokens[expr.next + 1]?.kind === 'number') continue;
    if (wNext?.kind === 'word' && /^өдөр\p{L}*$/iu.test(wNext.text) && expr.suffix) continue;
    let unit = findUnit(tokens, expr.next, languages, yearLike);
    if (unit?.rejected) continue;
    if (yearLike && (unit === null || (unit.form === 'surface' && !unit.symbol))) continue;
    // A surface unit after a bare suffix-glued number is a clause, not a count (`15 наас 2023`).
    if (unit && unit.form === 'surface' && expr.suffix) unit = null;
    candidates.push({ expr, tokenIndex: i, unit });
  }
  return resolveImplied(text, tokens, candidates, languages);
}

/** A number inside a URL, an e-mail address or a query string (`?id=100008384018333`). */
function insideLinkOrCode(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && !/\s/u.test(text[a - 1] as string)) a--;
  let b = end;
  while (b < text.length && !/\s/u.test(text[b] as string)) b++;
  return /(?:https?:|www\.|@|[=?&#]|\.(?:kg|kz|mn|ru|com|org)\b)/iu.test(text.slice(a, b));
}

function inBareNumberList(text: string, tokens: readonly Token[], i: number, expr: NumberExpr): boolean {
  const prev = tokens[i - 1];
  const prevNum = tokens[i - 2];
  const next = tokens[expr.next];
  const nextNum = tokens[expr.next + 1];
  const commaBefore = prev?.kind === 'punct' && prev.text === ',' && prevNum?.kind === 'number' && /\s/u.test(text.slice(prev.end, expr.start) || ' ');
  const commaAfter = next?.kind === 'punct' && next.text === ',' && nextNum?.kind === 'number' && /\s/u.test(text.slice(next.end, nextNum.start) || ' ');
  return commaBefore || (commaAfter && tokens[expr.next + 2]?.kind === 'punct' && (tokens[expr.next + 2] as Token).text === ',');
}

function reading(text: string, c: Candidate, unit: string, form: 'lemma' | 'surface', implied: boolean, end: number, label?: string): QuantityReading {
  const r: QuantityReading = {
    value: c.expr.value,
    unit,
    text: text.slice(c.expr.start, end),
    unit_form: form,
    implied,
    span: { start: c.expr.start, end },
  };
  if (label) r.label = label;
  return r;
}

/**
 * Numbers without a unit of their own take one from context: the head of the list they are an
 * item of, a partitive genitive or pronoun before them, or the nearest stated unit of an ellipsis.
 */
function resolveImplied(text: string, tokens: readonly Token[], candidates: readonly Candidate[], languages: readonly NounLanguage[]): QuantityReading[] {
  const out: (QuantityReading | null)[] = [];
  const explicit = (c: Candidate): boolean => c.unit !== null;
  candidates.forEach((c, n) => {
    if (c.unit) {
      out.push(reading(text, c, c.unit.unit, c.unit.form, false, c.unit.end));
      return;
    }
    out.push(null);
    void n;
  });

  // Lists: `<head quantity> … ичинен: <label> – N; <label> – N; …` and `<head noun> … :` then items.
  for (let n = 0; n < candidates.length; n++) {
    if (out[n]) continue;
    const c = candidates[n] as Candidate;
    const item = listItem(text, c);
    if (!item) continue;
    const head = listHead(text, tokens, candidates, out, n, languages);
    if (!head) continue;
    out[n] = reading(text, c, head.unit, head.form, true, c.expr.end, item.label || undefined);
  }

  // Partitives: `кайрылуулардын 202си`, `өргөдлийн 256 нь`, `из которых 527`, `үүнээс 613`.
  for (let n = 0; n < candidates.length; n++) {
    if (out[n]) continue;
    const c = candidates[n] as Candidate;
    const unit = partitiveUnit(text, tokens, candidates, out, n, languages);
    if (unit) out[n] = reading(text, c, unit.unit, unit.form, true, c.expr.end);
  }

  // `223 зөрчил … 135 буюу 60 хувийг`: a share named both as a count and a per cent counts the
  // thing stated before it in the sentence. A number in parentheses right after a quantity
  // (`29 проверок (2014-й – 37)`, `30 проверок (25 плановых и 5 внеплановые)`) counts the same.
  for (let n = 0; n < candidates.length; n++) {
    if (out[n]) continue;
    const c = candidates[n] as Candidate;
    const nextWord = tokens[c.expr.next];
    const share = nextWord?.kind === 'word' && /^(?:буюу|или|же)$/iu.test(nextWord.text) && out[n + 1]?.unit === '%';
    const open = text.lastIndexOf('(', c.expr.start);
    const inParens = open >= 0 && !text.slice(open, c.expr.start).includes(')') && /^(?:[^()]*)\)/u.test(text.slice(c.expr.end));
    if (!share && !inParens) continue;
    const s0 = sentenceStart(text, c.expr.start);
    for (let m = n - 1; m >= 0; m--) {
      const q = out[m];
      const o = candidates[m] as Candidate;
      if (o.expr.start < s0) break;
      if (!q || q.implied || q.unit === '%') continue;
      if (inParens && !share && !/^\s*$/u.test(text.slice(q.span.end, open))) break;
      out[n] = reading(text, c, q.unit, q.unit_form, true, c.expr.end);
      break;
    }
  }

  // Ellipsis: a multiplied number without a noun (`45 мянга гаруй, … 25 мянга орчим багш`), or the
  // end of a range (`6 093 сомдон 8 080ге чейин`): the nearest stated unit in the same sentence.
  for (let n = 0; n < candidates.length; n++) {
    if (out[n]) continue;
    const c = candidates[n] as Candidate;
    const nextWord = tokens[c.expr.next];
    const rangeEnd = nextWord?.kind === 'word' && /^(?:чейин|дейін|хүртэл|до)$/iu.test(nextWord.text);
    if (!c.expr.multiplied && !rangeEnd) continue;
    const s0 = sentenceStart(text, c.expr.start);
    const s1 = sentenceEnd(text, c.expr.end);
    let best: { q: QuantityReading; d: number } | null = null;
    candidates.forEach((o, m) => {
      const q = out[m];
      if (!q || q.implied || !explicit(o) || o.expr.start < s0 || o.expr.start > s1) return;
      if (rangeEnd && m > n) return;
      if (!rangeEnd && !o.expr.multiplied && !(o.unit?.symbol ?? false)) return;
      const d = Math.abs(o.expr.start - c.expr.start);
      if (!best || d < best.d) best = { q, d };
    });
    const found = best as { q: QuantityReading; d: number } | null;
    if (found) out[n] = reading(text, c, found.q.unit, found.q.unit_form, true, c.expr.end);
  }
  return out.filter((q): q is QuantityReading => q !== null);
}

/** `… - 1346;` `– 15.` `: 37,` — a number after a dash or colon that ends its clause. */
function listItem(text: string, c: Candidate): { label: string } | null {
  const before = text.slice(Math.max(0, c.expr.start - 200), c.expr.start);
  const after = text.slice(c.expr.end);
  if (!/[-–—:]\s*$/u.test(before)) return null;
  if (!/^\s*(?:[;.,)]|$|\n|\s[*•-]\s)/u.test(after)) return null;
  // The label: back to the previous item end or list intro.
  const cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':', before.length - 2), before.lastIndexOf('\n'), before.search(/[.!?]\s+[^.!?]*$/u));
  const label = before
    .slice(cut + 1)
    .replace(/[-–—:]\s*$/u, '')
    .replace(/^[\s*•\-–—]+/u, '')
    .trim();
  return { label };
}

/** The head of the list item `n` belongs to: an earlier quantity or noun before a list intro. */
function listHead(
  text: string,
  tokens: readonly Token[],
  candidates: readonly Candidate[],
  out: readonly (QuantityReading | null)[],
  n: number,
  languages: readonly NounLanguage[],
): { unit: string; form: 'lemma' | 'surface' } | null {
  const c = candidates[n] as Candidate;
  // Walk back over earlier items of the same list to the head.
  for (let m = n - 1; m >= 0; m--) {
    const prev = candidates[m] as Candidate;
    const q = out[m];
    const between = text.slice(prev.expr.end, c.expr.start);
    if (q && q.implied && q.label !== undefined) {
      // An earlier item: the gap must be one item long (no full stop between items of one list).
      if (/[.!?]\s+\p{Lu}/u.test(between) && !/^[^.]*;/u.test(between)) return null;
      return { unit: q.unit, form: q.unit_form };
    }
    if (q && !q.implied) {
      if (!LIST_INTRO.test(between) || between.length > 400) return null;
      return { unit: q.unit, form: q.unit_form };
    }
    if (!q) return null;
  }
  // No head quantity: a sentence ending in a colon with a known noun (`Келип түшкөн кайрылуулар … бөлүнөт:`).
  const colon = text.lastIndexOf(':', c.expr.start);
  if (colon < 0) return null;
  const s0 = sentenceStart(text, colon);
  const headTokens = tokens.filter((t) => t.kind === 'word' && t.start >= s0 && t.end <= colon);
  for (const t of headTokens) {
    const noun = readAnyNoun(t.text, languages, []);
    if (noun && noun.words === 1) return { unit: noun.lemma, form: 'lemma' };
  }
  return null;
}

/** A partitive: a genitive noun or a partitive pronoun just before the number. */
function partitiveUnit(
  text: string,
  tokens: readonly Token[],
  candidates: readonly Candidate[],
  out: readonly (QuantityReading | null)[],
  n: number,
  languages: readonly NounLanguage[],
): { unit: string; form: 'lemma' | 'surface' } | null {
  const c = candidates[n] as Candidate;
  const i = c.tokenIndex;
  const prev = tokens[i - 1];
  const following = tokens[c.expr.next];
  const possessiveGlued = /^(?:с?[ыиуүі])$/u.test(c.expr.suffix);
  const mnPartitive = following?.kind === 'word' && following.text.toLowerCase() === 'нь';
  // `кайрылуулардын 202си`, `өргөдлийн 256 нь`: the genitive noun right before.
  if (prev?.kind === 'word' && (possessiveGlued || mnPartitive)) {
    if (/(?:[нд]ын|[нд]ин|[нд]ун|[нд]үн|[нд]ың|[нд]ің|тын|тин|тун|түн|ийн|ын|ний|ны)$/iu.test(prev.text)) {
      const noun = readAnyNoun(prev.text, languages, []);
      if (noun) return { unit: noun.lemma, form: 'lemma' };
    }
  }
  // `1и` after `кайрылуулардын 202си, …`: the partitive head earlier in the sentence.
  if (possessiveGlued) {
    const s0 = sentenceStart(text, c.expr.start);
    for (let m = n - 1; m >= 0; m--) {
      const q = out[m];
      if (q && q.implied && (candidates[m] as Candidate).expr.start >= s0 && /^(?:с?[ыиуүі])$/u.test((candidates[m] as Candidate).expr.suffix)) return { unit: q.unit, form: q.unit_form };
    }
  }
  // Pronouns: `из которых 527`, `из них 12`, `үүнээс 613`, `үүний 247`.
  const before = text.slice(Math.max(0, c.expr.start - 30), c.expr.start).toLowerCase();
  if (/(?:из которых|из них|в том числе|үүнээс|үүний|түүнээс|эдгээрээс|алардын|анын)(?:\s+(?:более|менее|около|свыше|более чем|чем))*\s*$/u.test(before)) {
    for (let m = n - 1; m >= 0; m--) {
      const q = out[m];
      if (q && !q.implied && (candidates[m] as Candidate).expr.start >= c.expr.start - 300) return { unit: q.unit, form: q.unit_form };
    }
  }
  return null;
}
