/**
 * Raised inside the DOCX reader when the file cannot be read at all; `parseDocx` turns it into a
 * `{ ok: false, error }` outcome, so it never escapes the parser. Codes are stable:
 *
 * | code | meaning |
 * |---|---|
 * | `docx/too-large` | input over `limits.maxInputBytes` |
 * | `docx/corrupt` | not a readable ZIP, a damaged entry, or malformed main XML |
 * | `docx/zip-bomb` | declared or actual uncompressed size, entry count or compression ratio over the limits |
 * | `docx/missing-main-part` | a ZIP without a WordprocessingML main part (`word/document.xml`) |
 * | `docx/unsupported-doc` | an OLE2 compound file: legacy binary Word 97-2003 `.doc` |
 * | `docx/encrypted` | a password-protected document (OLE2 `EncryptedPackage`, or encrypted ZIP entries) |
 * | `docx/xxe-rejected` | an XML part declares a DTD |
 */
export class DocxFailure extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'DocxFailure';
    this.code = code;
  }
}
