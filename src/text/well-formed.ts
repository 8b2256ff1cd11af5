/**
 * Text a store can keep. PostgreSQL's text and jsonb refuse U+0000 and lone UTF-16 surrogates,
 * and XML, CSV readers and terminals choke on other C0 controls; broken PDF fonts (a ToUnicode map
 * to <0000> or to half a surrogate pair) and odd exports do produce them. Each such character
 * becomes U+FFFD, so the loss stays visible in the text instead of failing the whole report.
 */
const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function wellFormedText(text: string): string {
  return text.replace(UNSTORABLE, '\ufffd');
}

export interface RepairCount {
  strings: number;
  /** JSON-pointer-like path of the first repaired string, for the finding's location. */
  firstPath: string | null;
}

const needsRepair = (s: string): boolean => {
  UNSTORABLE.lastIndex = 0;
  return UNSTORABLE.test(s);
};

/**
 * Repairs every string of a plain data tree (the parsed document model) in place. Walks arrays
 * and plain objects only: the model is JSON-shaped, and byte arrays or class instances have no
 * text to repair.
 */
export function repairTextInPlace(root: unknown): RepairCount {
  const count: RepairCount = { strings: 0, firstPath: null };
  const visit = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      if (!needsRepair(node)) return node;
      count.strings++;
      count.firstPath ??= path;
      return wellFormedText(node);
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) node[i] = visit(node[i], `${path}/${i}`);
      return node;
    }
    if (node !== null && typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype) {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) record[key] = visit(record[key], `${path}/${key}`);
    }
    return node;
  };
  visit(root, '');
  return count;
}
