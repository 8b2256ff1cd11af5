import type { Box } from './page-content.ts';

/** Lines this close to the top or bottom edge (share of page height) may be page furniture. */
const FURNITURE_BAND = 0.08;

/**
 * Which lines are page furniture (running heads, page numbers): those in a band at the top or
 * bottom of the page, unless the document's tables reach that far on some page. A page's body
 * ends where its tables do on a full page, and a row the page break caught at the foot of another
 * page lies within that body, not in its footer.
 */
export function pageFurniture(pages: readonly { tables: readonly { box: Box }[]; height: number }[]): (top: number, bottom: number, height: number) => boolean {
  let top = FURNITURE_BAND;
  let bottom = 1 - FURNITURE_BAND;
  for (const page of pages) {
    if (!(page.height > 0)) continue;
    for (const t of page.tables) {
      top = Math.min(top, t.box.top / page.height);
      bottom = Math.max(bottom, t.box.bottom / page.height);
    }
  }
  return (lineTop, lineBottom, height) => lineBottom < height * top || lineTop > height * bottom;
}
