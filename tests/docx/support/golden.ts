import { parseDocx } from '../../../src/parse/docx/index.ts';
import { DEFAULT_LIMITS } from '../../../src/sniff/limits.ts';

/**
 * What a fixture's `.expected.json` holds: the DocTree for a readable file, the failure code for
 * a refused one (messages are for people and may be reworded).
 */
export async function goldenOf(bytes: Uint8Array, filename: string): Promise<unknown> {
  const outcome = await parseDocx({ bytes, filename, limits: DEFAULT_LIMITS });
  return outcome.ok ? { ok: true, doc: outcome.doc } : { ok: false, code: outcome.error.code };
}
