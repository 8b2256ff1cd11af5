import type { AnyNode } from 'domhandler';
import type { Location } from '../../model/finding.ts';

/**
 * Source line of a DOM node (parse5 location info, kept by cheerio), shifted by `lineOffset` when
 * the HTML sits inside a larger file (raw HTML in Markdown, inline HTML in a text export).
 */
export function createLocator(lineOffset = 0): (node: AnyNode) => Location {
  return (node) => {
    const line = node.sourceCodeLocation?.startLine;
    return line === undefined ? {} : { line: line + lineOffset };
  };
}
