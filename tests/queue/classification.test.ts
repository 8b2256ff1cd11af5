import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import { IngestError } from '../../src/model/ingest-error.ts';
import { decodeFailure, encodeFailure } from '../../src/queue/failure-reason.ts';
import { resolveSettings } from '../../src/queue/pipeline-settings.ts';
import { PermanentStageError, TransientStageError, isUnrecoverable, toProcessorError } from '../../src/queue/stage-error.ts';
import { StoreError, isTransientDatabaseError } from '../../src/store/store-error.ts';

const verdict = (error: unknown) => {
  const mapped = toProcessorError(error);
  return { retry: !isUnrecoverable(mapped), ...decodeFailure(mapped.message) };
};

describe('what is retried and what fails at once', () => {
  test.each([
    ['permanent ingest error', new IngestError({ code: 'docx/encrypted', message: 'encrypted', permanent: true }), false, 'docx/encrypted'],
    ['transient ingest error', new IngestError({ code: 'pdf/busy', message: 'busy', permanent: false }), true, 'pdf/busy'],
    ['schema failure', z.string().safeParse(1).error, false, 'queue/schema-invalid'],
    ['permanent stage error', new PermanentStageError('queue/blob-missing', 'gone'), false, 'queue/blob-missing'],
    ['transient stage error', new TransientStageError('queue/timeout', 'slow'), true, 'queue/timeout'],
    ['store refusing a report', new StoreError('store/invalid-report', 'bad', { permanent: true }), false, 'store/invalid-report'],
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), true, 'store/unavailable'],
    ['server shutting down (57P01)', Object.assign(new Error('terminating connection'), { code: '57P01' }), true, 'store/unavailable'],
    ['deadlock (40P01)', Object.assign(new Error('deadlock detected'), { code: '40P01' }), true, 'store/unavailable'],
    ['unique violation (23505)', Object.assign(new Error('duplicate key'), { code: '23505' }), false, 'store/database-error'],
    ['unknown bug', new TypeError('x is undefined'), true, 'queue/unexpected'],
  ])('%s', (_name, error, retry, code) => {
    expect(verdict(error)).toMatchObject({ retry, code });
  });

  test('an UnrecoverableError passes through untouched', () => {
    const error = new UnrecoverableError(encodeFailure('a/b', 'c'));
    expect(toProcessorError(error)).toBe(error);
  });

  test('database errors: only connection, resource and concurrency failures are transient', () => {
    expect(isTransientDatabaseError(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
    expect(isTransientDatabaseError(Object.assign(new Error('x'), { code: '53300' }))).toBe(true);
    expect(isTransientDatabaseError(Object.assign(new Error('x'), { code: '42P01' }))).toBe(false);
    expect(isTransientDatabaseError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransientDatabaseError(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]))).toBe(true);
    expect(isTransientDatabaseError('ECONNREFUSED')).toBe(false);
  });
});

describe('failure reasons carry the code', () => {
  test('round trip, multi-line messages included', () => {
    expect(decodeFailure(encodeFailure('pdf/encrypted', 'line 1\nline 2'))).toEqual({ code: 'pdf/encrypted', message: 'line 1\nline 2' });
  });
  test('reasons bullmq writes itself', () => {
    expect(decodeFailure('job stalled more than allowable limit').code).toBe('queue/stalled');
    expect(decodeFailure('something else')).toEqual({ code: 'queue/failed', message: 'something else' });
    expect(decodeFailure(undefined).code).toBe('queue/failed');
  });
});

describe('settings: defaults, then environment, then options', () => {
  test('defaults', () => {
    const s = resolveSettings({}, {});
    expect(s.workers.parse).toEqual({ concurrency: 2 });
    expect(s).toMatchObject({ attempts: 5, backoffMs: 2000, maxStalledCount: 2 });
  });
  test('environment', () => {
    const s = resolveSettings({}, { REPORTMILL_PARSE_CONCURRENCY: '3', REPORTMILL_RATE_LIMIT: '10/1000', REPORTMILL_JOB_ATTEMPTS: '2' });
    expect(s.workers.parse).toEqual({ concurrency: 3, limiter: { max: 10, duration: 1000 } });
    expect(s.workers.store.concurrency).toBe(4);
    expect(s.attempts).toBe(2);
  });
  test('options win over the environment', () => {
    const s = resolveSettings({ attempts: 7, workers: { parse: { concurrency: 1 } } }, { REPORTMILL_JOB_ATTEMPTS: '2', REPORTMILL_PARSE_CONCURRENCY: '3' });
    expect(s.attempts).toBe(7);
    expect(s.workers.parse.concurrency).toBe(1);
  });
  test('bad values are refused with the variable named', () => {
    expect(() => resolveSettings({}, { REPORTMILL_JOB_ATTEMPTS: '0' })).toThrow(/REPORTMILL_JOB_ATTEMPTS/);
    expect(() => resolveSettings({}, { REPORTMILL_RATE_LIMIT: 'fast' })).toThrow(/REPORTMILL_RATE_LIMIT/);
  });
});
