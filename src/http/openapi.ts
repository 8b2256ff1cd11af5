import { z } from 'zod';
import type { ApiOperation } from './api-route.ts';

const COMPONENTS = '#/components/schemas/';
type Json = Record<string, unknown>;

/** A schema with a registered id becomes a reference to its component; others are inlined. */
function schemaOf(schema: z.ZodType): Json {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as Json;
  const { $schema: _dialect, $defs: _defs, ...rest } = json;
  // Nested schemas with ids are components already (every id is in the global registry).
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', `"${COMPONENTS}`)) as Json;
}

/** Components: every zod schema registered with an id (`.meta({ id })`), converted once. */
function components(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `${COMPONENTS}${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as Json;
      return [id, rest];
    }),
  );
}

function parameters(where: 'path' | 'query', shape: z.ZodObject | undefined): Json[] {
  if (shape === undefined) return [];
  const json = schemaOf(shape) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(description === undefined ? {} : { description }),
      schema: rest,
    };
  });
}

/**
 * The OpenAPI 3.1 description of the routes, generated from their zod schemas (3.1 uses JSON
 * Schema 2020-12, which is what zod emits), so there is no hand-written copy to drift.
 */
export function openApiDocument(operations: readonly ApiOperation[], info: { version: string }): Json {
  const paths: Record<string, Json> = {};
  for (const op of operations) {
    const path = op.path.replace(/:([A-Za-z]\w*)/g, '{$1}');
    const responses = Object.fromEntries(
      Object.entries(op.responses).map(([status, response]) => [
        status,
        {
          description: response.description,
          ...(response.schema === undefined && response.contentType === undefined
            ? {}
            : { content: { [response.contentType ?? 'application/json']: { schema: response.schema === undefined ? {} : schemaOf(response.schema) } } }),
        },
      ]),
    );
    paths[path] = {
      ...paths[path],
      [op.method]: {
        summary: op.summary,
        ...(op.description === undefined ? {} : { description: op.description }),
        ...(op.public === true ? { security: [] } : {}),
        parameters: [...parameters('path', op.params), ...parameters('query', op.query)],
        ...(op.multipartFile === undefined
          ? {}
          : {
              requestBody: {
                required: true,
                content: {
                  'multipart/form-data': {
                    schema: {
                      type: 'object',
                      required: [op.multipartFile],
                      properties: { [op.multipartFile]: { type: 'string', contentMediaType: 'application/octet-stream' } },
                    },
                  },
                },
              },
            }),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'reportmill',
      version: info.version,
      description: 'Monitoring and performance reports (DOCX, PDF, Markdown, HTML, text) to validated, normalized JSON.',
    },
    components: {
      schemas: components(),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'REPORTMILL_API_TOKEN' } },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
