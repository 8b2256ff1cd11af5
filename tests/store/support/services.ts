import { Socket } from 'node:net';
import { test } from 'vitest';

/**
 * Integration tests run against real Redis and PostgreSQL. Outside CI a missing server skips the
 * suite with a message; under CI=true the suite runs anyway and fails, because a green build
 * without the servers would prove nothing.
 */
export const isCI = process.env.CI === 'true';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const POSTGRES_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port || defaultPort), hostname, () => done(true));
  });
}

/**
 * True when the server is up. When it is not: outside CI, a warning and the caller skips its
 * suite; under CI, a test that fails right here with the reason (instead of every suite timing
 * out on connections that never come).
 */
export async function shouldRun(service: 'redis' | 'postgres'): Promise<boolean> {
  const url = service === 'redis' ? REDIS_URL : POSTGRES_ADMIN_URL;
  const up = await reachable(url, service === 'redis' ? 6379 : 5432);
  if (up) return true;
  const reason = `${service} is not reachable at ${url} (run scripts/services.sh)`;
  if (isCI) {
    test(`${service} is reachable (required under CI=true)`, () => {
      throw new Error(reason);
    });
  } else {
    console.warn(`[reportmill tests] ${reason}: skipping its integration tests; under CI=true this fails`);
  }
  return false;
}
