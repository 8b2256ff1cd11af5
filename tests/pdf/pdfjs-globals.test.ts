import { expect, test } from 'vitest';

// Taken before pdf.js is loaded (a dynamic import below: static ones would load it first).
const push = Array.prototype.push;
const toBase64 = Object.getOwnPropertyDescriptor(Uint8Array.prototype, 'toBase64');

test('loading pdf.js leaves push and toBase64 as Node has them (its core-js replaces both, slower)', async () => {
  await import('../../src/parse/pdf/pdfjs.ts');
  expect(Array.prototype.push).toBe(push);
  expect(Object.getOwnPropertyDescriptor(Uint8Array.prototype, 'toBase64')).toEqual(toBase64);
});
