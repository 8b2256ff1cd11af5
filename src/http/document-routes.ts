import type { SourceFormat } from '../model/doc-tree.ts';
import { sniffFormat } from '../sniff/sniff.ts';
import { sha256Hex } from '../store/blob-store.ts';
import type { BlobStore } from '../store/blob-store.ts';
import type { ReportStore } from '../store/report-store.ts';
import { parseRequest } from './api-route.ts';
import type { RouteAdder } from './api-route.ts';
import { ApiError, DocumentIdParams, DocumentStatusBody, UploadAccepted } from './api-schemas.ts';
import type { DocumentStatusBody as StatusBody } from './api-schemas.ts';
import type { DocumentProcessor } from './document-processor.ts';
import { HttpError } from './http-error.ts';
import { readUpload } from './upload-reader.ts';

const MEDIA_TYPES: Record<SourceFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  markdown: 'text/markdown',
  html: 'text/html',
  text: 'text/plain',
};

const EXTENSIONS: Record<SourceFormat, string> = { pdf: 'pdf', docx: 'docx', markdown: 'md', html: 'html', text: 'txt' };

const unauthorized = { description: 'No token or a wrong one.', schema: ApiError };

/** Upload, status and original of one document. */
export function registerDocumentRoutes(
  route: RouteAdder,
  options: { store: ReportStore; blobs: BlobStore; processor: DocumentProcessor; maxUploadBytes: number },
): void {
  const { store, blobs, processor } = options;

  route(
    {
      method: 'post',
      path: '/v1/documents',
      summary: 'Upload a report for processing',
      description:
        'The same bytes always get the same id (their sha256) and are processed once. The format is decided from the content, as by the CLI.',
      multipartFile: 'file',
      responses: {
        202: { description: 'Accepted; poll GET /v1/documents/{id}.', schema: UploadAccepted },
        400: { description: 'No file in the field "file".', schema: ApiError },
        401: unauthorized,
        413: { description: `Larger than the upload limit (default ${options.maxUploadBytes} bytes); refused while streaming.`, schema: ApiError },
        415: { description: 'Not multipart, or content of no supported format.', schema: ApiError },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request, 'file', options.maxUploadBytes);
      const sniffed = sniffFormat(upload.bytes, upload.filename);
      if (sniffed.kind === 'unsupported') throw new HttpError(415, sniffed.code, sniffed.message);
      const id = sha256Hex(upload.bytes);
      const state = await processor.submit({ id, bytes: upload.bytes, filename: upload.filename });
      request.log.info({ id, status: state.status, bytes: upload.bytes.length }, 'upload');
      return reply.code(202).send(UploadAccepted.parse({ id, status: state.status }));
    },
  );

  route(
    {
      method: 'get',
      path: '/v1/documents/:id',
      summary: "A document's status, then its report or its error",
      params: DocumentIdParams,
      responses: {
        200: { description: 'The status; `report` once done, `error` once failed.', schema: DocumentStatusBody },
        400: { description: 'The id is not a sha256.', schema: ApiError },
        401: unauthorized,
        404: { description: 'No document with this id was uploaded.', schema: ApiError },
      },
    },
    async (request) => {
      const { id } = parseRequest(DocumentIdParams, request.params, 'document id');
      const state = await processor.state(id);
      if (state === null) throw new HttpError(404, 'http/not-found', `No document ${id}.`);
      if (state.status === 'failed') return { id, status: 'failed', error: state.error } satisfies StatusBody;
      if (state.status !== 'done') return { id, status: state.status } satisfies StatusBody;
      const report = await store.getReport(id);
      // Done in the queue a moment before the store's transaction is visible here.
      return (report === null ? { id, status: 'processing' } : { id, status: 'done', report }) satisfies StatusBody;
    },
  );

  route(
    {
      method: 'get',
      path: '/v1/documents/:id/original',
      summary: 'The uploaded bytes, as stored',
      description: 'Always an attachment named after the id, never rendered by the browser (the original may be HTML).',
      params: DocumentIdParams,
      responses: {
        200: { description: 'The original file.', contentType: 'application/octet-stream' },
        400: { description: 'The id is not a sha256.', schema: ApiError },
        401: unauthorized,
        404: { description: 'No original stored under this id.', schema: ApiError },
      },
    },
    async (request, reply) => {
      const { id } = parseRequest(DocumentIdParams, request.params, 'document id');
      const bytes = await blobs.get(id);
      if (bytes === null) throw new HttpError(404, 'http/not-found', `No original stored for ${id}.`);
      const sniffed = sniffFormat(bytes, '');
      const format = sniffed.kind === 'supported' ? sniffed.format : null;
      return reply
        .header('content-type', format === null ? 'application/octet-stream' : MEDIA_TYPES[format])
        .header('content-disposition', `attachment; filename="${id}.${format === null ? 'bin' : EXTENSIONS[format]}"`)
        .header('content-security-policy', "sandbox; default-src 'none'")
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
}
