import type { DocTree } from '../../model/doc-tree.ts';
import { finding, type Finding } from '../../model/finding.ts';
import type { Limits } from '../../sniff/limits.ts';
import { parseFailure, type Parser } from '../parser.ts';
import { BodyReader } from './body-reader.ts';
import { hasEncryptedPackage, isCompoundFile } from './compound-file.ts';
import { readCoreProperties } from './core-properties.ts';
import { indexDocument } from './document-index.ts';
import { DocxFailure } from './docx-failure.ts';
import { Numbering } from './numbering.ts';
import { openOpcPackage, type OpcPackage, type Relationship } from './opc-package.ts';
import { Styles } from './styles.ts';
import { firstChild, type XmlElement } from './xml-tree.ts';
import { openZipArchive } from './zip-archive.ts';

/**
 * DOCX → DocTree (issue 3). The package is opened defensively (see `zip-archive.ts`), the
 * WordprocessingML read with a small tree reader of our own: mammoth's HTML keeps merges but
 * drops what this pipeline needs (cell positions on the grid, gridBefore, continuation-cell text,
 * hidden text, numbering labels), and it inflates the ZIP without limits. Mammoth is used in the
 * tests as an independent check of the merge reconstruction.
 */
export const parseDocx: Parser = async ({ bytes, limits }) => {
  try {
    return { ok: true, doc: await readDocx(bytes, limits) };
  } catch (error) {
    if (error instanceof DocxFailure) return parseFailure(error.code, error.message);
    throw error;
  }
};

const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04], // local file header
  [0x50, 0x4b, 0x05, 0x06], // end of central directory (empty archive)
];

async function readDocx(bytes: Uint8Array, limits: Limits): Promise<DocTree> {
  if (bytes.length > limits.maxInputBytes) {
    throw new DocxFailure('docx/too-large', `The file is ${bytes.length} bytes, over the limit of ${limits.maxInputBytes}.`);
  }
  if (isCompoundFile(bytes)) {
    if (hasEncryptedPackage(bytes)) {
      throw new DocxFailure(
        'docx/encrypted',
        'The document is password-protected (an encrypted Office package). Remove the password in Word (File → Info → Protect Document) and upload it again.',
      );
    }
    throw new DocxFailure(
      'docx/unsupported-doc',
      'This is a legacy binary Word 97-2003 document (.doc, an OLE2 compound file), which is not supported. Convert it to .docx (Word: File → Save As → Word Document; or `soffice --headless --convert-to docx`) and upload it again.',
    );
  }
  if (!ZIP_SIGNATURES.some((sig) => sig.every((b, i) => bytes[i] === b))) {
    throw new DocxFailure('docx/corrupt', 'The file does not start with a ZIP signature, so it is not a .docx (a .docx is a ZIP package).');
  }

  const zip = await openZipArchive(bytes, limits);
  const pkg = await openOpcPackage(zip);
  const findings: Finding[] = [];

  const document = await pkg.readXmlPart(pkg.mainPart);
  if (document === undefined || document.name !== 'w:document') {
    throw new DocxFailure('docx/corrupt', `${pkg.mainPart} is not a WordprocessingML document (root element ${document?.name ?? 'missing'}).`);
  }
  const documentRels = await pkg.relationships(pkg.mainPart);
  const packageRels = await pkg.relationships('');
  const styles = new Styles(await readOptionalPart(pkg, partOfType(documentRels, 'styles') ?? 'word/styles.xml', findings));
  const numbering = new Numbering(await readOptionalPart(pkg, partOfType(documentRels, 'numbering') ?? 'word/numbering.xml', findings));
  const core = await readOptionalPart(pkg, partOfType(packageRels, 'core-properties') ?? 'docProps/core.xml', findings);

  const body = firstChild(document, 'w:body');
  const reader = new BodyReader({ styles, numbering, index: indexDocument(body) });
  const blocks = reader.read(body);
  findings.push(...reader.findings);
  const { inserted, deleted } = reader.revisions;
  if (inserted + deleted > 0) {
    findings.push(
      finding(
        'docx/tracked-changes',
        'info',
        `The document holds tracked changes (${inserted} insertions, ${deleted} deletions); the text was read as if all were accepted.`,
      ),
    );
  }

  const metadata = readCoreProperties(core);
  const defaultLanguage = styles.defaultLanguage();
  if (metadata.declaredLanguage === undefined && defaultLanguage) metadata.declaredLanguage = defaultLanguage;
  return { format: 'docx', metadata, blocks, findings };
}

function partOfType(rels: readonly Relationship[], typeSuffix: string): string | undefined {
  return rels.find((r) => !r.external && r.type.endsWith(`/${typeSuffix}`))?.target;
}

/**
 * Styles, numbering and properties improve the reading but are not essential: a damaged one is a
 * warning, not a failure. Limits and DTD refusals still fail the whole file.
 */
async function readOptionalPart(pkg: OpcPackage, name: string | undefined, findings: Finding[]): Promise<XmlElement | undefined> {
  if (name === undefined) return undefined;
  try {
    return await pkg.readXmlPart(name);
  } catch (error) {
    if (error instanceof DocxFailure && error.code === 'docx/corrupt') {
      findings.push(finding('docx/unreadable-part', 'warning', `${name} could not be read and was skipped: ${error.message}`, { path: name }));
      return undefined;
    }
    throw error;
  }
}
