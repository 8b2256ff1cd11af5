import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { HttpError } from './http-error.ts';

/** What a route tells `/openapi.json` about itself; the schemas are the ones its handler parses with. */
export interface ApiOperation {
  method: 'get' | 'post';
  /** Fastify syntax (`/v1/documents/:id`). */
  path: string;
  summary: string;
  description?: string;
  /** Reachable without the token. */
  public?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The request body is `multipart/form-data` with one file in this field. */
  multipartFile?: string;
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}

/** Registers a route and its description together, so no route is missing from the OpenAPI document. */
export type RouteAdder = (operation: ApiOperation, handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) => void;

/** Parses one part of a request with its zod schema; a mismatch is a 400 naming the fields, not their values. */
export function parseRequest<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || what))].join(', ');
  throw new HttpError(400, 'http/bad-request', `Invalid ${what}: ${fields}.`);
}
