import { collapseWhitespace } from '../text/whitespace.ts';

export type SegmentKind = 'expected' | 'status';

export interface LabelledSegment {
  kind: SegmentKind;
  label: string;
  text: string;
}

/**
 * Labels that reports write inside a free-text cell instead of using a column: "Күтүлгөн
 * натыйжа 1: …", "Статусу: аткарылды", "Ожидаемый результат: …", "Status: done".
 */
const LABELS: readonly { kind: SegmentKind; re: RegExp }[] = [
  {
    kind: 'expected',
    re: /(?:Күтүлгөн\s+(?:натыйжа|жыйынтык)\p{L}*|Ожидаемы\p{L}*\s+результат\p{L}*|Күтілетін\s+нәтиже\p{L}*|Хүлээгдэж\s+буй\s+үр\s+дүн|Expected\s+(?:results?|outputs?|outcomes?))\s*(?:№\s*)?\d{0,2}\s*:/giu,
  },
  { kind: 'status', re: /(?:Статусу|Статусы|Статус|Status|Төлөв|Абалы|Состояние)\s*:/giu },
];

/**
 * Splits paragraphs into labelled segments. A segment runs to the next label; when no label
 * follows, to the end of its paragraph (what comes after is narrative, not the expected result).
 */
export function labelledSegments(paragraphs: readonly string[]): LabelledSegment[] {
  const text = paragraphs.join('\n');
  const hits: { kind: SegmentKind; label: string; start: number; end: number }[] = [];
  for (const { kind, re } of LABELS) {
    for (const m of text.matchAll(new RegExp(re.source, re.flags))) {
      hits.push({ kind, label: collapseWhitespace(m[0]), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  return hits.map((hit, i) => {
    const next = hits[i + 1];
    let body = text.slice(hit.end, next ? next.start : undefined);
    if (!next) body = body.split('\n')[0] ?? '';
    if (hit.kind === 'expected') body = firstStatement(body);
    return { kind: hit.kind, label: hit.label, text: collapseWhitespace(body) };
  });
}

/**
 * An expected result is one statement. Where the report runs straight on into narrative, the
 * statement ends at the first sentence end, or — Kyrgyz writes results as verbal nouns
 * (…алдын алуу, …төмөндөтүү) — where such a noun is followed by a capitalised word that starts
 * the next sentence without a full stop.
 */
function firstStatement(body: string): string {
  const sentence = body.match(/^[\s\S]*?[.!?](?=\s+[\p{Lu}«"“\d])/u);
  const nominal = body.match(/^[\s\S]*?\p{Ll}(?:уу|үү|оо|өө|юу|түү|дуу)(?=\s+\p{Lu}\p{Ll})/u);
  const candidates = [sentence?.[0], nominal?.[0]].filter((c): c is string => c !== undefined);
  if (candidates.length === 0) return body;
  return candidates.reduce((a, b) => (a.length <= b.length ? a : b));
}
