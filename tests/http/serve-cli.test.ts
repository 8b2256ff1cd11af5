import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/reportmill.mjs');

interface Running {
  exit: Promise<number | null>;
  stderr: () => string;
  kill: (signal: NodeJS.Signals) => void;
  /** Resolves with the URL `serve` prints once it listens. */
  listening: Promise<string>;
}

function serve(args: string[], env: Record<string, string | undefined>): Running {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { env: { ...process.env, REDIS_URL: '', DATABASE_URL: '', ...env } });
  let stderr = '';
  let onListen: (url: string) => void = () => {};
  const listening = new Promise<string>((resolve) => (onListen = resolve));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    const url = /reportmill serve: (http:\/\/\S+)/.exec(stderr)?.[1];
    if (url !== undefined) onListen(url);
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { exit, stderr: () => stderr, kill: (signal) => child.kill(signal), listening };
}

/** The built `reportmill serve` as a user runs it: refuses to start without a token, stops cleanly on SIGTERM. */
describe('reportmill serve (the binary)', () => {
  let home: string;
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'reportmill-serve-'));
  });
  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  test('exit 2 without REPORTMILL_API_TOKEN, and with REDIS_URL but no DATABASE_URL', async () => {
    const noToken = serve(['--port', '0'], { REPORTMILL_API_TOKEN: '', REPORTMILL_HOME: home });
    expect(await noToken.exit).toBe(2);
    expect(noToken.stderr()).toMatch(/REPORTMILL_API_TOKEN/);
    const noDatabase = serve(['--port', '0'], { REPORTMILL_API_TOKEN: 'tok', REDIS_URL: 'redis://127.0.0.1:6379', REPORTMILL_HOME: home });
    expect(await noDatabase.exit).toBe(2);
    expect(noDatabase.stderr()).toMatch(/DATABASE_URL/);
  });

  test('serves the page and the API on the embedded store, then stops on SIGTERM with exit 0', async () => {
    const server = serve(['--port', '0'], { REPORTMILL_API_TOKEN: 'tok-123', REPORTMILL_HOME: home });
    const url = await Promise.race([server.listening, server.exit.then(() => Promise.reject(new Error(server.stderr())))]);
    try {
      expect((await fetch(new URL('/healthz', url))).status).toBe(200);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('/assets/app.js');
      expect((await fetch(new URL('/v1/documents', url))).status).toBe(401);
      const listed = await fetch(new URL('/v1/documents', url), { headers: { authorization: 'Bearer tok-123' } });
      expect(await listed.json()).toEqual({ items: [], nextCursor: null });
    } finally {
      server.kill('SIGTERM');
    }
    expect(await server.exit).toBe(0);
  });
});
