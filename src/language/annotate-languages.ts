import type { Block, DocTree } from '../model/doc-tree.ts';
import { isCandidate } from './candidates.ts';
import { decide } from './detect.ts';
import type { DetectOptions, LanguageGuess, ScoredGuess } from './detect.ts';
import { languageFeatures } from './language-features.ts';
import type { LanguageFeatures } from './language-features.ts';

/** Which language one block is in, for the report's record of mixed-language documents. */
export interface BlockLanguage {
  /** Index of the block in `doc.blocks`. */
  block: number;
  kind: Block['kind'];
  code: string;
  confidence: number;
  /** Letters that carried language: the block's weight in the document vote. */
  letters: number;
  /** Table blocks only: cells per detected language. */
  cells?: Record<string, number>;
}

export interface LanguageAnnotation {
  document: LanguageGuess;
  blocks: BlockLanguage[];
  /** Share of the document's letters per language, largest first. */
  shares: Array<{ code: string; share: number }>;
}

/** Texts of one block as the detector should see them: a table is its cells, one by one. */
function unitsOf(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return [block.text];
    case 'list':
      return [block.items.join('\n')];
    case 'table':
      return block.rows.flatMap((row) => row.cells.map((cell) => cell.text));
    case 'page-break':
      return [];
  }
}

/**
 * Sets `language` on every block and every table cell of `doc`, IN PLACE, and returns what it
 * decided. Two passes: first every text on its own evidence, weighted by its letters, to find the
 * document language; then every text again with that language as prior, which decides only where
 * the text's own evidence is weak (a short status word, a name) — a plainly Russian cell in a
 * Kyrgyz report stays Russian.
 */
export function annotateLanguages(doc: DocTree): LanguageAnnotation {
  // The evidence of a text does not depend on the prior, so it is gathered once for both passes.
  const features = new Map<string, LanguageFeatures>();
  const scoreLanguage = (text: string, options: DetectOptions = {}): ScoredGuess => {
    let f = features.get(text);
    if (!f) {
      f = languageFeatures(text);
      features.set(text, f);
    }
    return decide(f, options);
  };
  const letterVotes = new Map<string, number>();
  const scriptVotes = new Map<LanguageGuess['script'], number>();
  let totalLetters = 0;
  for (const block of doc.blocks) {
    for (const text of unitsOf(block)) {
      const scored = scoreLanguage(text);
      if (scored.guess.code === 'und') continue;
      letterVotes.set(scored.guess.code, (letterVotes.get(scored.guess.code) ?? 0) + scored.letters);
      scriptVotes.set(scored.guess.script, (scriptVotes.get(scored.guess.script) ?? 0) + scored.letters);
      totalLetters += scored.letters;
    }
  }
  const shares = [...letterVotes]
    .sort((a, b) => b[1] - a[1])
    .map(([code, letters]) => ({ code, share: Math.round((letters / totalLetters) * 1000) / 1000 }));
  const top = shares[0];
  const document: LanguageGuess = top
    ? { code: top.code, confidence: top.share, script: [...scriptVotes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'Zyyy' }
    : { code: 'und', confidence: 0, script: 'Zyyy' };
  const prior = isCandidate(document.code) ? document.code : undefined;
  const options = prior ? { prior } : {};

  const blocks: BlockLanguage[] = [];
  doc.blocks.forEach((block, index) => {
    if (block.kind === 'page-break') return;
    if (block.kind === 'table') {
      const cells: Record<string, number> = {};
      const votes = new Map<string, number>();
      for (const row of block.rows) {
        for (const cell of row.cells) {
          const scored = scoreLanguage(cell.text, options);
          cell.language = scored.guess.code;
          cells[scored.guess.code] = (cells[scored.guess.code] ?? 0) + 1;
          if (scored.guess.code !== 'und') votes.set(scored.guess.code, (votes.get(scored.guess.code) ?? 0) + scored.letters);
        }
      }
      const ranked = [...votes].sort((a, b) => b[1] - a[1]);
      const letters = ranked.reduce((sum, [, n]) => sum + n, 0);
      const [code, weight] = ranked[0] ?? ['und', 0];
      block.language = code;
      blocks.push({ block: index, kind: block.kind, code, confidence: letters ? Math.round((weight / letters) * 1000) / 1000 : 0, letters, cells });
      return;
    }
    const text = unitsOf(block)[0] ?? '';
    const scored = scoreLanguage(text, options);
    block.language = scored.guess.code;
    blocks.push({ block: index, kind: block.kind, code: scored.guess.code, confidence: scored.guess.confidence, letters: scored.letters });
  });
  return { document, blocks, shares };
}
