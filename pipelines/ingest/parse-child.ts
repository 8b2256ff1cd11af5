// Parse-process entry: one document at a time, sent by the pool in parse-pool.ts over IPC. The
// built CLI forks the compiled file; from the sources (tests) the pool forks this file with tsx.
import { parseStage, validateStage, type ParseStageResult, type StageInput } from './stages.ts';

export interface ParseRequest extends Pick<StageInput, 'bytes' | 'filename' | 'limits' | 'timeoutMs'> {
  job: number;
  /** Also run the validate stage here, so the parent only stores. */
  validate: boolean;
}

export interface ParseReply {
  job: number;
  result: ParseStageResult;
  /** This process's resident memory after the document, for the pool's recycling. */
  rssBytes: number;
}

const send = (message: unknown): void => {
  process.send?.(message);
};

async function handle(request: ParseRequest): Promise<ParseStageResult> {
  try {
    const result = await parseStage({
      bytes: request.bytes,
      filename: request.filename,
      ...(request.limits ? { limits: request.limits } : {}),
      ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
    });
    return result.ok && request.validate ? { ok: true, report: validateStage(result.report) } : result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal/parser-crash', message, permanent: true } };
  }
}

process.on('message', (request: ParseRequest) => {
  void handle(request).then((result) => {
    // The bytes and the report are this document's only: dropped once the reply is sent.
    send({ job: request.job, result, rssBytes: process.memoryUsage.rss() } satisfies ParseReply);
  });
});
// The parent going away (killed, crashed, or done with this process) ends it too.
process.on('disconnect', () => process.exit(0));
// Ctrl-C reaches the whole process group: the parent decides (it lets the documents in hand finish).
process.on('SIGINT', () => {});
send({ ready: true });
