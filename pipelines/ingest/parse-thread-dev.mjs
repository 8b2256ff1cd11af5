// Parse-thread entry when running from the TypeScript sources (tests): registers tsx, then loads
// the real entry. The built CLI never uses this file (dist/pipelines/ingest/parse-thread.js).
import { register } from 'tsx/esm/api';

register();
await import('./parse-thread.ts');
