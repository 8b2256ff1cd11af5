import type { DocTree } from '../../model/doc-tree.ts';

/** The document information dictionary (PDF 32000-1 §14.3.3) as DocTree metadata. */
export function pdfMetadata(info: unknown): DocTree['metadata'] {
  const meta = (info ?? {}) as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const v = meta[key];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const metadata: DocTree['metadata'] = {};
  const title = text('Title');
  const author = text('Author');
  const language = text('Language');
  const created = pdfDate(text('CreationDate') ?? '');
  if (title) metadata.title = title;
  if (author) metadata.author = author;
  if (language) metadata.declaredLanguage = language;
  if (created) metadata.created = created;
  return metadata;
}

/** PDF date string (PDF 32000-1 §7.9.4, `D:YYYYMMDDHHmmSS…`) to ISO 8601, date and time only. */
function pdfDate(raw: string): string | undefined {
  const m = /^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?/.exec(raw.trim());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00'] = m;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
}
