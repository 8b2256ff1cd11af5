import type { ConnectionOptions } from 'bullmq';

export interface QueueConnectionOptions {
  /** Default `REDIS_URL`, else redis://127.0.0.1:6379. */
  redisUrl?: string;
  /** Key prefix of every queue; default `REPORTMILL_QUEUE_PREFIX`, else `reportmill`. */
  prefix?: string;
}

export interface ResolvedConnection {
  connection: ConnectionOptions;
  prefix: string;
  redisUrl: string;
}

/**
 * Who holds the connection. A `worker` waits out a Redis outage (`maxRetriesPerRequest: null`,
 * which bullmq requires for workers: with a finite value ioredis gives up on the blocking command
 * during a blip and the worker dies instead of reconnecting). A `client` (the CLI enqueueing,
 * waiting, listing) gives up after a few reconnection attempts so a user is told Redis is down
 * instead of watching a command hang.
 */
export type ConnectionRole = 'worker' | 'client';

/** About ten seconds of reconnecting before a client gives up: longer than a Redis restart. */
const CLIENT_RECONNECT_ATTEMPTS = 12;

/** BullMQ opens its own ioredis connections from these options, one per queue or worker. */
export function resolveConnection(options: QueueConnectionOptions = {}, role: ConnectionRole = 'worker'): ResolvedConnection {
  const redisUrl = options.redisUrl ?? (process.env.REDIS_URL || 'redis://127.0.0.1:6379');
  const prefix = options.prefix ?? (process.env.REPORTMILL_QUEUE_PREFIX || 'reportmill');
  if (role === 'worker') return { redisUrl, prefix, connection: { url: redisUrl, maxRetriesPerRequest: null } };
  return {
    redisUrl,
    prefix,
    connection: {
      url: redisUrl,
      maxRetriesPerRequest: 3,
      retryStrategy: (times: number) => (times > CLIENT_RECONNECT_ATTEMPTS ? null : Math.min(times * 200, 1000)),
    },
  };
}
