import type { DocTree } from '../../model/doc-tree.ts';
import { collapseWhitespace } from '../../text/whitespace.ts';
import { firstChild, textContent, type XmlElement } from './xml-tree.ts';

/** Document metadata from the core properties part (`docProps/core.xml`, ECMA-376 Part 2, 11). */
export function readCoreProperties(core: XmlElement | undefined): DocTree['metadata'] {
  const metadata: DocTree['metadata'] = {};
  const text = (name: string): string => {
    const el = firstChild(core, name);
    return el ? collapseWhitespace(textContent(el)) : '';
  };
  const title = text('dc:title');
  const language = text('dc:language');
  const author = text('dc:creator');
  const created = text('dcterms:created');
  if (title) metadata.title = title;
  if (language) metadata.declaredLanguage = language;
  if (author) metadata.author = author;
  if (created) metadata.created = created;
  return metadata;
}
