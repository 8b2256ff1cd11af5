import { firstChild, type XmlElement } from './xml-tree.ts';

export interface DocumentIndex {
  /** Zero-based ordinal of every `w:p` in `word/document.xml`, in document order (tables included). */
  readonly paragraphOrdinal: ReadonlyMap<XmlElement, number>;
  /** `w:fldChar` elements that do not form a begin…end pair and must be ignored. */
  readonly ignoredFieldChars: ReadonlySet<XmlElement>;
}

/**
 * One pass over the document before reading it. It numbers the paragraphs (positions cite the
 * n-th `w:p`, which is stable whatever blocks the reader makes of them), and pairs complex-field
 * characters. A field that is never closed must not hide the rest of the document: the fldChar
 * clause of ECMA-376 Part 1, 17.16 says such field characters are ignored and the runs read as if
 * they were not there, so they are found here, ahead of the reader.
 */
export function indexDocument(body: XmlElement | undefined): DocumentIndex {
  const paragraphOrdinal = new Map<XmlElement, number>();
  const ignoredFieldChars = new Set<XmlElement>();
  const open: { begin: XmlElement; separators: XmlElement[] }[] = [];

  const visit = (el: XmlElement): void => {
    if (el.name === 'w:p') paragraphOrdinal.set(el, paragraphOrdinal.size);
    // Deleted content is not read, so its field characters do not count (the reader skips it too).
    if (el.name === 'w:del' || el.name === 'w:moveFrom') return;
    if (el.name === 'mc:AlternateContent') {
      const branch = firstChild(el, 'mc:Choice') ?? firstChild(el, 'mc:Fallback');
      if (branch) visit(branch);
      return;
    }
    if (el.name === 'w:fldChar') {
      const type = el.attrs['w:fldCharType'];
      const top = open[open.length - 1];
      if (type === 'begin') open.push({ begin: el, separators: [] });
      else if (type === 'separate') {
        if (top) top.separators.push(el);
        else ignoredFieldChars.add(el);
      } else if (type === 'end') {
        if (top) open.pop();
        else ignoredFieldChars.add(el);
      }
      return;
    }
    for (const child of el.children) if (typeof child !== 'string') visit(child);
  };
  if (body) visit(body);
  for (const frame of open) {
    ignoredFieldChars.add(frame.begin);
    for (const s of frame.separators) ignoredFieldChars.add(s);
  }
  return { paragraphOrdinal, ignoredFieldChars };
}
