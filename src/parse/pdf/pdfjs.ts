/**
 * The one place pdf.js is loaded. Node 20 needs its legacy build, whose bundled core-js replaces
 * `Array.prototype.push` with a spec polyfill for the whole process (its feature test fails on
 * V8's handling of 2^32-long array-likes). That polyfill made every push in the process — pdf.js's
 * operator lists and our own code — several times slower: a sixth of the PDF parse time. So pdf.js
 * and its in-thread worker are loaded once here, and V8's own push is put back afterwards (and
 * `toBase64`, below, taken away again).
 * The worker is preloaded and handed over as `globalThis.pdfjsWorker` (pdf.js's documented fake-
 * worker hook) because loading it lazily would install the polyfill again.
 */
const nativePush = Array.prototype.push;
/**
 * Node 20 has no `Uint8Array.prototype.toBase64`; core-js adds one that builds its string three
 * bytes at a time, and pdf.js then uses it for the base64 copy of every embedded font it hands
 * to our stylesheet that goes nowhere (pdf-open.ts): 5.5 ms per 200 KB, against 1 ms for its own
 * fallback (`btoa`), which it takes when the method is absent. The strings are the same.
 */
const nativeToBase64 = Object.getOwnPropertyDescriptor(Uint8Array.prototype, 'toBase64');

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;

if (Array.prototype.push !== nativePush) {
  Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true, enumerable: false });
}
if (nativeToBase64) Object.defineProperty(Uint8Array.prototype, 'toBase64', nativeToBase64);
else delete (Uint8Array.prototype as { toBase64?: unknown }).toBase64;

export const { getDocument, AnnotationMode } = pdfjs;
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
