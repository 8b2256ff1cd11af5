#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx so that `npx reportmill` works straight after
// `npm ci`, with no build step and no stale build output to drift from the sources.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
