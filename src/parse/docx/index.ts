import { parseFailure, type Parser } from '../parser.ts';

/** DOCX → DocTree (issue 3). */
export const parseDocx: Parser = async () => parseFailure('docx/not-implemented', 'DOCX reading is not implemented yet.');
