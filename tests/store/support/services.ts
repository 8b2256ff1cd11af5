import { Socket } from 'node:net';

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

/** True when the suite should run: the server is up, or we are in CI (where down means fail). */
export async function shouldRun(service: 'redis' | 'postgres'): Promise<boolean> {
  const up = service === 'redis' ? await reachable(REDIS_URL, 6379) : await reachable(POSTGRES_ADMIN_URL, 5432);
  if (!up && !isCI) {
    console.warn(`[reportmill tests] ${service} is not reachable: skipping its integration tests (run scripts/services.sh; CI=true makes this a failure)`);
  }
  return up || isCI;
}
