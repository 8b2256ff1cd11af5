import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * The language evaluation set: real public paragraphs kept with their source address in
 * `fixtures/lang/<lang>.tsv`, cut into 20–60-character segments here so that the cut is
 * reproducible and the fixture stays readable.
 */

export interface EvalItem {
  lang: string;
  url: string;
  text: string;
  split: 'dev' | 'test';
}

export interface EvalSet {
  paragraphs: EvalItem[];
  segments: EvalItem[];
  /** Word-aligned pieces of 8–19 characters: one- and two-word cells (units, statuses, names). */
  shortCells: EvalItem[];
}

const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/lang/', import.meta.url));

/** Segment lengths cycle through these targets so the set holds short cells as well as long ones. */
const SEGMENT_TARGETS = [24, 36, 48, 60] as const;
const SEGMENT_MIN = 20;
const SEGMENT_MAX = 60;

/** FNV-1a: a stable hash so the split never changes between runs or machines. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Split by source, not by paragraph: two paragraphs of one page share names and topic words,
 * so a per-paragraph split would leak the test set into whatever was tuned on dev.
 */
export function splitOf(url: string): 'dev' | 'test' {
  return fnv1a(url) % 2 === 0 ? 'dev' : 'test';
}

/** Cuts a paragraph into consecutive word-aligned pieces of 20–60 characters. */
export function segmentParagraph(paragraph: string): string[] {
  const words = paragraph.split(/\s+/u).filter((w) => w.length > 0);
  const segments: string[] = [];
  let current = '';
  let turn = 0;
  for (const word of words) {
    const target = SEGMENT_TARGETS[turn % SEGMENT_TARGETS.length] ?? SEGMENT_MAX;
    const next = current ? `${current} ${word}` : word;
    if (next.length > SEGMENT_MAX || (current.length >= target && current.length >= SEGMENT_MIN)) {
      if (current.length >= SEGMENT_MIN) {
        segments.push(current);
        turn++;
      }
      current = word.length <= SEGMENT_MAX ? word : '';
    } else {
      current = next;
    }
  }
  if (current.length >= SEGMENT_MIN) segments.push(current);
  return segments;
}

/** Cuts a paragraph into consecutive word-aligned pieces of 8–19 characters (longer words are skipped). */
export function shortCellsOf(paragraph: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (const word of paragraph.split(/\s+/u).filter((w) => w.length > 0)) {
    const next = current ? `${current} ${word}` : word;
    if (next.length >= 20) {
      if (current.length >= 8) cells.push(current);
      current = word.length < 20 ? word : '';
    } else {
      current = next;
    }
    if (current.length >= 12) {
      cells.push(current);
      current = '';
    }
  }
  if (current.length >= 8) cells.push(current);
  return cells;
}

export function loadEvalSet(dir: string = FIXTURE_DIR): EvalSet {
  const paragraphs: EvalItem[] = [];
  const segments: EvalItem[] = [];
  const shortCells: EvalItem[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
    const lang = file.replace(/\.tsv$/u, '');
    const lines = readFileSync(join(dir, file), 'utf8').split('\n').slice(1);
    for (const line of lines) {
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      const url = line.slice(0, tab).trim();
      const text = line.slice(tab + 1).trim();
      if (!text) continue;
      const split = splitOf(url);
      paragraphs.push({ lang, url, text, split });
      for (const segment of segmentParagraph(text)) segments.push({ lang, url, text: segment, split });
      for (const cell of shortCellsOf(text)) shortCells.push({ lang, url, text: cell, split });
    }
  }
  return { paragraphs, segments, shortCells };
}
