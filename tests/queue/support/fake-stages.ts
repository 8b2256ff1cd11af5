import { createHash } from 'node:crypto';
import { IngestError } from '../../../src/model/ingest-error.ts';
import type { Report } from '../../../src/model/report.ts';
import type { IngestStages, ParseStageResult } from '../../../src/queue/ingest-stages.ts';
import { makeReport } from '../../store/support/report-factory.ts';

/**
 * Stand-ins for pipelines/ingest/stages.ts. A test document is a small JSON spec saying what the
 * parser should do with it; the "report" is built from the spec, with the id the real pipeline
 * would give it (the sha256 of the bytes).
 */
export interface DocSpec {
  seed: string;
  measures?: number;
  /**
   * ok · permanent (IngestErrorInfo, permanent) · transient:N (fails N times, then ok) ·
   * invalid (a report that breaks the schema) · slow:MS · hang-in-child (never returns in a
   * process started with REPORTMILL_TEST_CHILD=1; ok elsewhere)
   */
  behaviour?: string;
  /** A marker that must never show up in Redis. */
  marker?: string;
}

export function docBytes(spec: DocSpec): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ ...spec, marker: spec.marker ?? `CONTENT-${spec.seed}` }));
}

export function docId(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface FakeStages extends IngestStages {
  /** parseStage calls per document id. */
  readonly calls: Map<string, number>;
  extractorVersion: string;
  /** Replace a document's behaviour (e.g. "fix" a permanently failing one before a retry). */
  readonly overrides: Map<string, string>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createFakeStages(options: { extractorVersion?: string; onStart?: (id: string) => void } = {}): FakeStages {
  const calls = new Map<string, number>();
  const overrides = new Map<string, string>();
  const stages: FakeStages = {
    calls,
    overrides,
    extractorVersion: options.extractorVersion ?? '1.0.0',
    async parseStage({ bytes, filename }): Promise<ParseStageResult> {
      const id = docId(bytes);
      const attempt = (calls.get(id) ?? 0) + 1;
      calls.set(id, attempt);
      options.onStart?.(id);
      const spec = JSON.parse(new TextDecoder().decode(bytes)) as DocSpec;
      const behaviour = overrides.get(id) ?? spec.behaviour ?? 'ok';
      const [kind, arg] = behaviour.split(':');
      if (kind === 'permanent') return { ok: false, error: { code: 'pdf/encrypted', message: 'the PDF is encrypted', permanent: true } };
      if (kind === 'transient' && attempt <= Number(arg)) {
        throw new IngestError({ code: 'test/flaky', message: `flaky attempt ${attempt}`, permanent: false });
      }
      if (kind === 'slow') await sleep(Number(arg));
      if (kind === 'hang-in-child' && process.env.REPORTMILL_TEST_CHILD === '1') await sleep(3_600_000);
      const report = makeReport({ seed: spec.seed, measures: spec.measures ?? 2, extractorVersion: stages.extractorVersion });
      const withId: Report = { ...report, id, source: { ...report.source, filename, bytes: bytes.byteLength } };
      if (kind === 'invalid') return { ok: true, report: { ...withId, language: { code: 'english', confidence: 2, script: 'Latn' } } };
      return { ok: true, report: withId };
    },
    validateStage(report) {
      return {
        ...report,
        findings: [...report.findings, { code: 'TEST_VALIDATED', severity: 'info', message: 'seen by the fake validate stage', location: {} }],
      };
    },
  };
  return stages;
}
