/**
 * Rebuilds the cross-reference table of a damaged PDF (truncated downloads lose the end of the
 * file, which is where the xref table and trailer live, PDF 32000-1 §7.5.4–7.5.5). Every complete
 * `N G obj … endobj` found by scanning gets an entry; the catalog found among them becomes the
 * root. If the page tree node is lost too, a new one lists the complete page objects in file
 * order. Objects cut by the truncation are left out, so only their pages fail.
 */
export interface RepairResult {
  bytes: Uint8Array;
  /** Complete objects found. */
  objects: number;
  /** The page tree had to be rebuilt from loose page objects. */
  rebuiltPageTree: boolean;
}

const OBJ = /(\d+)\s+(\d+)\s+obj\b/g;

export function repairPdf(input: Uint8Array): RepairResult | undefined {
  const text = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
  const starts: { num: number; gen: number; at: number }[] = [];
  for (const m of text.matchAll(OBJ)) {
    const at = m.index;
    // Only at a line start (or file start): "1 0 obj" inside a stream is data, not an object.
    if (at > 0 && !/[\r\n]/.test(text[at - 1] ?? '')) continue;
    starts.push({ num: Number(m[1]), gen: Number(m[2]), at });
  }
  const complete = new Map<number, { gen: number; at: number; body: string }>();
  let end = 0;
  starts.forEach((s, i) => {
    const next = starts[i + 1]?.at ?? text.length;
    const stop = text.lastIndexOf('endobj', next);
    if (stop < s.at) return;
    complete.set(s.num, { gen: s.gen, at: s.at, body: text.slice(s.at, stop) });
    end = Math.max(end, stop + 'endobj'.length);
  });
  if (complete.size === 0) return undefined;
  const isType = (body: string, type: string): boolean => new RegExp(`/Type\\s*/${type}(?![A-Za-z])`).test(body);
  const catalog = [...complete.entries()].find(([, o]) => isType(o.body, 'Catalog'));
  const pagesRef = catalog ? /\/Pages\s+(\d+)\s+\d+\s+R/.exec(catalog[1].body) : null;
  const pagesOk = pagesRef !== null && complete.has(Number(pagesRef[1]));
  let tail = '\n';
  let root = catalog?.[0];
  // A loop, not Math.max(...): large files hold more objects than a call can take arguments.
  let maxNum = 0;
  for (const n of complete.keys()) if (n > maxNum) maxNum = n;
  const extra: { num: number; at: number }[] = [];
  let rebuiltPageTree = false;
  const prefix = Buffer.byteLength(text.slice(0, end), 'latin1');
  if (!catalog || !pagesOk) {
    const pages = [...complete.entries()].filter(([, o]) => isType(o.body, 'Page')).sort((a, b) => a[1].at - b[1].at);
    if (pages.length === 0) return undefined;
    const pagesNum = ++maxNum;
    const catalogNum = ++maxNum;
    const pagesObj = `${pagesNum} 0 obj\n<< /Type /Pages /Kids [${pages.map(([n, o]) => `${n} ${o.gen} R`).join(' ')}] /Count ${pages.length} >>\nendobj\n`;
    extra.push({ num: pagesNum, at: prefix + Buffer.byteLength(tail, 'latin1') });
    tail += pagesObj;
    const catalogObj = `${catalogNum} 0 obj\n<< /Type /Catalog /Pages ${pagesNum} 0 R >>\nendobj\n`;
    extra.push({ num: catalogNum, at: prefix + Buffer.byteLength(tail, 'latin1') });
    tail += catalogObj;
    root = catalogNum;
    rebuiltPageTree = true;
  }
  const entries = new Map<number, { gen: number; at: number }>();
  for (const [num, o] of complete) entries.set(num, { gen: o.gen, at: Buffer.byteLength(text.slice(0, o.at), 'latin1') });
  for (const e of extra) entries.set(e.num, { gen: 0, at: e.at });
  const xrefAt = prefix + Buffer.byteLength(tail, 'latin1');
  let xref = `xref\n0 ${maxNum + 1}\n0000000000 65535 f \n`;
  for (let n = 1; n <= maxNum; n++) {
    const e = entries.get(n);
    xref += e ? `${String(e.at).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n \n` : '0000000000 65535 f \n';
  }
  xref += `trailer\n<< /Size ${maxNum + 1} /Root ${root} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const out = Buffer.concat([Buffer.from(text.slice(0, end), 'latin1'), Buffer.from(tail + xref, 'latin1')]);
  return { bytes: new Uint8Array(out), objects: complete.size, rebuiltPageTree };
}
