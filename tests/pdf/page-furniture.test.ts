import { describe, expect, it } from 'vitest';
import { pageFurniture } from '../../src/parse/pdf/page-furniture.ts';

const table = (top: number, bottom: number) => ({ box: { x0: 40, x1: 560, top, bottom } });

describe('page furniture', () => {
  it('is what lies in the top or bottom band of a page', () => {
    const isFurniture = pageFurniture([{ tables: [table(100, 700)], height: 800 }]);
    expect(isFurniture(770, 780, 800)).toBe(true);
    expect(isFurniture(10, 20, 800)).toBe(true);
    expect(isFurniture(700, 712, 800)).toBe(false);
  });

  it('is not what lies where the document\'s tables reach on some page: a row caught at the foot of a page', () => {
    // The full page's table runs to 780; the next page's table ends at 720 and a goal row the page
    // break caught sits under it at 750–762, in the band.
    const pages = [
      { tables: [table(60, 780)], height: 800 },
      { tables: [table(60, 720)], height: 800 },
    ];
    const isFurniture = pageFurniture(pages);
    expect(isFurniture(750, 762, 800)).toBe(false);
    expect(isFurniture(785, 795, 800)).toBe(true);
    // The band is shared out by page height: a landscape page's table says the same of a portrait one.
    expect(pageFurniture([{ tables: [table(40, 585)], height: 600 }])(750, 762, 800)).toBe(false);
  });
});
