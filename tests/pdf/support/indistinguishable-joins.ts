import type { DocTree, TableBlock } from '../../../src/model/doc-tree.ts';
import { getDocument } from '../../../src/parse/pdf/pdfjs.ts';
import { PiecesPattern } from './pieces-pattern.ts';

/**
 * Line breaks that no reader of the PDF can decide, found in the browser that prints it.
 *
 * Under `overflow-wrap: anywhere` a browser breaks a word only when it does not fit on a line of
 * its own, and then at the last letter that fits. So a line holding one full word followed by the
 * next word on the next line, and a line holding the first part of a longer word followed by the
 * rest of it, can print exactly the same glyphs at exactly the same places: «камсызда|ндырылган»
 * is one word broken, and would print identically if the source had said «камсызда ндырылган».
 * The PDF then holds no trace of the difference, and reading it either way is as right as a
 * reading of that PDF can be.
 *
 * The probe does not reason about that rule: for each line break inside a text node of a table
 * cell that is mid-word, or at a space after a line of one word or after a line-end hyphen (the
 * break after a hyphen is an opportunity with or without a space), it changes the source the other
 * way (inserts or removes that space), lays the cell out again and keeps the break only if every
 * line of the node holds the same text and the cell keeps its width, i.e. the print would be the
 * same. Every other break (a space after a line of several words, a break the alternative moves)
 * is decidable from the page and is never forgiven.
 */

/** One indistinguishable break: the word (or word part) ending a line and the one starting the next. */
export interface IndistinguishableJoin {
  left: string;
  right: string;
  /** CSS px by which the line plus the next line's first letter overruns the cell's text width. */
  overrun: number;
  /** Where: the cell (document order of th/td), the text node within it, and the break's characters. */
  at: { cell: number; node: number; end: number; start: number };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** The two words of a break, as text: breaks of one pair may be read alike or not at all. */
const key = (j: IndistinguishableJoin): string => `${j.left}|${j.right}`;

/** The break fell inside a word (nothing between its two letters), not at a space. */
export function brokenMidWord(j: IndistinguishableJoin): boolean {
  return j.at.start === j.at.end + 1;
}

/**
 * What the probe found: the indistinguishable breaks, the candidates whose other reading prints
 * differently, and those its layouts disagree on (`uncertain`, absent from probes made before it).
 */
export interface JoinProbe {
  joins: IndistinguishableJoin[];
  decidable: IndistinguishableJoin[];
  uncertain?: IndistinguishableJoin[];
}

/** The zooms the probe lays the page out at (see the script's comment on why more than one). */
export const PROBE_ZOOMS: readonly number[] = [10, 1];

/**
 * A script for `page.evaluate`, run after the variant's own DOM tweaks, that lays the document out
 * at the width of the printed page's text area (print media, as the PDF is laid out) and returns
 * the breaks of every table cell that were tried (`JoinProbe`).
 */
export function joinProbeScript(textWidthPx: number, zooms: readonly number[] = PROBE_ZOOMS): string {
  return `(() => {
    const root = document.documentElement;
    const width = root.style.width;
    const zoom = root.style.zoom;
    root.style.width = '${textWidthPx.toFixed(2)}px';
    const probeAt = (z) => {
      root.style.zoom = String(z);
      const scale = root.getBoundingClientRect().width / ${textWidthPx.toFixed(2)};
      const space = /\\s/;
      const range = document.createRange();
      // Line of each visible character of a text node: a new line where a character's box starts
      // below the middle of the line's first one. Lines only go down through a node, so each line's
      // end is found by bisection, a few boxes a line rather than one a character (the boxes were
      // most of the probe's time).
      const lines = (node, from = 0, to = node.data.length) => {
        const text = node.data;
        const visible = [];
        for (let i = from; i < to; i++) if (!space.test(text[i])) visible.push(i);
        const out = [];
        let a = 0, line = -1;
        while (a < visible.length) {
          const r = box(node, visible[a]);
          if (!r) { a++; continue; }
          line++;
          const middle = (r.top + r.bottom) / 2;
          const below = (b) => { const q = box(node, visible[b]); return q !== undefined && q.top >= middle; };
          // Smallest b > a whose box is below the middle: gallop, then bisect.
          let lo = a, step = 1, hi = a + 1;
          while (hi < visible.length && !below(hi)) { lo = hi; step *= 2; hi = a + step; }
          if (hi > visible.length) hi = visible.length;
          while (hi - lo > 1) { const m = (lo + hi) >> 1; if (below(m)) hi = m; else lo = m; }
          for (let b = a; b < hi; b++) out.push({ i: visible[b], line });
          a = hi;
        }
        return out;
      };
      const box = (node, i) => {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getClientRects()[0];
      };
      const lineTexts = (node, at = lines(node)) => {
        const texts = [];
        for (const { i, line } of at) texts[line] = (texts[line] ?? '') + node.data.slice(i, i + 1) + (space.test(node.data[i + 1] ?? '') ? ' ' : '');
        return texts.map((t) => t.trim());
      };
      // Texts of the lines that the visible characters of [from, to) fall on (from starting one).
      const textsIn = (node, from, to) => JSON.stringify(lineTexts(node, lines(node, from, to)));
      // Whether the visible character at i starts a line (its box below the middle of the one before).
      const startsLine = (node, i) => {
        let p = i - 1;
        while (p >= 0 && space.test(node.data[p])) p--;
        const r = box(node, i), q = p >= 0 ? box(node, p) : undefined;
        return !r || !q || r.top >= (q.top + q.bottom) / 2;
      };
      const found = [];
      const decidable = [];
      let cellNo = -1;
      for (const cell of document.querySelectorAll('th, td')) {
        cellNo++;
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        let nodeNo = -1;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          nodeNo++;
          const at = lines(node);
          if (at.length < 2 || at[at.length - 1].line === at[0].line) continue;
          const original = node.data;
          const before = lineTexts(node, at);
          const lineStarts = [];
          for (const { i, line } of at) if (lineStarts[line] === undefined) lineStarts[line] = i;
          const cellWidth = cell.getBoundingClientRect().width;
          const style = getComputedStyle(cell);
          const inner = cell.getBoundingClientRect().right - (parseFloat(style.paddingRight) + parseFloat(style.borderRightWidth)) * scale;
          // Everything read off the node's own layout is read first, then each rewrite is laid out
          // once: reading between rewrites would lay the original out again each time (a table is
          // laid out whole, so each layout costs as much as the table is long).
          const tries = [];
          for (let k = 1; k < at.length; k++) {
            if (at[k].line === at[k - 1].line) continue;
            const end = at[k - 1].i, start = at[k].i;
            const gap = original.slice(end + 1, start);
            const lineText = before[at[k - 1].line] ?? '';
            const midWord = gap.length === 0;
            // A space after a line of several words is decidable, unless the line ends in a hyphen:
            // the break after it is an opportunity with or without the space («01- ны» / «01-ны»).
            if (!midWord && /\\s/.test(lineText) && !/[-\u2010]$/.test(lineText)) continue;
            const left = lineText.split(/\\s+/).pop() ?? '';
            const right = (before[at[k].line] ?? '').split(/\\s+/)[0] ?? '';
            if (!left || !right) continue;
            // Line breaking is greedy: a rewrite at the break can only move the lines from the one
            // before it on, and once a line starts where it did, the rest follows as before. So
            // the lines from the one before the break to two after it are compared, and where the
            // third after it starts (laying the whole node out again for each break was most of the
            // probe's time on long cells).
            const line = at[k - 1].line;
            const from = lineStarts[Math.max(0, line - 1)];
            const to = lineStarts[line + 3];
            const was = JSON.stringify(before.slice(Math.max(0, line - 1), line + 3));
            // How far the line with the next line's first letter added would overrun the cell's text
            // width: a break is only as indistinguishable as this is clear of zero, because the
            // screen lays glyphs out a little differently from the print.
            const overrun = (box(node, end).right + (box(node, start).right - box(node, start).left) - inner) / scale;
            tries.push({ end, start, midWord, shift: midWord ? 1 : -gap.length, from, to, was, j: { left, right, overrun, at: { cell: cellNo, node: nodeNo, end, start } } });
          }
          for (const { end, start, midWord, shift, from, to, was, j } of tries) {
            node.data = original.slice(0, end + 1) + (midWord ? ' ' : '') + original.slice(start);
            const same =
              Math.abs(cell.getBoundingClientRect().width - cellWidth) < 0.01 &&
              textsIn(node, from, to === undefined ? node.data.length : to + shift) === was &&
              (to === undefined || startsLine(node, to + shift));
            (same ? found : decidable).push(j);
          }
          node.data = original;
        }
      }
      return { found, decidable };
    };
    // The screen lays a page out a little differently from the print: it snaps border widths to
    // whole device pixels (a 0.6 pt rule is 1 px wide on screen, 0.8 px in the PDF), which moves
    // cell edges by a fraction of a pixel, and glyph advances differ by as much. Laid out ten times
    // larger the snapping error is a tenth, but the advances differ otherwise, so neither layout
    // is the print's everywhere. Each is probed; a break the layouts agree on is indistinguishable
    // or decidable, and one they disagree on sits too close to the edge for the screen to tell how
    // the print has it: uncertain (\`printedBreaks\` keeps those the PDF shows).
    const layouts = ${JSON.stringify(zooms)}.map(probeAt);
    root.style.width = width;
    root.style.zoom = zoom;
    const key = (j) => j.left + '|' + j.right + '@' + j.at.cell + '/' + j.at.node + '/' + j.at.end + '/' + j.at.start;
    const verdicts = new Map();
    for (const l of layouts) {
      for (const [kind, list] of [['found', l.found], ['decidable', l.decidable]]) {
        for (const j of list) {
          const v = verdicts.get(key(j)) ?? { j, kinds: new Set() };
          v.kinds.add(kind);
          verdicts.set(key(j), v);
        }
      }
    }
    const all = [...verdicts.values()];
    return {
      joins: all.filter((v) => v.kinds.size === 1 && v.kinds.has('found')).map((v) => v.j),
      decidable: all.filter((v) => v.kinds.size === 1 && v.kinds.has('decidable')).map((v) => v.j),
      uncertain: all.filter((v) => v.kinds.size === 2).map((v) => v.j),
    };
  })()`;
}

/**
 * Clearance asked of a space break's overrun, in CSS px: the probe's layout (ten times larger, see
 * `joinProbeScript`) still differs from the print's by the snapping of rules to a tenth of a pixel.
 */
const SCREEN_PRINT_CLEARANCE = 0.2;

/**
 * The probe's indistinguishable breaks that the print bears out. The probe lays the page out on
 * screen, whose cell widths differ from the print's by a fraction of a pixel, so a break only
 * counts where the PDF shows it (a line ending with `left` above one starting with `right` that
 * shares some of its width, on the same page or at the top of the next) and, for a space break, where the next letter overran the line by a clear margin.
 * A mid-word break needs no margin: a line that is the first piece of a broken word is as wide as a
 * line can be, so with a space in place of the break nothing more could fit on it either.
 */
export async function printedJoins(pdf: Uint8Array, probe: JoinProbe): Promise<IndistinguishableJoin[]> {
  return (await printedBreaks(pdf, probe)).joins;
}

/**
 * The probe's indistinguishable and uncertain breaks that the print bears out (`printedJoins`).
 * Uncertain are those the probe's layouts disagree on, and the space breaks whose next letter
 * overran the line by less than the clearance: the print may have them either way.
 */
export async function printedBreaks(pdf: Uint8Array, probe: JoinProbe): Promise<{ joins: IndistinguishableJoin[]; uncertain: IndistinguishableJoin[] }> {
  const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false }).promise;
  const breaks = new Set<string>();
  type Item = { x0: number; x1: number; y: number; size: number; text: string };
  const add = (a: Item, b: Item): void => void breaks.add(`${a.text.split(/\s+/u).at(-1)}|${b.text.split(/\s+/u)[0]}`);
  try {
    let before: Item[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const items: Item[] = (await (await doc.getPage(p)).getTextContent()).items.flatMap((i) =>
        'str' in i && i.str.trim() !== '' ? [{ x0: i.transform[4] ?? 0, x1: (i.transform[4] ?? 0) + i.width, y: i.transform[5] ?? 0, size: Math.abs(i.transform[3] ?? 0), text: i.str.trim() }] : [],
      );
      // The next line of a cell: the nearest line below that shares some of its width (centred
      // lines start at different places).
      const under = (a: Item, b: Item): boolean => b.x0 < a.x1 && a.x0 < b.x1 && b.y < a.y;
      for (const a of items) {
        let next: Item | undefined;
        for (const b of items) if (under(a, b) && a.y - b.y < 2 * a.size && (!next || b.y > next.y)) next = b;
        if (next) add(a, next);
      }
      // A cell cut by the page end goes on at the top of the next page, below the repeated
      // header, if any: its last line on this page is linked to the first few under it there.
      // The header's lines are those printed at the same place on the page before (a header of
      // narrow columns has more lines than the few looked at).
      const place = (i: Item): string => `${i.text}@${i.x0.toFixed(1)},${i.y.toFixed(1)}`;
      const repeated = new Set(before.map(place));
      for (const a of before) {
        if (before.some((b) => under(a, b))) continue;
        const tops = items.filter((b) => b.x0 < a.x1 && a.x0 < b.x1 && !repeated.has(place(b))).sort((x, y) => y.y - x.y);
        for (const b of tops.slice(0, 4)) add(a, b);
      }
      before = items;
    }
  } finally {
    await doc.destroy();
  }
  const printed = (j: IndistinguishableJoin): boolean => breaks.has(`${j.left}|${j.right}`);
  const clear = (j: IndistinguishableJoin): boolean => brokenMidWord(j) || j.overrun >= SCREEN_PRINT_CLEARANCE;
  return {
    joins: probe.joins.filter((j) => printed(j) && clear(j)),
    uncertain: [...[...(probe.uncertain ?? []), ...probe.joins.filter((j) => !clear(j))].filter(printed), ...shiftedInPrint(probe, printed)],
  };
}

/** Letters by which the print may break a word later or earlier than the probe's layout. */
const PRINT_SHIFT_LETTERS = 2;

/**
 * A word the probe's layout broke for want of room that the print broke a letter or two further
 * on or back (its glyph advances differ from the screen's by a fraction of a letter a line):
 * the print's break, too, came where the next letter did not fit, so with a space there instead
 * the print would be the same (the next piece did not fit on the full line either). The probe
 * tried its own break, not the print's, so the print's is `uncertain`.
 */
function shiftedInPrint(probe: JoinProbe, printed: (j: IndistinguishableJoin) => boolean): IndistinguishableJoin[] {
  const out: IndistinguishableJoin[] = [];
  for (const j of [...probe.joins, ...(probe.uncertain ?? [])]) {
    // The probe's own pair may be printed elsewhere (the word broken where the screen broke it,
    // in a cell a hair wider), so each break is looked for shifted all the same.
    if (!brokenMidWord(j)) continue;
    const word = j.left + j.right;
    for (let k = -PRINT_SHIFT_LETTERS; k <= PRINT_SHIFT_LETTERS; k++) {
      const cut = j.left.length + k;
      if (k === 0 || cut < 1 || cut >= word.length) continue;
      const shifted = { ...j, left: word.slice(0, cut), right: word.slice(cut), at: { ...j.at, end: j.at.end + k, start: j.at.start + k } };
      if (printed(shifted)) out.push(shifted);
    }
  }
  return out;
}

/**
 * The pairs of words (`left|right`) whose indistinguishable breaks cannot be settled by their text,
 * because a rewrite of the text would not fall on the break alone:
 * - the pair breaks inside a word in one cell and at a space in another («сервистүүлүгү|н» for
 *   the source's «сервистүүлүгүн» and for its OCR-split «сервистүүлүгү н»);
 * - the source (`source`: the golden report's text) has the pair the other way too, within a
 *   line or at a break the probe did not try: settling «сервистүүлүгү|н» as one word would take
 *   the space out of a «сервистүүлүгү н» that the reader read right.
 */
export function unsettledPairs(joins: readonly IndistinguishableJoin[], source = ''): Set<string> {
  const kinds = new Map<string, Set<boolean>>();
  for (const j of joins) kinds.set(key(j), (kinds.get(key(j)) ?? new Set()).add(brokenMidWord(j)));
  const unsettled = new Set<string>();
  for (const j of joins) {
    if (unsettled.has(key(j))) continue;
    const other = new PiecesPattern([j.left], `${brokenMidWord(j) ? ' ' : ''}${j.right}`, { start: 'word', end: 'word' });
    if (kinds.get(key(j))?.size === 2 || other.test(source)) unsettled.add(key(j));
  }
  return unsettled;
}

/** Break `b` ends the line that break `a` began (the line is one token, so it starts where `a` left off). */
const lineAfter = (a: IndistinguishableJoin, b: IndistinguishableJoin): boolean =>
  a.at.cell === b.at.cell && a.at.node === b.at.node && b.at.end - b.left.length + 1 === a.at.start;

/**
 * Spaces no reading of the print can place, for `goldenDiff`'s `forgiven`: between the two words of
 * an unsettled pair (`unsettledPairs`), with or without a space compares equal. At each of its
 * breaks the print is the same whichever way the source had it, so a reader that reads the pair's
 * breaks alike is wrong at one of them whatever it does. Only where every printed break of the
 * pair is indistinguishable: a pair that also breaks decidably somewhere (`JoinProbe.decidable`)
 * is judged as read.
 *
 * The same goes for the `uncertain` breaks (`printedBreaks`): the print may have them either way.
 * Their words may be pieces of longer ones, broken on the lines around the break, so the space is
 * forgiven between the words' letters wherever the probe saw such a piece go on.
 */
export function forgivenSpaces(unsettled: ReadonlySet<string>, probe: JoinProbe, uncertain: readonly IndistinguishableJoin[] = []): RegExp[] {
  const decidable = new Set(probe.decidable.map(key));
  const all = [...probe.joins, ...probe.decidable, ...(probe.uncertain ?? [])];
  const pieceBefore = (j: IndistinguishableJoin): boolean => all.some((i) => brokenMidWord(i) && lineAfter(i, j));
  const pieceAfter = (j: IndistinguishableJoin): boolean => all.some((i) => brokenMidWord(i) && lineAfter(j, i));
  const space = (left: string, right: string, openLeft = false, openRight = false): RegExp =>
    new RegExp(`(?<=${openLeft ? '' : '(?<![\\p{L}\\p{N}])'}${escape(left)}) (?=${escape(right)}${openRight ? '' : '(?![\\p{L}\\p{N}])'})`, 'gu');
  return [
    ...[...unsettled]
      .filter((k) => !decidable.has(k))
      .map((k) => {
        const [left = '', right = ''] = k.split('|');
        return space(left, right);
      }),
    ...uncertain.filter((j) => !decidable.has(key(j))).map((j) => space(j.left, j.right, pieceBefore(j), pieceAfter(j))),
  ];
}

/**
 * A script for `page.evaluate`, run where `joinProbeScript` ran, that rewrites the source at the
 * given breaks the other way (a mid-word break gets a space, a space break loses it). Breaks of one
 * text node are rewritten from its end so that the offsets of the others still hold.
 */
export function flipScript(joins: readonly IndistinguishableJoin[]): string {
  const sorted = [...joins].sort((a, b) => b.at.end - a.at.end);
  return `(() => {
    const cells = [...document.querySelectorAll('th, td')];
    for (const { at } of ${JSON.stringify(sorted)}) {
      const walker = document.createTreeWalker(cells[at.cell], NodeFilter.SHOW_TEXT);
      let node = walker.nextNode();
      for (let n = 0; n < at.node; n++) node = walker.nextNode();
      const text = node.data;
      const midWord = at.start === at.end + 1;
      node.data = text.slice(0, at.end + 1) + (midWord ? ' ' : '') + text.slice(at.start);
    }
  })()`;
}

/**
 * Settles every indistinguishable break in a parsed tree as the source had it: a broken word
 * loses the space the reader may have put into it, and a whole word that filled its line gets back
 * the space the reader may have taken out. Applied through `StageInput.revise`, so that all that
 * is derived from the text (measures, quantities, roles) is compared with the golden report as if
 * the reader had guessed those breaks right, and only decidable differences remain.
 */
export function settleIndistinguishable(joins: readonly IndistinguishableJoin[], unsettled = unsettledPairs(joins)): (doc: DocTree) => void {
  // Pairs that cannot be settled by their text are left as the reader read them.
  const settled = joins.filter((j) => !unsettled.has(key(j)));
  // A word broken over several lines is one chain of pieces; it is matched whole, with or without
  // a space at each break, and ending where a word ends (a piece alone would match inside other
  // words: «…лөрдү к» in «өзгөртүүлөрдү киргизүү»).
  const chains: { pieces: string[]; joins: IndistinguishableJoin[]; last: IndistinguishableJoin }[] = [];
  for (const j of [...settled.filter(brokenMidWord)].sort((a, b) => a.at.cell - b.at.cell || a.at.node - b.at.node || a.at.end - b.at.end)) {
    const chain = chains.at(-1);
    if (chain && lineAfter(chain.last, j)) {
      chain.pieces.push(j.right);
      chain.joins.push(j);
      chain.last = j;
    } else chains.push({ pieces: [j.left, j.right], joins: [j], last: j });
  }
  // A whole word filling its line may itself be the last piece of a word broken before it: the
  // space is put back after the whole word, however the reader joined its pieces.
  const at = (cell: number, node: number, offset: number): string => `${cell}/${node}/${offset}`;
  const lineStart = (j: IndistinguishableJoin): string => at(j.at.cell, j.at.node, j.at.end - j.left.length + 1);
  // Chains by where the line after their last break starts, and by where their first line starts.
  const chainEndingAt = new Map<string, (typeof chains)[number]>();
  const chainStartingAt = new Map<string, (typeof chains)[number]>();
  for (const c of chains) {
    const after = at(c.last.at.cell, c.last.at.node, c.last.at.start);
    if (!chainEndingAt.has(after)) chainEndingAt.set(after, c);
    const first = c.joins[0];
    if (first && !chainStartingAt.has(lineStart(first))) chainStartingAt.set(lineStart(first), c);
  }
  const chainOf = new Map(chains.flatMap((c) => c.joins.map((j) => [j, c] as const)));
  const wordBefore = (j: IndistinguishableJoin): string[] => chainEndingAt.get(lineStart(j))?.pieces ?? [j.left];
  const rules = [
    // A whole word begins where no letter stands before it.
    ...settled
      .filter((j) => !brokenMidWord(j))
      .map((j) => ({ pattern: new PiecesPattern(wordBefore(j), j.right, { start: 'word' }), to: `${wordBefore(j).join('')} ${j.right}`, all: true })),
    // …or at the start of a cell that a page cut inside that word: its last pieces open the cell.
    ...settled
      .filter((j) => !brokenMidWord(j))
      .flatMap((j) =>
        wordBefore(j)
          .slice(1)
          .map((_, k, rest) => ({ pattern: new PiecesPattern(rest.slice(k), j.right, { start: 'line' }), to: `${rest.slice(k).join('')} ${j.right}`, all: false })),
      ),
    ...chains.map(({ pieces }) => ({ pattern: new PiecesPattern(pieces, '', { end: 'word' }), to: pieces.join(''), all: true })),
  ];
  // Thousands of rules meet thousands of cells in a long print, and nearly every pair misses: each
  // text is matched only against the rules whose longest piece it holds. The rules apply in order,
  // and a rewrite may make a later rule's piece, so the rest are looked up again after one.
  const rulesIn = containing(rules.map((r) => r.pattern.need));
  const settle = (text: string): string => {
    let t = text;
    let next = rulesIn(t);
    for (let n = 0; n < next.length; n++) {
      const i = next[n] ?? 0;
      const r = rules[i];
      if (!r) continue;
      const u = r.all ? r.pattern.replaceAll(t, r.to) : r.pattern.replaceFirst(t, r.to);
      if (u === t) continue;
      t = u;
      next = rulesIn(t).filter((k) => k > i);
      n = -1;
    }
    return t;
  };
  // A break at a page foot lies between a cell's last line on one page and the first line of the
  // cell below it overleaf, joined later as `cutInWord` says. The word before it may be the last
  // piece of a word broken over lines above, and the word after it the first of one broken below:
  // the pieces on each side are read with or without spaces, as inside a cell.
  const sides = (j: IndistinguishableJoin): { up: string[]; down: string[] } => {
    const chain = brokenMidWord(j) ? chainOf.get(j) : undefined;
    if (chain) {
      const k = chain.joins.indexOf(j) + 1;
      return { up: chain.pieces.slice(0, k), down: chain.pieces.slice(k) };
    }
    return { up: wordBefore(j), down: chainStartingAt.get(at(j.at.cell, j.at.node, j.at.start))?.pieces ?? [j.right] };
  };
  const cuts = settled.map((j) => {
    const { up, down } = sides(j);
    return {
      midWord: brokenMidWord(j),
      upper: new PiecesPattern(up, '', { start: 'word', end: 'line' }),
      lower: new PiecesPattern(down, '', { start: 'indent', end: 'word' }),
      up: up.join(''),
      down: down.join(''),
    };
  });
  const cutsIn = containing(cuts.map((c) => c.upper.need));
  return (doc) => {
    let before: TableBlock | undefined;
    for (const block of doc.blocks) {
      if (block.kind !== 'table') continue;
      const last = before ? before.rows.length - 1 : -1;
      for (const row of block.rows) {
        for (const cell of row.cells) {
          cell.text = settle(cell.text);
          cell.paragraphs = cell.paragraphs.map(settle);
          if (!row.pageBreakBefore || !before) continue;
          const above = before.rows.flatMap((r, i) => r.cells.filter((c) => c.col === cell.col && i + c.rowSpan - 1 === last))[0];
          const cut = above ? cutsIn(above.text).map((k) => cuts[k]).find((c) => c && c.upper.test(above.text) && c.lower.test(cell.text)) : undefined;
          if (!above || !cut) continue;
          above.text = cut.upper.replaceFirst(above.text, cut.up);
          above.paragraphs = above.paragraphs.map((p, i, all) => (i === all.length - 1 ? cut.upper.replaceFirst(p, cut.up) : p));
          cell.text = cut.lower.replaceFirst(cell.text, cut.down);
          cell.paragraphs = cell.paragraphs.map((p, i) => (i === 0 ? cut.lower.replaceFirst(p, cut.down) : p));
          if (cut.midWord) Object.assign(cell, { continuesAbove: true, cutInWord: true });
          else delete cell.cutInWord;
        }
      }
      before = block;
    }
  };
}

/**
 * For texts to look up in a text: the indices, in order, of those it holds. Indexed by their first
 * two code units, so a text is matched against the few that could occur in it (a long print has
 * thousands of breaks to settle, and every cell would otherwise be searched for each).
 */
function containing(needs: readonly string[]): (text: string) => number[] {
  const byPair = new Map<string, number[]>();
  const short: number[] = [];
  needs.forEach((need, i) => {
    if (need.length < 2) short.push(i);
    else {
      const list = byPair.get(need.slice(0, 2));
      if (list) list.push(i);
      else byPair.set(need.slice(0, 2), [i]);
    }
  });
  return (text) => {
    const found = new Set<number>();
    for (const i of short) if (text.includes(needs[i] ?? '')) found.add(i);
    for (let k = 0; k + 1 < text.length; k++) for (const i of byPair.get(text.slice(k, k + 2)) ?? []) if (text.includes(needs[i] ?? '')) found.add(i);
    return [...found].sort((a, b) => a - b);
  };
}
