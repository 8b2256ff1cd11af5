import { getDocument } from '../../../src/parse/pdf/pdfjs.ts';

/**
 * Every drawn glyph run of a PDF with its page and place, whitespace-only runs left out: two prints
 * that hold the same list show the same text at the same places.
 */
export async function printedText(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const out: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        out.push(`${p} ${item.transform[4]?.toFixed(2)} ${item.transform[5]?.toFixed(2)} ${item.str.trim()}`);
      }
    }
    return out;
  } finally {
    await doc.destroy();
  }
}
