import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { queueName, type StageName } from '../../../src/queue/stage-names.ts';
import { DirectoryBlobStore } from '../../../src/store/directory-blob-store.ts';
import { openStore } from '../../../src/store/open-store.ts';
import type { ReportStore } from '../../../src/store/report-store.ts';
import type { PipelineSettingsOverrides } from '../../../src/queue/pipeline-settings.ts';
import { createTestDatabase } from '../../store/support/postgres-database.ts';
import type { TestDatabase } from '../../store/support/postgres-database.ts';
import { REDIS_URL } from '../../store/support/services.ts';

/**
 * Everything one queue test needs, owned by that test: its own queue prefix, PostgreSQL database
 * and blob directory, all removed by `dispose()`.
 */
export interface QueueHarness {
  prefix: string;
  redisUrl: string;
  database: TestDatabase;
  store: ReportStore;
  blobs: DirectoryBlobStore;
  home: string;
  /** Fast retries and stall detection, so tests take seconds. */
  settings: PipelineSettingsOverrides;
  redis: Redis;
  /** Every Redis value under this test's prefix, concatenated: to prove what is (not) in Redis. */
  redisDump(): Promise<string>;
  /** A document's job in one stage's queue, as the tests look at it. */
  job(stage: StageName, id: string): Promise<JobSnapshot>;
  dispose(): Promise<void>;
}

export interface JobSnapshot {
  state: string;
  attemptsMade: number | undefined;
  failedReason: string | undefined;
  returnvalue: unknown;
}

export async function createQueueHarness(options: { redisUrl?: string } = {}): Promise<QueueHarness> {
  const redisUrl = options.redisUrl ?? REDIS_URL;
  const prefix = `rmtest-${randomUUID()}`;
  const database = await createTestDatabase();
  const store = await openStore({ databaseUrl: database.url });
  const home = await mkdtemp(join(tmpdir(), 'reportmill-queue-'));
  const blobs = new DirectoryBlobStore(join(home, 'blobs'));
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  redis.on('error', () => {}); // outage tests stop this Redis on purpose

  const keys = async () => {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      found.push(...batch);
    } while (cursor !== '0');
    return found;
  };

  return {
    prefix,
    redisUrl,
    database,
    store,
    blobs,
    home,
    settings: { attempts: 3, backoffMs: 50, stalledInterval: 500, lockDuration: 2000, jobTimeoutMs: 20_000 },
    redis,
    async redisDump() {
      const parts: string[] = [];
      for (const key of await keys()) {
        const type = await redis.type(key);
        if (type === 'string') parts.push((await redis.getBuffer(key))?.toString('latin1') ?? '');
        else if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
        else if (type === 'list') parts.push(JSON.stringify(await redis.lrange(key, 0, -1)));
        else if (type === 'set') parts.push(JSON.stringify(await redis.smembers(key)));
        else if (type === 'zset') parts.push(JSON.stringify(await redis.zrange(key, '0', '-1')));
        else if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
        parts.push(key);
      }
      return parts.join('\n');
    },
    async job(stage, id) {
      const queue = new Queue(queueName(stage), { connection: { url: redisUrl }, prefix });
      try {
        const found = await queue.getJob(id);
        return { state: await queue.getJobState(id), attemptsMade: found?.attemptsMade, failedReason: found?.failedReason, returnvalue: found?.returnvalue as unknown };
      } finally {
        await queue.close();
      }
    },
    async dispose() {
      const found = await keys();
      for (let i = 0; i < found.length; i += 500) await redis.del(...found.slice(i, i + 500));
      redis.disconnect();
      await store.close();
      await database.drop();
      await rm(home, { recursive: true, force: true });
    },
  };
}
