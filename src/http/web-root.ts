import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The review page's static files live in `web/` at the package root. They are found by walking up
 * from this module rather than by a fixed relative path, so the same code finds them when it runs
 * from the sources (`src/http/`) and from a compiled build (`dist/…/http/`), and `npm pack` ships
 * the folder as it is: the page has no build step.
 */
export function findWebRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'web');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`the review page (web/index.html) was not found above ${from}`);
  }
}
