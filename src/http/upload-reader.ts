import { basename } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './http-error.ts';

export interface Upload {
  bytes: Uint8Array;
  /** The client's name for the file, reduced to a safe display name; never used as a path. */
  filename: string;
}

/** Room for the multipart boundaries and part headers around the file itself. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * Control characters, path separators and bidi overrides out, length capped: the name is shown
 * on the page and stored in the database, and must not be able to pose as another name there.
 */
export function displayName(raw: string | undefined): string {
  const cleaned = basename((raw ?? '').replaceAll('\\', '/'))
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .slice(0, 255);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'upload' : cleaned;
}

/**
 * Reads the multipart field `file` into memory, stopping as soon as it passes `maxBytes`: busboy
 * counts the bytes as they stream in and the request is answered 413 at that point, without the
 * rest being read or anything being buffered past the limit. Nothing is written to disk.
 */
export async function readUpload(request: FastifyRequest, field: string, maxBytes: number): Promise<Upload> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD_BYTES) throw tooLarge(maxBytes);
  if (!request.isMultipart()) {
    throw new HttpError(415, 'http/not-multipart', `Send the document as multipart/form-data in the field "${field}".`);
  }
  const part = await request.file({
    limits: { fileSize: maxBytes, files: 1, fields: 8, fieldSize: 1024, parts: 10, headerPairs: 100 },
    throwFileSizeLimit: true,
  });
  if (part === undefined || part.fieldname !== field) {
    throw new HttpError(400, 'http/missing-file', `No file in the multipart field "${field}".`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (part.file.truncated || size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  if (part.file.truncated) throw tooLarge(maxBytes);
  return { bytes: Buffer.concat(chunks, size), filename: displayName(part.filename) };
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, 'http/too-large', `The file is larger than the limit of ${maxBytes} bytes.`);
}
