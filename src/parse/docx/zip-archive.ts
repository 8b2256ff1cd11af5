import { crc32, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import type { Limits } from '../../sniff/limits.ts';
import { DocxFailure } from './docx-failure.ts';

/**
 * Below this many uncompressed bytes an entry's compression ratio is not judged: a few KB of
 * repetitive XML can legitimately compress 300:1, and such a size harms nobody. Above it, a ratio
 * over `limits.maxCompressionRatio` is treated as a bomb. Deflate tops out near 1032:1.
 */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

export interface ZipEntryInfo {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

/**
 * A ZIP opened defensively. The central directory is read and checked against the limits before
 * anything is inflated; each entry is then inflated in one bounded step, so an entry whose header
 * lies about its size still cannot grow past what was declared (and accepted).
 */
export interface ZipArchive {
  readonly entries: readonly ZipEntryInfo[];
  has(name: string): boolean;
  /** Inflates one entry, or `undefined` when the archive has no entry of that name. */
  read(name: string): Promise<Uint8Array | undefined>;
}

const bomb = (message: string): DocxFailure => new DocxFailure('docx/zip-bomb', message);
const corrupt = (message: string): DocxFailure => new DocxFailure('docx/corrupt', message);

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Part names compare case-insensitively (ECMA-376 Part 2, 8.1.1.2 [M1.12]); ZIP names have no leading slash. */
function key(name: string): string {
  return name.replace(/^\/+/, '').toLowerCase();
}

function readCentralDirectory(buffer: Buffer, limits: Limits): Promise<{ zip: yauzl.ZipFile; entries: yauzl.Entry[] }> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true }, (openError, zip) => {
      if (openError || !zip) {
        reject(corrupt(`The file is not a readable ZIP archive (${openError?.message ?? 'no archive'}). A .docx must be a ZIP package.`));
        return;
      }
      if (zip.entryCount > limits.maxEntries) {
        reject(bomb(`The archive declares ${zip.entryCount} entries, over the limit of ${limits.maxEntries}.`));
        return;
      }
      const entries: yauzl.Entry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve({ zip, entries }));
      zip.on('error', (error: Error) => reject(corrupt(`The ZIP central directory is damaged (${error.message}).`)));
      zip.readEntry();
    });
  });
}

/** Checks the sizes every entry declares, before a single byte is inflated. */
function checkDeclaredSizes(entries: readonly yauzl.Entry[], limits: Limits): void {
  let total = 0;
  for (const entry of entries) {
    const { fileName: name, uncompressedSize: size, compressedSize: packed } = entry;
    if (size > limits.maxEntryBytes) {
      throw bomb(`Entry "${name}" declares ${mib(size)} uncompressed, over the per-entry limit of ${mib(limits.maxEntryBytes)}.`);
    }
    total += size;
    if (total > limits.maxTotalUncompressedBytes) {
      throw bomb(`The entries declare more than ${mib(limits.maxTotalUncompressedBytes)} uncompressed in total (the limit).`);
    }
    const ratio = packed > 0 ? size / packed : size > 0 ? Number.POSITIVE_INFINITY : 0;
    if (size > RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio) {
      throw bomb(
        `Entry "${name}" inflates ${packed} bytes to ${mib(size)} (ratio ${Math.round(ratio)}:1, limit ${limits.maxCompressionRatio}:1): a zip bomb, not a document.`,
      );
    }
  }
}

export async function openZipArchive(bytes: Uint8Array, limits: Limits): Promise<ZipArchive> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { zip, entries: zipEntries } = await readCentralDirectory(buffer, limits);
  if (zipEntries.length > limits.maxEntries) {
    throw bomb(`The archive holds ${zipEntries.length} entries, over the limit of ${limits.maxEntries}.`);
  }
  checkDeclaredSizes(zipEntries, limits);

  const byName = new Map<string, yauzl.Entry>();
  for (const entry of zipEntries) {
    if (entry.fileName.endsWith('/')) continue; // directory entry
    const k = key(entry.fileName);
    // Two entries with equivalent names make the package ambiguous: which one a reader picks is
    // exactly what a smuggling attack exploits. OPC forbids it (ECMA-376 Part 2, 8.1.1.2 [M1.12]).
    if (byName.has(k)) throw corrupt(`The archive holds two entries named "${entry.fileName}" (part names must be unique).`);
    byName.set(k, entry);
  }

  let inflatedTotal = 0;

  const read = async (name: string): Promise<Uint8Array | undefined> => {
    const entry = byName.get(key(name));
    if (entry === undefined) return undefined;
    if (entry.isEncrypted()) {
      throw new DocxFailure('docx/encrypted', `Entry "${entry.fileName}" is encrypted; password-protected documents cannot be read.`);
    }
    let dataStart: number;
    try {
      dataStart = (await zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart;
    } catch (error) {
      throw corrupt(`The local header of "${entry.fileName}" is damaged (${(error as Error).message}).`);
    }
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > buffer.length) throw corrupt(`Entry "${entry.fileName}" runs past the end of the file (truncated download?).`);
    const packed = buffer.subarray(dataStart, dataEnd);

    const budget = Math.min(entry.uncompressedSize, limits.maxEntryBytes, limits.maxTotalUncompressedBytes - inflatedTotal);
    let data: Buffer;
    if (entry.compressionMethod === 0) {
      data = packed;
    } else if (entry.compressionMethod === 8) {
      try {
        // maxOutputLength makes zlib stop at the declared size: a header that lies cannot make us
        // allocate more than the limits already accepted.
        data = inflateRawSync(packed, { maxOutputLength: Math.max(budget, 1) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw bomb(`Entry "${entry.fileName}" inflates past the ${entry.uncompressedSize} bytes its header declares (or past the limits): refused as a zip bomb.`);
        }
        throw corrupt(`Entry "${entry.fileName}" cannot be inflated (${(error as Error).message}).`);
      }
    } else {
      throw corrupt(`Entry "${entry.fileName}" uses ZIP compression method ${entry.compressionMethod}; Office documents use deflate (8) or store (0).`);
    }
    if (data.length > budget) {
      throw bomb(`Entry "${entry.fileName}" holds more bytes than its header declares or the limits allow: refused as a zip bomb.`);
    }
    if (data.length !== entry.uncompressedSize) {
      throw corrupt(`Entry "${entry.fileName}" inflates to ${data.length} bytes, not the ${entry.uncompressedSize} its header declares (damaged file).`);
    }
    if (crc32(data) !== entry.crc32) throw corrupt(`Entry "${entry.fileName}" fails its CRC-32 check (damaged file).`);
    inflatedTotal += data.length;
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  };

  return {
    entries: zipEntries.map((e) => ({ name: e.fileName, compressedSize: e.compressedSize, uncompressedSize: e.uncompressedSize })),
    has: (name) => byName.has(key(name)),
    read,
  };
}
