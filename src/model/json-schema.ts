import { z } from 'zod';
import { Report, REPORT_SCHEMA_ID } from './report.ts';

/** The published JSON Schema, generated from the zod model so the two can never drift apart. */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Report, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  return { $id: `https://reportmill.dev/schema/${REPORT_SCHEMA_ID.replace('@', '-')}.json`, ...schema };
}
