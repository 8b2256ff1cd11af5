import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildHttpServer } from '../../src/http/http-server.ts';
import { createInProcessProcessor } from '../../src/http/in-process-processor.ts';
import type { ReportStore } from '../../src/store/report-store.ts';
import { AUTH, CORRUPT_DOCX, MONGOLIAN_DOCX, TOKEN, createHttpHarness, multipart, read, upload, waitForDocument } from './support/http-harness.ts';
import type { HttpHarness } from './support/http-harness.ts';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Every route of the API that needs the token, with a request that would otherwise succeed. */
const GUARDED = [
  { method: 'GET', url: '/v1/documents' },
  { method: 'GET', url: '/v1/measures' },
  { method: 'GET', url: `/v1/documents/${'a'.repeat(64)}` },
  { method: 'GET', url: `/v1/documents/${'a'.repeat(64)}/original` },
  { method: 'GET', url: '/openapi.json' },
  { method: 'POST', url: '/v1/documents' },
  { method: 'GET', url: '/no/such/route' },
] as const;

describe('HTTP API (in-process, embedded store)', () => {
  let h: HttpHarness;
  const mongolian = read(MONGOLIAN_DOCX);
  const corrupt = read(CORRUPT_DOCX);

  beforeAll(async () => {
    h = await createHttpHarness({ maxUploadBytes: 256 * 1024 });
  });
  afterAll(async () => {
    await h?.dispose();
  });

  describe('authentication', () => {
    test.each(GUARDED)('$method $url: 401 without a token, with a wrong one and with another scheme', async ({ method, url }) => {
      for (const headers of [{}, { authorization: `Bearer ${TOKEN}x` }, { authorization: 'Bearer ' }, { authorization: `Basic ${TOKEN}` }, { authorization: TOKEN }]) {
        const response = await h.app.inject({ method, url, headers });
        expect(response.statusCode, JSON.stringify(headers)).toBe(401);
        expect(response.json()).toEqual({ error: { code: 'http/unauthorized', message: expect.any(String) } });
        expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      }
    });

    test('the scheme is case-insensitive (RFC 6750)', async () => {
      const response = await h.app.inject({ method: 'GET', url: '/v1/documents', headers: { authorization: `bearer ${TOKEN}` } });
      expect(response.statusCode).toBe(200);
    });

    test('an upload without the token is refused before its body is read', async () => {
      const form = await multipart({ file: { bytes: mongolian, filename: MONGOLIAN_DOCX.name } });
      const response = await h.app.inject({ method: 'POST', url: '/v1/documents', headers: form.headers, payload: form.body });
      expect(response.statusCode).toBe(401);
      expect(h.parsed).not.toContain(MONGOLIAN_DOCX.name);
      expect(await h.blobs.get(sha256(mongolian))).toBeNull();
    });

    test('the page, its assets and /healthz need no token', async () => {
      const page = await h.app.inject({ method: 'GET', url: '/' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html; charset=utf-8/i);
      expect(page.body).toContain('<script type="module" src="/assets/app.js">');
      for (const asset of ['/assets/app.js', '/assets/review.js', '/assets/styles.css']) {
        const response = await h.app.inject({ method: 'GET', url: asset });
        expect(response.statusCode, asset).toBe(200);
      }
      expect((await h.app.inject({ method: 'GET', url: '/assets/app.js' })).headers['content-type']).toMatch(/javascript/);
      expect((await h.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    });

    test('nothing outside the page assets is served from disk, with or without a token', async () => {
      for (const url of ['/assets/../package.json', '/assets/%2e%2e/package.json', '/package.json', '/web/index.html', '/assets/nope.js']) {
        const response = await h.app.inject({ method: 'GET', url, headers: AUTH });
        expect(response.statusCode, url).toBe(404);
        expect(response.body, url).not.toContain('"name": "reportmill"');
      }
    });
  });

  describe('headers', () => {
    test('CORS is off: no Access-Control-* header, even on a preflight from another origin', async () => {
      const preflight = await h.app.inject({
        method: 'OPTIONS',
        url: '/v1/documents',
        headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
      const simple = await h.app.inject({ method: 'GET', url: '/v1/documents', headers: { ...AUTH, origin: 'https://elsewhere.example' } });
      for (const response of [preflight, simple]) {
        expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
      }
    });

    test('security headers on the page and on API answers; API answers are not cached', async () => {
      const page = await h.app.inject({ method: 'GET', url: '/' });
      const api = await h.app.inject({ method: 'GET', url: '/v1/documents', headers: AUTH });
      for (const response of [page, api]) {
        expect(response.headers['content-security-policy']).toContain("default-src 'none'");
        expect(response.headers['content-security-policy']).toContain("script-src 'self'");
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['x-frame-options']).toBe('DENY');
      }
      expect(api.headers['cache-control']).toBe('no-store');
    });
  });

  describe('upload and status', () => {
    let id: string;

    test('POST /v1/documents → 202 { id: sha256, status }, then the report with its 14 measures', async () => {
      const response = await upload(h.app, mongolian, MONGOLIAN_DOCX.name);
      expect(response.statusCode).toBe(202);
      id = sha256(mongolian);
      expect(response.json()).toEqual({ id, status: expect.stringMatching(/^(queued|processing)$/) });
      const done = await waitForDocument(h.app, id);
      expect(done).toMatchObject({ status: 'done', report: { id, source: { filename: MONGOLIAN_DOCX.name, format: 'docx' } } });
      expect(done.report?.measures).toHaveLength(14);
      expect(done.error).toBeUndefined();
    });

    test('the same bytes again: the same id and no second run, also when sent twice at once', async () => {
      const runs = h.parsed.filter((name) => name === MONGOLIAN_DOCX.name).length;
      const again = await upload(h.app, mongolian, 'renamed.docx');
      expect(again.statusCode).toBe(202);
      expect(again.json()).toEqual({ id, status: 'done' });

      const twin = randomBytes(2048);
      const text = Buffer.concat([Buffer.from('# План\n\n| № | Арга хэмжээ |\n|---|---|\n| 1 | '), Buffer.from(twin.toString('hex')), Buffer.from(' |\n')]);
      const [a, b] = await Promise.all([upload(h.app, text, 'plan.md'), upload(h.app, text, 'plan-copy.md')]);
      expect(a.json().id).toBe(sha256(text));
      expect(b.json().id).toBe(a.json().id);
      await waitForDocument(h.app, a.json().id);
      expect(h.parsed.filter((name) => name === MONGOLIAN_DOCX.name)).toHaveLength(runs);
      expect(h.parsed.filter((name) => name === 'plan.md' || name === 'plan-copy.md')).toHaveLength(1);
    });

    test('a corrupt DOCX is accepted, then fails with its pipeline code and message', async () => {
      const response = await upload(h.app, corrupt, CORRUPT_DOCX.name);
      expect(response.statusCode).toBe(202);
      const failed = await waitForDocument(h.app, response.json().id);
      expect(failed).toEqual({ id: sha256(corrupt), status: 'failed', error: { code: 'docx/corrupt', message: expect.stringMatching(/ZIP/) } });
      expect(failed.report).toBeUndefined();
    });

    test('GET /v1/documents/:id/original returns the stored bytes as an attachment named by the id', async () => {
      const response = await h.app.inject({ method: 'GET', url: `/v1/documents/${id}/original`, headers: AUTH });
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.equals(mongolian)).toBe(true);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${id}.docx"`);
      expect(response.headers['content-security-policy']).toMatch(/^sandbox/);
    });

    test('an HTML original is never served for the browser to render', async () => {
      const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script><table><tr><td>1</td></tr></table></body></html>');
      const accepted = await upload(h.app, html, 'page.html');
      const response = await h.app.inject({ method: 'GET', url: `/v1/documents/${accepted.json().id}/original`, headers: AUTH });
      expect(response.headers['content-disposition']).toMatch(/^attachment;/);
      expect(response.headers['content-security-policy']).toMatch(/^sandbox/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      await waitForDocument(h.app, accepted.json().id);
    });

    test('400 for an id that is not a sha256, 404 for one never uploaded', async () => {
      for (const url of ['/v1/documents/xyz', '/v1/documents/XYZ/original', `/v1/documents/${'A'.repeat(64)}`]) {
        const response = await h.app.inject({ method: 'GET', url, headers: AUTH });
        expect(response.statusCode, url).toBe(400);
        expect(response.json().error.code).toBe('http/bad-request');
      }
      for (const url of [`/v1/documents/${'0'.repeat(64)}`, `/v1/documents/${'0'.repeat(64)}/original`]) {
        const response = await h.app.inject({ method: 'GET', url, headers: AUTH });
        expect(response.statusCode, url).toBe(404);
        expect(response.json().error.code).toBe('http/not-found');
      }
    });
  });

  describe('refusals', () => {
    const MARKER = 'SECRET-CONTENT-7f3a9c';

    test('415 for content of no supported format, sniffed from the bytes whatever the name', async () => {
      const binary = Buffer.concat([Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff]), randomBytes(4096), Buffer.from(MARKER)]);
      const cases = [
        // The name claims a format we read, the bytes are none: a mismatch, still refused with 415.
        { bytes: binary, filename: 'report.docx', code: 'input/format-mismatch' },
        { bytes: binary, filename: 'report.pdf', code: 'input/format-mismatch' },
        { bytes: binary, filename: 'scan.tiff', code: 'input/unsupported-format' },
        { bytes: binary, filename: 'blob.bin', code: 'input/unsupported-format' },
        { bytes: Buffer.from(`{"a": "${MARKER}"}`), filename: 'data.json', code: 'input/unsupported-format' },
        { bytes: Buffer.alloc(0), filename: 'empty.txt', code: 'input/empty' },
      ];
      for (const c of cases) {
        const response = await upload(h.app, c.bytes, c.filename);
        expect(response.statusCode, c.filename).toBe(415);
        expect(response.json(), c.filename).toEqual({ error: { code: c.code, message: expect.any(String) } });
        expect(response.body, 'error responses never echo file contents').not.toContain(MARKER);
        expect(await h.blobs.get(sha256(c.bytes)), 'nothing of a refused upload is kept').toBeNull();
      }
    });

    test('415 for a body that is not multipart; the body is not echoed', async () => {
      for (const [type, payload] of [
        ['application/json', JSON.stringify({ file: MARKER })],
        ['application/octet-stream', Buffer.from(MARKER)],
        ['text/plain', MARKER],
      ] as const) {
        const response = await h.app.inject({ method: 'POST', url: '/v1/documents', headers: { ...AUTH, 'content-type': type }, payload });
        expect(response.statusCode, type).toBe(415);
        expect(response.json().error.code, type).toMatch(/^http\//);
        expect(response.body).not.toContain(MARKER);
      }
    });

    test('400 when the multipart body has no field "file"', async () => {
      const onlyText = await multipart({ note: 'hello' });
      const wrongField = await multipart({ document: { bytes: mongolian, filename: 'x.docx' } });
      for (const form of [onlyText, wrongField]) {
        const response = await h.app.inject({ method: 'POST', url: '/v1/documents', headers: { ...form.headers, ...AUTH }, payload: form.body });
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe('http/missing-file');
      }
    });

    test('413 past the size limit: by declared length before reading, and while streaming', async () => {
      const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300 * 1024)]);
      const response = await upload(h.app, big, 'big.pdf');
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('http/too-large');
      expect(response.headers.connection).toBe('close');
      expect(await h.blobs.get(sha256(big))).toBeNull();

      const declared = await h.app.inject({
        method: 'POST',
        url: '/v1/documents',
        headers: { ...AUTH, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(10 * 1024 * 1024) },
        payload: 'tiny',
      });
      expect(declared.statusCode).toBe(413);
    });

    test('413 arrives while the client is still sending (real socket): the rest is never read', async () => {
      const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = h.app.server.address() as AddressInfo;
      expect(address).toContain(String(port));
      const boundary = 'reportmill-boundary';
      let sent = 0;
      const status = await new Promise<number>((resolve, reject) => {
        // Chunked, no Content-Length: only the stream itself can tell that the file is too big.
        const request = httpRequest({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/v1/documents',
          headers: { ...AUTH, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
        });
        request.on('response', (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
          request.destroy();
        });
        request.on('error', (error) => (sent > 0 ? undefined : reject(error)));
        request.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`);
        const chunk = randomBytes(64 * 1024);
        // Keep sending, slowly, far past the limit; the answer must come long before the end.
        const timer = setInterval(() => {
          if (sent >= 64 * 1024 * 1024 || request.destroyed) {
            clearInterval(timer);
            return;
          }
          request.write(chunk);
          sent += chunk.length;
        }, 2);
      });
      expect(status).toBe(413);
      expect(sent).toBeLessThan(8 * 1024 * 1024);
    });
  });

  describe('lists', () => {
    test('GET /v1/documents and /v1/measures: filters, cursor pages in a stable order', async () => {
      const all = await h.app.inject({ method: 'GET', url: '/v1/documents', headers: AUTH });
      expect(all.statusCode).toBe(200);
      const documents = all.json() as { items: { id: string; language: string; measures: number }[]; nextCursor: string | null };
      expect(documents.items.map((d) => d.id)).toContain(sha256(mongolian));
      expect(documents.items.find((d) => d.id === sha256(mongolian))?.measures).toBe(14);

      const mongolianOnly = await h.app.inject({ method: 'GET', url: '/v1/documents?language=khk', headers: AUTH });
      expect(mongolianOnly.json().items.map((d: { id: string }) => d.id)).toEqual([sha256(mongolian)]);
      const none = await h.app.inject({ method: 'GET', url: '/v1/documents?language=kir', headers: AUTH });
      expect(none.json()).toEqual({ items: [], nextCursor: null });

      // Pages of 5 over the Mongolian report's measures: all 14 once, in report order, twice the same.
      const walk = async () => {
        const seen: number[] = [];
        let cursor: string | null = null;
        do {
          const url: string = `/v1/measures?documentId=${sha256(mongolian)}&limit=5${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
          const page = (await h.app.inject({ method: 'GET', url, headers: AUTH })).json() as { items: { ord: number; documentId: string }[]; nextCursor: string | null };
          expect(page.items.length).toBeLessThanOrEqual(5);
          seen.push(...page.items.map((item) => item.ord));
          cursor = page.nextCursor;
        } while (cursor !== null);
        return seen;
      };
      const first = await walk();
      expect(first).toEqual(Array.from({ length: 14 }, (_, i) => i));
      expect(await walk()).toEqual(first);

      const byText = await h.app.inject({ method: 'GET', url: `/v1/measures?q=${encodeURIComponent('тэтгэмж')}&limit=100`, headers: AUTH });
      expect(byText.statusCode).toBe(200);
      const matched = byText.json().items as { measure: { text: string }; goal: { title: string } | null }[];
      expect(matched.length).toBeGreaterThan(0);
    });

    test('400 for a bad filter, an unknown parameter or a cursor the list never gave', async () => {
      const cases = [
        ['/v1/measures?status=finished', 'http/bad-request'],
        ['/v1/documents?period=last-year', 'http/bad-request'],
        ['/v1/documents?limit=0', 'http/bad-request'],
        ['/v1/documents?langauge=kir', 'http/bad-request'],
        ['/v1/documents?cursor=bm90LWEtY3Vyc29y', 'store/bad-cursor'],
      ] as const;
      for (const [url, code] of cases) {
        const response = await h.app.inject({ method: 'GET', url, headers: AUTH });
        expect(response.statusCode, url).toBe(400);
        expect(response.json().error.code, url).toBe(code);
      }
    });
  });

  describe('OpenAPI and health', () => {
    test('/openapi.json describes every route with schemas generated from zod; every $ref resolves', async () => {
      const response = await h.app.inject({ method: 'GET', url: '/openapi.json', headers: AUTH });
      expect(response.statusCode).toBe(200);
      const doc = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths).sort()).toEqual(
        ['/healthz', '/openapi.json', '/v1/documents', '/v1/documents/{id}', '/v1/documents/{id}/original', '/v1/measures'].sort(),
      );
      expect(Object.keys(doc.paths['/v1/documents'] ?? {}).sort()).toEqual(['get', 'post']);
      for (const name of ['Report', 'Measure', 'DocumentStatus', 'UploadAccepted', 'Error', 'DocumentSummary', 'MeasureRecord']) {
        expect(doc.components.schemas, name).toHaveProperty(name);
      }
      const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
      expect(refs.length).toBeGreaterThan(10);
      for (const ref of new Set(refs)) {
        const target = /#\/components\/schemas\/([^"]+)"/.exec(ref)?.[1];
        expect(target, ref).toBeDefined();
        expect(doc.components.schemas, ref).toHaveProperty(target!);
      }
      // Generated, not copied: the upload's 202 is the zod UploadAccepted, statuses included.
      const accepted = JSON.stringify(doc.components.schemas.ProcessingStatus);
      for (const status of ['queued', 'processing', 'done', 'failed']) expect(accepted).toContain(status);
    });

    test('/healthz reports the store and the queue', async () => {
      const response = await h.app.inject({ method: 'GET', url: '/healthz' });
      expect(response.json()).toEqual({ status: 'ok', store: { kind: 'pglite', ok: true }, queue: { kind: 'in-process', ok: true } });
    });

    test('/healthz is 503 when the store does not answer, and says so without connection details', async () => {
      const broken: ReportStore = Object.assign(Object.create(h.store) as ReportStore, {
        getStatus: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.9:5432 password=hunter2')),
      });
      const processor = createInProcessProcessor({ store: broken, blobs: h.blobs, concurrency: 1 });
      const app = await buildHttpServer({ token: TOKEN, store: broken, blobs: h.blobs, processor, maxUploadBytes: 1024 });
      try {
        const response = await app.inject({ method: 'GET', url: '/healthz' });
        expect(response.statusCode).toBe(503);
        expect(response.json()).toEqual({ status: 'unavailable', store: { kind: 'pglite', ok: false, code: 'store/unreachable' }, queue: { kind: 'in-process', ok: true } });
        expect(response.body).not.toMatch(/hunter2|10\.0\.0\.9/);
      } finally {
        await app.close();
      }
    });
  });

  test("the client's file name becomes a display name: no path, no control or bidi characters", async () => {
    const accepted = await upload(h.app, Buffer.from(`# Plan\n\n| № | Measure |\n|---|---|\n| 1 | ${randomBytes(8).toString('hex')} |\n`), '..\\..\\etc/ev\u202eil\u0007.md');
    const done = await waitForDocument(h.app, accepted.json().id);
    expect(done.report?.source.filename).toBe('evil.md');
  });

  test('uploads never touch the file system under their own names', async () => {
    const name = 'тайлан-uniq-9b1e.md';
    const before = new Set(await readdir(tmpdir()));
    const accepted = await upload(h.app, Buffer.from(`# Тайлан\n\n| № | Арга хэмжээ |\n|---|---|\n| 1 | ${randomBytes(8).toString('hex')} |\n`), name);
    await waitForDocument(h.app, accepted.json().id);
    const files = await listFiles(h.home);
    expect(files.some((file) => file.includes('uniq-9b1e'))).toBe(false);
    expect(files.every((file) => /(^|\/)[0-9a-f]{64}(\.[a-z0-9-]+)*$/.test(file) || file.startsWith('stage/'))).toBe(true);
    const added = (await readdir(tmpdir())).filter((entry) => !before.has(entry));
    expect(added.some((entry) => entry.includes('uniq-9b1e'))).toBe(false);
  });
});

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), path)));
    else out.push(path);
  }
  return out;
}
