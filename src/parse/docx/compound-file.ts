/**
 * OLE2 / Compound File Binary ([MS-CFB]) recognition. Two very different files start with the CFB
 * signature: a legacy Word 97-2003 `.doc` (binary, unsupported), and a password-protected OOXML
 * document, which Office stores as a CFB holding `EncryptionInfo` + `EncryptedPackage` streams
 * ([MS-OFFCRYPTO] 2.3.4.1). Both must be refused, but with different advice.
 */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

export function isCompoundFile(bytes: Uint8Array): boolean {
  return CFB_SIGNATURE.every((b, i) => bytes[i] === b);
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[i * 2] = code & 0xff;
    out[i * 2 + 1] = code >> 8;
  }
  return out;
}

const ENCRYPTED_PACKAGE = utf16le('EncryptedPackage\0');

/**
 * True when the compound file has a directory entry named `EncryptedPackage`. CFB directory
 * entries are 128 bytes, start on 128-byte boundaries (sectors are 512 or 4096 bytes), and hold the
 * UTF-16LE name at offset 0 with its byte length (terminator included) at offset 64 ([MS-CFB]
 * 2.6.1). Checking alignment and length, rather than searching the bytes for the name, keeps a
 * `.doc` whose text merely mentions "EncryptedPackage" from being misread.
 */
export function hasEncryptedPackage(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  outer: for (let offset = 512; offset + 128 <= bytes.length; offset += 128) {
    for (let i = 0; i < ENCRYPTED_PACKAGE.length; i++) {
      if (bytes[offset + i] !== ENCRYPTED_PACKAGE[i]) continue outer;
    }
    if (view.getUint16(offset + 64, true) === ENCRYPTED_PACKAGE.length) return true;
  }
  return false;
}
