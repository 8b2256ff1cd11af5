import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parseStage } from '../../../pipelines/ingest/stages.ts';
import type { ParseStageResult, StageInput } from '../../../pipelines/ingest/stages.ts';
import type { Report } from '../../../src/model/report.ts';
import type { DocumentProcessor } from '../../../src/http/document-processor.ts';
import { buildHttpServer } from '../../../src/http/http-server.ts';
import { createInProcessProcessor } from '../../../src/http/in-process-processor.ts';
import type { BlobStore } from '../../../src/store/blob-store.ts';
import { DirectoryBlobStore } from '../../../src/store/directory-blob-store.ts';
import { openStore } from '../../../src/store/open-store.ts';
import type { ReportStore } from '../../../src/store/report-store.ts';

export const TOKEN = 'test-token-7q2pL9x~+/=';
export const AUTH = { authorization: `Bearer ${TOKEN}` };

const SHARED = new URL('../../../../shared/fixtures/', import.meta.url);
const LOCAL = new URL('../../../fixtures/', import.meta.url);

/** The Mongolian DOCX of the issue (14 measures) and a DOCX that is not a readable ZIP. */
export const MONGOLIAN_DOCX = { path: new URL('mn-ndg-inspector-2024.docx', SHARED), name: 'mn-ndg-inspector-2024.docx' };
export const CORRUPT_DOCX = { path: new URL('docx/corrupt-zip.docx', LOCAL), name: 'corrupt-zip.docx' };
export const read = (file: { path: URL }): Buffer => readFileSync(file.path);

export interface HttpHarness {
  app: FastifyInstance;
  store: ReportStore;
  blobs: BlobStore;
  home: string;
  /** Documents the parse stage was run on, in order: proves what ran once. */
  parsed: string[];
  dispose(): Promise<void>;
}

/**
 * A server on an in-memory PGlite store and a temporary blob directory, processing in-process on
 * the main thread (the same pipeline `serve` runs on worker threads).
 */
export async function createHttpHarness(
  options: { maxUploadBytes?: number; processor?: (deps: { store: ReportStore; blobs: BlobStore }) => DocumentProcessor; store?: ReportStore } = {},
): Promise<HttpHarness> {
  const home = await mkdtemp(join(tmpdir(), 'reportmill-http-'));
  const store = options.store ?? (await openStore({ inMemory: true, databaseUrl: '' }));
  const blobs = new DirectoryBlobStore(join(home, 'blobs'));
  const parsed: string[] = [];
  const parse = (input: StageInput): Promise<ParseStageResult> => {
    parsed.push(input.filename);
    return parseStage(input);
  };
  const processor = options.processor?.({ store, blobs }) ?? createInProcessProcessor({ store, blobs, concurrency: 2, parse });
  const app = await buildHttpServer({ token: TOKEN, store, blobs, processor, maxUploadBytes: options.maxUploadBytes ?? 512 * 1024 });
  await app.ready();
  return {
    app,
    store,
    blobs,
    home,
    parsed,
    async dispose() {
      await app.close();
      await blobs.close();
      await store.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body as a browser would send it. */
export async function multipart(fields: Record<string, { bytes: Uint8Array; filename: string } | string>): Promise<{ body: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([value.bytes]), value.filename);
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { body: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type') ?? '' } };
}

export async function upload(app: FastifyInstance, bytes: Uint8Array, filename: string, headers: Record<string, string> = AUTH) {
  const form = await multipart({ file: { bytes, filename } });
  return app.inject({ method: 'POST', url: '/v1/documents', headers: { ...form.headers, ...headers }, payload: form.body });
}

/** Polls `GET /v1/documents/:id` until the document is done or failed. */
export async function waitForDocument(app: FastifyInstance, id: string, timeoutMs = 60_000): Promise<{ status: string; report?: Report; error?: { code: string; message: string } }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await app.inject({ method: 'GET', url: `/v1/documents/${id}`, headers: AUTH });
    const body = response.json() as { status: string };
    if (body.status === 'done' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`document ${id} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
