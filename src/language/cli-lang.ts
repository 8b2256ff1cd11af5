import { createInterface } from 'node:readline';
import { detectLanguage } from './detect.ts';

/**
 * `reportmill lang`: one text per input line, one ISO 639-3 code per output line, in order, with
 * `und` where there is too little to tell. Same detector, same options as the pipeline uses for a
 * cell without a document prior, so what the command prints is what a cell would get.
 */
export async function runLangCommand(stdin: NodeJS.ReadableStream, stdout: NodeJS.WritableStream): Promise<number> {
  const lines = createInterface({ input: stdin, crlfDelay: Infinity, terminal: false });
  for await (const line of lines) {
    const ok = stdout.write(`${detectLanguage(line).code}\n`);
    // Respect back-pressure so a large pipe does not buffer every answer in memory.
    if (!ok) await new Promise<void>((resolve) => stdout.once('drain', () => resolve()));
  }
  return 0;
}
