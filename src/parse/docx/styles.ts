import { childElements, firstChild, intAttr, onOff, path, type XmlElement } from './xml-tree.ts';

interface StyleDefinition {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly basedOn: string | undefined;
  readonly pPr: XmlElement | undefined;
  readonly rPr: XmlElement | undefined;
  readonly isDefault: boolean;
  readonly element: XmlElement;
}

export interface NumberingReference {
  readonly numId: string;
  readonly ilvl: number;
}

/**
 * The style part (`word/styles.xml`), reduced to what reading needs: run flags (bold, hidden),
 * heading levels, numbering inherited from paragraph styles, and the default language.
 *
 * Property resolution follows the style hierarchy of ECMA-376 Part 1, 17.7.2: document defaults,
 * then the paragraph style chain, then the character style chain, then direct formatting, each
 * later level overriding the earlier one. Toggle properties such as bold are simplified: the spec
 * (17.7.3) XORs a toggle set in both a paragraph and a character style; here the more specific
 * level wins, which is what documents almost always mean.
 */
export class Styles {
  private readonly byId = new Map<string, StyleDefinition>();
  private readonly defaultRunProps: XmlElement | undefined;
  private readonly defaultParagraphStyle: string | undefined;

  constructor(root: XmlElement | undefined) {
    this.defaultRunProps = path(root, 'w:docDefaults', 'w:rPrDefault', 'w:rPr');
    let defaultParagraph: string | undefined;
    for (const style of root ? childElements(root, 'w:style') : []) {
      const id = style.attrs['w:styleId'];
      if (id === undefined) continue;
      const def: StyleDefinition = {
        id,
        type: style.attrs['w:type'] ?? 'paragraph',
        name: firstChild(style, 'w:name')?.attrs['w:val'] ?? id,
        basedOn: firstChild(style, 'w:basedOn')?.attrs['w:val'],
        pPr: firstChild(style, 'w:pPr'),
        rPr: firstChild(style, 'w:rPr'),
        isDefault: ['1', 'true', 'on'].includes(style.attrs['w:default'] ?? ''),
        element: style,
      };
      this.byId.set(id, def);
      if (def.type === 'paragraph' && def.isDefault && defaultParagraph === undefined) defaultParagraph = id;
    }
    this.defaultParagraphStyle = defaultParagraph;
  }

  /** The style and its `basedOn` ancestors, most specific first (cycles and runaway chains cut). */
  private chain(styleId: string | undefined): StyleDefinition[] {
    const out: StyleDefinition[] = [];
    let id = styleId;
    while (id !== undefined && out.length < 32) {
      const def = this.byId.get(id);
      if (def === undefined || out.includes(def)) break;
      out.push(def);
      id = def.basedOn;
    }
    return out;
  }

  private paragraphChain(pStyle: string | undefined): StyleDefinition[] {
    return this.chain(pStyle ?? this.defaultParagraphStyle);
  }

  /** A run-level on/off property (`w:b`, `w:vanish`) after the style hierarchy. */
  runFlag(property: string, runProps: XmlElement | undefined, pStyle: string | undefined): boolean {
    const direct = onOff(firstChild(runProps, property));
    if (direct !== undefined) return direct;
    const rStyle = firstChild(runProps, 'w:rStyle')?.attrs['w:val'];
    for (const def of this.chain(rStyle)) {
      const v = onOff(firstChild(def.rPr, property));
      if (v !== undefined) return v;
    }
    for (const def of this.paragraphChain(pStyle)) {
      const v = onOff(firstChild(def.rPr, property));
      if (v !== undefined) return v;
    }
    return onOff(firstChild(this.defaultRunProps, property)) ?? false;
  }

  /** A paragraph-level on/off property (`w:pageBreakBefore`) after the style hierarchy. */
  paragraphFlag(property: string, paragraphProps: XmlElement | undefined, pStyle: string | undefined): boolean {
    const direct = onOff(firstChild(paragraphProps, property));
    if (direct !== undefined) return direct;
    for (const def of this.paragraphChain(pStyle)) {
      const v = onOff(firstChild(def.pPr, property));
      if (v !== undefined) return v;
    }
    return false;
  }

  /**
   * Heading level 1-6 of a paragraph, or undefined. Word keeps built-in style names in English
   * ("heading 1") whatever the UI language, so the name is checked first; `w:outlineLvl`
   * (0-8, 9 = body text) covers custom heading styles and direct formatting.
   */
  headingLevel(paragraphProps: XmlElement | undefined, pStyle: string | undefined): number | undefined {
    const fromOutline = (pPr: XmlElement | undefined): number | undefined => {
      const lvl = intAttr(firstChild(pPr, 'w:outlineLvl'));
      return lvl !== undefined && lvl >= 0 && lvl <= 8 ? Math.min(lvl + 1, 6) : lvl === 9 ? 0 : undefined;
    };
    const direct = fromOutline(paragraphProps);
    if (direct !== undefined) return direct === 0 ? undefined : direct;
    for (const def of this.paragraphChain(pStyle)) {
      const named = /^heading\s*([1-9])$/i.exec(def.name) ?? /^Heading([1-9])$/.exec(def.id);
      if (named?.[1] !== undefined) return Math.min(Number(named[1]), 6);
      if (/^title$/i.test(def.name)) return 1;
      const outline = fromOutline(def.pPr);
      if (outline !== undefined) return outline === 0 ? undefined : outline;
    }
    return undefined;
  }

  /** Numbering a paragraph gets from its style chain (`w:pPr/w:numPr` in a style), if any. */
  styleNumbering(pStyle: string | undefined): NumberingReference | undefined {
    for (const def of this.paragraphChain(pStyle)) {
      const numPr = firstChild(def.pPr, 'w:numPr');
      if (numPr === undefined) continue;
      const numId = firstChild(numPr, 'w:numId')?.attrs['w:val'];
      if (numId === undefined) continue;
      return { numId, ilvl: intAttr(firstChild(numPr, 'w:ilvl')) ?? 0 };
    }
    return undefined;
  }

  /**
   * What a table style's first-row conditional formatting (`w:tblStylePr w:type="firstRow"`,
   * 17.7.6) does to the header row: Word's built-in table styles make it bold, and some repeat it
   * as a header (`w:trPr/w:tblHeader`, 17.7.6.10). Nearest style in the chain wins.
   */
  tableFirstRow(tblStyle: string | undefined): { bold: boolean; header: boolean } {
    let bold: boolean | undefined;
    let header: boolean | undefined;
    for (const def of this.chain(tblStyle)) {
      const firstRow = childElements(def.element, 'w:tblStylePr').find((c) => c.attrs['w:type'] === 'firstRow');
      bold ??= onOff(path(firstRow, 'w:rPr', 'w:b'));
      header ??= onOff(path(firstRow, 'w:trPr', 'w:tblHeader'));
    }
    return { bold: bold ?? false, header: header ?? false };
  }

  /** The default run language (`w:lang w:val`) from the document defaults or the default paragraph style. */
  defaultLanguage(): string | undefined {
    const fromDefaults = firstChild(this.defaultRunProps, 'w:lang')?.attrs['w:val'];
    if (fromDefaults) return fromDefaults;
    for (const def of this.paragraphChain(undefined)) {
      const lang = firstChild(def.rPr, 'w:lang')?.attrs['w:val'];
      if (lang) return lang;
    }
    return undefined;
  }
}
