import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runLangCommand } from '../../src/language/cli-lang.ts';

async function run(input: string): Promise<{ code: number; lines: string[] }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const code = await runLangCommand(Readable.from([input]), out);
  out.end();
  return { code, lines: Buffer.concat(chunks).toString('utf8').split('\n').slice(0, -1) };
}

describe('reportmill lang', () => {
  it('prints one ISO 639-3 code per input line, in order, und where undecidable', async () => {
    const { code, lines } = await run(
      [
        'Жогорку Кеңештин төрагасынын орун басары',
        'Засгийн газрын ээлжит хуралдаан',
        'Қазақстан Республикасының Үкіметі',
        'Постановление вступает в силу',
        '2024.12.31',
        '',
        'https://socfond.kg',
      ].join('\n'),
    );
    expect(code).toBe(0);
    expect(lines).toEqual(['kir', 'khk', 'kaz', 'rus', 'und', 'und', 'und']);
  });

  it('handles CRLF input and a missing final newline', async () => {
    const { lines } = await run('Засгийн газрын ээлжит хуралдаан\r\nПостановление вступает в силу');
    expect(lines).toEqual(['khk', 'rus']);
  });

  it('prints nothing for empty input and still succeeds', async () => {
    expect(await run('')).toEqual({ code: 0, lines: [] });
  });
});
