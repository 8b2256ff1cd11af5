import type { Location } from '../../model/finding.ts';

type Loose<T> = { [K in keyof T]?: T[K] | undefined };

/** Builds a Location from fields that may be undefined (exactOptionalPropertyTypes forbids storing them). */
export function location(fields: Loose<Location>): Location {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = v;
  return out as Location;
}
