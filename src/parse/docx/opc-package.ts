import { DocxFailure } from './docx-failure.ts';
import { childElements, decodeXml, parseXml, type XmlElement } from './xml-tree.ts';
import type { ZipArchive } from './zip-archive.ts';

/**
 * The Open Packaging Conventions layer (ECMA-376 Part 2): content types, relationships, and how
 * the WordprocessingML main part is found. Word always writes `word/document.xml`, but the package
 * says where the main part is (`_rels/.rels` → officeDocument relationship), and other producers
 * use other names.
 */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Resolved part name without leading slash, or the raw target for external relationships. */
  readonly target: string;
  readonly external: boolean;
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const MAIN_CONTENT_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'application/vnd.ms-word.document.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
  'application/vnd.ms-word.template.macroEnabledTemplate.main+xml',
]);
const OTHER_OFFICE_MAIN = /spreadsheetml|presentationml|ms-excel|ms-powerpoint/;

export interface OpcPackage {
  readonly zip: ZipArchive;
  readonly mainPart: string;
  readonly contentTypes: ContentTypes;
  readXmlPart(name: string): Promise<XmlElement | undefined>;
  relationships(partName: string): Promise<Relationship[]>;
}

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const override = types.overrides.get(part.toLowerCase());
  if (override !== undefined) return override;
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  return types.defaults.get(ext);
}

/** Resolves a relationship target against the folder of its source part (RFC 3986 style). */
export function resolveTarget(sourcePart: string, target: string): string {
  const segments = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of target.replace(/^\/+/, '').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.map((s) => decodeURIComponentSafe(s)).join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export async function openOpcPackage(zip: ZipArchive): Promise<OpcPackage> {
  const readXmlPart = async (name: string): Promise<XmlElement | undefined> => {
    const bytes = await zip.read(name);
    return bytes === undefined ? undefined : parseXml(decodeXml(bytes), name);
  };

  const contentTypes: ContentTypes = { defaults: new Map(), overrides: new Map() };
  const typesXml = await readXmlPart('[Content_Types].xml');
  for (const el of typesXml ? childElements(typesXml) : []) {
    const type = el.attrs['ContentType'];
    if (type === undefined) continue;
    if (el.name === 'ct:Default' && el.attrs['Extension']) contentTypes.defaults.set(el.attrs['Extension'].toLowerCase(), type);
    if (el.name === 'ct:Override' && el.attrs['PartName']) contentTypes.overrides.set(el.attrs['PartName'].replace(/^\/+/, '').toLowerCase(), type);
  }

  const relationships = async (partName: string): Promise<Relationship[]> => {
    const relsName = partName === '' ? '_rels/.rels' : relsPartOf(partName);
    const xml = await readXmlPart(relsName);
    if (xml === undefined) return [];
    return childElements(xml, 'pr:Relationship').flatMap((el) => {
      const id = el.attrs['Id'] ?? '';
      const type = el.attrs['Type'] ?? '';
      const target = el.attrs['Target'];
      if (target === undefined) return [];
      const external = el.attrs['TargetMode'] === 'External';
      return [{ id, type, external, target: external ? target : resolveTarget(partName, target) }];
    });
  };

  const mainPart = await findMainPart(zip, contentTypes, await relationships(''));
  return { zip, mainPart, contentTypes, readXmlPart, relationships };
}

async function findMainPart(zip: ZipArchive, types: ContentTypes, packageRels: Relationship[]): Promise<string> {
  const fromRels = packageRels.find((r) => !r.external && REL_OFFICE_DOCUMENT.test(r.type));
  if (fromRels !== undefined) {
    const type = contentTypeOf(types, fromRels.target) ?? '';
    if (OTHER_OFFICE_MAIN.test(type)) {
      throw new DocxFailure(
        'docx/missing-main-part',
        `This Office package is not a Word document: its main part "${fromRels.target}" is ${type}.`,
      );
    }
    if (zip.has(fromRels.target)) return fromRels.target;
  }
  // No usable package relationship: fall back to the content-type override, then to Word's name.
  for (const [part, type] of types.overrides) {
    if (MAIN_CONTENT_TYPES.has(type) && zip.has(part)) return part;
  }
  if (zip.has('word/document.xml')) return 'word/document.xml';
  const where = fromRels ? `_rels/.rels points to "${fromRels.target}", which is not in the archive` : 'neither _rels/.rels nor [Content_Types].xml names one';
  throw new DocxFailure(
    'docx/missing-main-part',
    `The ZIP has no Word document part (word/document.xml): ${where}. It is not a .docx, or it is damaged.`,
  );
}
