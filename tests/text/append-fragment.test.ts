import { describe, expect, it } from 'vitest';
import { appendFragment } from '../../src/text/text-cues.ts';
import { labelledSegments } from '../../src/extract/labelled-segments.ts';

describe('appendFragment (text cut by a page break)', () => {
  it('keeps a label cut from its value by the page as one statement, so the status is read', () => {
    const paragraphs = ['Күтүлгөн натыйжа: Социалдык фонддун ишинин транспаренттүүлүгү Статусу:'];
    appendFragment(paragraphs, ['аткарылды Социалдык фонддун ведомстволук сайтында']);
    expect(paragraphs).toHaveLength(1);
    expect(labelledSegments(paragraphs).find((s) => s.kind === 'status')?.text).toMatch(/^аткарылды/u);
  });

  it('starts a new paragraph after a colon when a list item follows', () => {
    const list = ['Иш-чаралар:'];
    appendFragment(list, ['- биринчи иш-чара']);
    expect(list).toHaveLength(2);
  });

  it('goes on with a capitalised fragment where the layout says the text wrapped at the break, but not with a list item', () => {
    const units = ['Коррупциянын алдын алуу боюнча комиссия, Кыргыз Республикасынын'];
    appendFragment(units, ['Социалдык фондунун төрагасы'], true);
    expect(units).toEqual(['Коррупциянын алдын алуу боюнча комиссия, Кыргыз Республикасынын Социалдык фондунун төрагасы']);
    const cued = ['Коррупциянын алдын алуу боюнча комиссия, Кыргыз Республикасынын'];
    appendFragment(cued, ['Социалдык фондунун төрагасы']);
    expect(cued).toHaveLength(2);
    const list = ['Иш-чаралар:'];
    appendFragment(list, ['- биринчи иш-чара'], true);
    expect(list).toHaveLength(2);
  });

  it('still ends the paragraph at a full stop or a semicolon', () => {
    const p = ['биринчи пункт;'];
    appendFragment(p, ['экинчи пункт']);
    expect(p).toHaveLength(2);
  });
});
