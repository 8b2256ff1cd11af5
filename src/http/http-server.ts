import type { Socket } from 'node:net';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EXTRACTOR_VERSION } from '../extract/version.ts';
import type { BlobStore } from '../store/blob-store.ts';
import type { ReportStore } from '../store/report-store.ts';
import { StoreError, isTransientDatabaseError } from '../store/store-error.ts';
import type { ApiOperation, RouteAdder } from './api-route.ts';
import { ApiError, Health } from './api-schemas.ts';
import { createTokenCheck } from './bearer-token.ts';
import { withDeadline } from './deadline.ts';
import type { DocumentProcessor, Reachable } from './document-processor.ts';
import { registerDocumentRoutes } from './document-routes.ts';
import { HttpError } from './http-error.ts';
import { registerListRoutes } from './list-routes.ts';
import { openApiDocument } from './openapi.ts';
import { findWebRoot } from './web-root.ts';

export interface HttpServerOptions {
  /** `REPORTMILL_API_TOKEN`: every route but the page, its assets and `/healthz` needs it. */
  token: string;
  store: ReportStore;
  blobs: BlobStore;
  processor: DocumentProcessor;
  /** Largest accepted upload (the file itself). */
  maxUploadBytes: number;
  /** Fastify's logger: `false` (tests) or pino options. */
  logger?: boolean | { level: string };
  webRoot?: string;
}

/** Everything `serve` answers without a token. */
const PUBLIC_PATHS = new Set(['/', '/healthz', '/favicon.ico']);
const ASSETS = '/assets/';

/** JSON bodies are never accepted (uploads are multipart), so anything else stays small. */
const NON_UPLOAD_BODY_LIMIT = 16 * 1024;

/**
 * Same-origin only: CORS is off (no Access-Control-* headers are ever sent), the page may not be
 * framed, and its scripts come from this server alone.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

/** How long a refused upload's connection may go on draining before it is cut. */
const LINGER_MS = 5000;

/**
 * Lingering close (RFC 9112 §9.6): the 413 goes out while the client is still sending. Closing the
 * socket at once with the client's bytes unread makes the kernel reset the connection, and the
 * client can lose the answer before it reads it. So the rest is read and dropped (never kept)
 * until the client, having read the 413, stops; after LINGER_MS the connection is cut regardless.
 */
function lingerAfterRefusal(reply: FastifyReply): void {
  reply.header('connection', 'close');
  const socket = reply.request.raw.socket as Socket | null;
  if (!socket) return;
  // Node ends a `connection: close` response with socket.destroySoon(), which closes at once.
  // Half-close instead (the client reads the 413 and then the end), drain, and cut later.
  socket.destroySoon = function lingeringClose(this: Socket): void {
    this.end();
    this.resume();
    setTimeout(() => this.destroy(), LINGER_MS).unref();
  };
  reply.request.raw.resume();
}

export function sendError(reply: FastifyReply, statusCode: number, code: string, message: string): FastifyReply {
  if (statusCode === 413) lingerAfterRefusal(reply);
  return reply.code(statusCode).send(ApiError.parse({ error: { code, message } }));
}

/**
 * Fastify's and the plugins' errors by code, in our words. Anything unknown is a 500 with a fixed
 * message: an exception's own text may quote the request (a parser error quoting a body, say),
 * and error responses never echo what was sent.
 */
function answerError(error: FastifyError | HttpError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpError) return sendError(reply, error.statusCode, error.code, error.message);
  // The query layer's refusals of a filter or cursor (their messages name the parameter).
  if (error instanceof StoreError && (error.code === 'store/bad-filter' || error.code === 'store/bad-cursor')) {
    return sendError(reply, 400, error.code, error.message);
  }
  if (isTransientDatabaseError(error)) {
    request.log.warn({ err: error }, 'store unavailable');
    return sendError(reply, 503, 'store/unavailable', 'The store does not answer; try again shortly.');
  }
  const code = (error as FastifyError).code ?? '';
  const status = (error as FastifyError).statusCode ?? 500;
  if (status === 413 || code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return sendError(reply, 413, 'http/too-large', 'The request body is larger than this server accepts.');
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return sendError(reply, 415, 'http/unsupported-media-type', 'This content type is not accepted here.');
  }
  if (status >= 400 && status < 500) return sendError(reply, status, 'http/bad-request', 'The request is malformed.');
  request.log.error({ err: error }, 'request failed');
  return sendError(reply, 500, 'internal/error', 'The server failed to answer; the cause is in its log.');
}

async function storeHealth(store: ReportStore): Promise<Reachable> {
  try {
    // Any query is a round trip; asking for a document that cannot exist reads no data.
    await withDeadline(store.getStatus('0'.repeat(64)), 2000);
    return { kind: store.kind, ok: true };
  } catch {
    return { kind: store.kind, ok: false, code: 'store/unreachable' };
  }
}

/**
 * The HTTP front door: the API of ARCHITECTURE.md ("Front doors") and the review page. Built
 * separately from `listen` so tests drive it with `inject` or on port 0.
 */
export async function buildHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: NON_UPLOAD_BODY_LIMIT,
    // Slow-loris guard: a request must arrive in full within this time (large uploads included).
    requestTimeout: 5 * 60_000,
    return503OnClosing: true,
  });
  const operations: ApiOperation[] = [];
  const authorized = createTokenCheck(options.token);

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    if (PUBLIC_PATHS.has(path) || path.startsWith(ASSETS)) return;
    if (!authorized(request.headers.authorization)) {
      reply.header('www-authenticate', 'Bearer realm="reportmill"');
      await sendError(reply, 401, 'http/unauthorized', 'Send Authorization: Bearer <REPORTMILL_API_TOKEN>.');
    }
  });
  app.addHook('onSend', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(name)) reply.header(name, value);
    if (!request.url.startsWith(ASSETS) && request.url !== '/') reply.header('cache-control', 'no-store');
  });
  app.setErrorHandler((error: FastifyError, request, reply) => answerError(error, request, reply));
  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'http/not-found', 'No such route.'));

  await app.register(fastifyMultipart);
  const webRoot = options.webRoot ?? findWebRoot();
  // wildcard: false registers one route per file present at start-up, so nothing else under
  // /assets/ is ever looked up on disk.
  await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false, index: 'index.html', cacheControl: false });

  const route: RouteAdder = (operation, handler) => {
    operations.push(operation);
    app.route({ method: operation.method.toUpperCase() as 'GET' | 'POST', url: operation.path, handler });
  };

  route(
    {
      method: 'get',
      path: '/healthz',
      summary: 'Whether the store and the queue answer',
      public: true,
      responses: {
        200: { description: 'Both reachable.', schema: Health },
        503: { description: 'The store or the queue does not answer.', schema: Health },
      },
    },
    async (_request, reply) => {
      const [store, queue] = await Promise.all([storeHealth(options.store), options.processor.queueHealth()]);
      const ok = store.ok && queue.ok;
      return reply.code(ok ? 200 : 503).send(Health.parse({ status: ok ? 'ok' : 'unavailable', store, queue }));
    },
  );

  registerDocumentRoutes(route, options);
  registerListRoutes(route, options.store);

  route(
    {
      method: 'get',
      path: '/openapi.json',
      summary: 'This API, as OpenAPI 3.1',
      responses: { 200: { description: 'The OpenAPI document.', contentType: 'application/json' } },
    },
    async () => openApiDocument(operations, { version: `1 (extractor ${EXTRACTOR_VERSION})` }),
  );

  app.addHook('onClose', async () => {
    await options.processor.close();
  });
  return app;
}
