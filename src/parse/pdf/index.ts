import { parseFailure, type Parser } from '../parser.ts';

/** PDF → DocTree (issue 4). */
export const parsePdf: Parser = async () => parseFailure('pdf/not-implemented', 'PDF reading is not implemented yet.');
