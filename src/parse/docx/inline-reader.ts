import type { Styles } from './styles.ts';
import { childElements, firstChild, type XmlElement, type XmlNode } from './xml-tree.ts';

/**
 * Reads the inline content of one paragraph (runs, fields, hyperlinks, revisions) into the text a
 * reader of the accepted document sees, as lines separated by forced breaks and segments separated
 * by page breaks.
 */
export interface InlineText {
  /** One entry per page segment; each segment is its lines (forced `w:br` breaks), raw whitespace. */
  readonly segments: string[][];
  /** Letters and digits read, and how many of them were bold. */
  readonly letters: number;
  readonly boldLetters: number;
  /** Text boxes met inside the paragraph (`w:txbxContent`): block content the caller reads after it. */
  readonly textBoxes: XmlElement[];
}

/** Complex-field state shared across paragraphs: a field may span several (a TOC does). */
export interface FieldState {
  /** `w:fldChar` elements left unmatched by the pre-pass: ignored, as the fldChar clause of 17.16 asks. */
  readonly ignored: ReadonlySet<XmlElement>;
  /** One entry per open field: `code` until its separator, then `result`. */
  readonly stack: ('code' | 'result')[];
}

export interface RevisionCounts {
  inserted: number;
  deleted: number;
}

export interface InlineContext {
  readonly styles: Styles;
  readonly fields: FieldState;
  readonly revisions: RevisionCounts;
}

const WORD_CHARS = /[\p{L}\p{N}]/gu;

/**
 * Elements that only carry properties, marks or references with no visible text of their own.
 * Everything not listed here or handled below is descended into, so unknown wrappers (new Word
 * versions, other producers) still yield their text.
 */
const SKIP = new Set([
  'w:pPr', 'w:rPr', 'w:sdtPr', 'w:sdtEndPr', 'w:customXmlPr', 'w:smartTagPr', 'w:fldData',
  'w:bookmarkStart', 'w:bookmarkEnd', 'w:commentRangeStart', 'w:commentRangeEnd', 'w:commentReference',
  'w:proofErr', 'w:permStart', 'w:permEnd', 'w:moveFromRangeStart', 'w:moveFromRangeEnd',
  'w:moveToRangeStart', 'w:moveToRangeEnd', 'w:footnoteReference', 'w:endnoteReference',
  'w:annotationRef', 'w:footnoteRef', 'w:endnoteRef', 'w:separator', 'w:continuationSeparator',
  'w:lastRenderedPageBreak', 'w:instrText', 'w:delText', 'w:delInstrText', 'w:sym', 'w:softHyphen',
  'w:rubyPr', 'w:rt',
]);

export function readInline(nodes: readonly XmlNode[], pStyle: string | undefined, ctx: InlineContext): InlineText {
  const segments: string[][] = [['']];
  const textBoxes: XmlElement[] = [];
  let letters = 0;
  let boldLetters = 0;

  const visible = (): boolean => ctx.fields.stack.every((phase) => phase === 'result');
  const currentSegment = (): string[] => segments[segments.length - 1] as string[];
  const addText = (text: string, bold: boolean): void => {
    if (!visible() || text.length === 0) return;
    const lines = currentSegment();
    lines[lines.length - 1] += text;
    const n = text.match(WORD_CHARS)?.length ?? 0;
    letters += n;
    if (bold) boldLetters += n;
  };
  const lineBreak = (): void => {
    if (visible()) currentSegment().push('');
  };
  const pageBreak = (): void => {
    if (visible()) segments.push(['']);
  };

  const fieldChar = (el: XmlElement): void => {
    if (ctx.fields.ignored.has(el)) return;
    const type = el.attrs['w:fldCharType'];
    if (type === 'begin') ctx.fields.stack.push('code');
    else if (type === 'separate') {
      if (ctx.fields.stack.length > 0) ctx.fields.stack[ctx.fields.stack.length - 1] = 'result';
    } else if (type === 'end') ctx.fields.stack.pop();
  };

  /** Drawings and VML shapes only matter for the text boxes inside them. */
  const collectTextBoxes = (el: XmlElement): void => {
    if (el.name === 'w:txbxContent') {
      textBoxes.push(el);
      return;
    }
    if (el.name === 'mc:AlternateContent') {
      const choice = firstChild(el, 'mc:Choice') ?? firstChild(el, 'mc:Fallback');
      if (choice) collectTextBoxes(choice);
      return;
    }
    for (const child of childElements(el)) collectTextBoxes(child);
  };

  const runChild = (el: XmlElement, bold: boolean, hidden: boolean): void => {
    switch (el.name) {
      case 'w:t':
        if (!hidden) for (const c of el.children) if (typeof c === 'string') addText(c, bold);
        return;
      case 'w:tab':
      case 'w:ptab':
        addText(' ', bold);
        return;
      case 'w:br':
        // 17.3.3.1: type page is a page break; textWrapping (the default) and column are line breaks.
        if (hidden) return;
        if (el.attrs['w:type'] === 'page') pageBreak();
        else lineBreak();
        return;
      case 'w:cr':
        if (!hidden) lineBreak();
        return;
      case 'w:noBreakHyphen':
        addText('-', bold);
        return;
      case 'w:fldChar':
        fieldChar(el);
        return;
      case 'w:drawing':
      case 'w:pict':
      case 'w:object':
      case 'mc:AlternateContent':
        collectTextBoxes(el);
        return;
      case 'w:ruby':
        // Phonetic guide: keep the base text, drop the guide (`w:rt`).
        for (const base of childElements(el, 'w:rubyBase')) visitAll(base.children);
        return;
      default:
        // w:sym (17.3.3.30) maps to a private-use code point of a symbol font: decoration, dropped.
        // w:instrText and w:delText are never visible text. Other run content has no text.
        return;
    }
  };

  const visit = (node: XmlNode): void => {
    if (typeof node === 'string') return; // whitespace between elements, never content
    if (SKIP.has(node.name)) return;
    switch (node.name) {
      case 'w:r': {
        const rPr = firstChild(node, 'w:rPr');
        const bold = ctx.styles.runFlag('w:b', rPr, pStyle);
        // Hidden text (w:vanish) is not shown, so it is not part of what the document says.
        const hidden = ctx.styles.runFlag('w:vanish', rPr, pStyle);
        for (const child of childElements(node)) runChild(child, bold, hidden);
        return;
      }
      case 'w:del':
      case 'w:moveFrom':
        // Tracked deletion (17.13.5.14) and move source: gone in the accepted document.
        ctx.revisions.deleted++;
        return;
      case 'w:ins':
      case 'w:moveTo':
        // Tracked insertion and move destination (17.13.5): part of the accepted document.
        ctx.revisions.inserted++;
        visitAll(node.children);
        return;
      case 'w:sdt': {
        const content = firstChild(node, 'w:sdtContent');
        if (content) visitAll(content.children);
        return;
      }
      case 'mc:AlternateContent': {
        // Markup compatibility (Part 3): read one branch, never both, or text would double.
        const branch = firstChild(node, 'mc:Choice') ?? firstChild(node, 'mc:Fallback');
        if (branch) visitAll(branch.children);
        return;
      }
      case 'm:oMath':
      case 'm:oMathPara':
        addText(mathText(node), false);
        return;
      case 'w:txbxContent':
        textBoxes.push(node);
        return;
      default:
        // w:hyperlink (17.16.22) and w:fldSimple keep their display text; w:smartTag,
        // w:customXml, w:dir, w:bdo are transparent wrappers.
        visitAll(node.children);
    }
  };
  const visitAll = (nodes: readonly XmlNode[]): void => {
    for (const node of nodes) visit(node);
  };

  visitAll(nodes);
  return { segments, letters, boldLetters, textBoxes };
}

function mathText(el: XmlElement): string {
  let out = '';
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    if (child.name === 'm:t') out += child.children.filter((c): c is string => typeof c === 'string').join('');
    else out += mathText(child);
  }
  return out;
}
