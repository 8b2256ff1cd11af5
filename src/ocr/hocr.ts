/**
 * Tesseract's hOCR output read into lines of words with pixel boxes and confidences. hOCR rather
 * than TSV: both give word boxes and confidences, but only hOCR gives each line's baseline and
 * text size (`baseline`, `x_size`, `x_descenders`), which the geometry table finder needs to tell
 * a wrapped line from a new paragraph (line pitch in font sizes).
 */
export interface OcrWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Tesseract's word confidence, 0–100. */
  confidence: number;
}

export interface OcrLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Baseline at the line's left edge and its slope (pixels). */
  baseline: number;
  slope: number;
  /** Row height (ascender top to descender bottom) and descender depth, pixels. */
  size: number;
  descenders: number;
  words: OcrWord[];
}

const SPAN = /<span class=['"](ocr_line|ocrx_word|ocr_caption|ocr_textfloat|ocr_header)['"][^>]*?title=['"]([^'"]*)['"][^>]*>/g;

export function parseHocr(hocr: string): OcrLine[] {
  const lines: OcrLine[] = [];
  let current: OcrLine | undefined;
  SPAN.lastIndex = 0;
  for (let m = SPAN.exec(hocr); m; m = SPAN.exec(hocr)) {
    const kind = m[1] ?? '';
    const props = titleProps(m[2] ?? '');
    const box = props.get('bbox');
    if (!box || box.length < 4) continue;
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = box;
    if (kind === 'ocrx_word') {
      if (!current) continue;
      const end = hocr.indexOf('</span>', SPAN.lastIndex);
      const text = decodeEntities(stripTags(hocr.slice(SPAN.lastIndex, end < 0 ? undefined : end))).trim();
      if (text === '') continue;
      current.words.push({ text, x0, y0, x1, y1, confidence: props.get('x_wconf')?.[0] ?? 0 });
      continue;
    }
    const [slope = 0, offset = 0] = props.get('baseline') ?? [];
    current = {
      x0,
      y0,
      x1,
      y1,
      baseline: y1 + offset,
      slope,
      size: props.get('x_size')?.[0] ?? y1 - y0,
      descenders: props.get('x_descenders')?.[0] ?? 0,
      words: [],
    };
    lines.push(current);
  }
  return lines.filter((l) => l.words.length > 0);
}

function titleProps(title: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const part of title.split(';')) {
    const [key, ...values] = part.trim().split(/\s+/);
    if (!key) continue;
    out.set(key, values.map(Number).filter((v) => Number.isFinite(v)));
  }
  return out;
}

function stripTags(s: string): string {
  return s.replace(/<[^>]*>/g, '');
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? e;
  });
}
