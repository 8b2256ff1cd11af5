import type { LineCells } from './stream-columns.ts';
import { makeChunk, type Chunk } from './text-lines.ts';

/**
 * Cells set with little padding in a borderless table: on one line a long word of one cell can
 * reach past the column edge (the edge sits in a corridor that only that line crosses) and run
 * into the next cell's first word, so the line reads as one phrase spanning two columns. What
 * tells the two cells apart is the next line up or down of the same rows: there the right-hand
 * cell starts its text at the very x where the phrase's later word starts, and nothing crosses
 * the edge. A cell that truly spans the columns crosses on its other lines too, so it is left.
 */

/** How far (pt) two left-aligned starts of one cell's lines may differ (rounding of positions). */
const SAME_START = 0.5;

export function splitRunTogetherCells(placed: LineCells[], pitch: number): void {
  placed.forEach((cur, i) => {
    const near = [placed[i - 1], placed[i + 1]].filter(
      (o): o is LineCells => o !== undefined && Math.abs(o.line.baseline - cur.line.baseline) <= pitch * 1.35 + 0.5,
    );
    if (near.length === 0) return;
    const spans: LineCells['spans'] = [];
    for (const sp of cur.spans) spans.push(...splitSpan(sp, near));
    cur.spans = spans;
  });
}

function splitSpan(sp: LineCells['spans'][number], near: readonly LineCells[]): LineCells['spans'] {
  if (sp.c1 === sp.c0) return [sp];
  const runs = sp.chunks.flatMap((c) => c.runs);
  for (let k = sp.c1; k > sp.c0; k--) {
    const crossed = near.some((o) => o.spans.some((s) => s.c0 < k && s.c1 >= k));
    if (crossed) continue;
    const starts = near.flatMap((o) => o.spans.filter((s) => s.c0 === k).map((s) => s.chunks[0]?.x0 ?? Number.NaN));
    const at = runs.findIndex((r, j) => j > 0 && r.x0 > (runs[j - 1]?.x1 ?? r.x0) && starts.some((x) => Math.abs(x - r.x0) <= SAME_START));
    if (at <= 0) continue;
    const left: Chunk[] = regroup(runs.slice(0, at), sp.chunks);
    const right: Chunk[] = regroup(runs.slice(at), sp.chunks);
    return [...splitSpan({ c0: sp.c0, c1: k - 1, chunks: left }, near), { c0: k, c1: sp.c1, chunks: right }];
  }
  return [sp];
}

/** The runs back into the phrases they came from (a phrase cut in two gives two). */
function regroup(runs: Chunk['runs'], chunks: readonly Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (const ch of chunks) {
    const mine = ch.runs.filter((r) => runs.includes(r));
    if (mine.length === ch.runs.length) out.push(ch);
    else if (mine.length > 0) out.push(makeChunk(mine));
  }
  return out;
}
