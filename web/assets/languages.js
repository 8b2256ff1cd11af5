// ISO 639-3 codes of the pipeline to BCP 47 tags for `lang` attributes (which pick the right
// glyph forms and hyphenation), and names for people.

const TAGS = {
  kir: 'ky',
  khk: 'mn',
  mon: 'mn',
  rus: 'ru',
  kaz: 'kk',
  uzn: 'uz',
  uzb: 'uz',
  tgk: 'tg',
  tat: 'tt',
  bak: 'ba',
  ukr: 'uk',
  bel: 'be',
  eng: 'en',
};

const NAMES = {
  kir: 'Kyrgyz',
  khk: 'Mongolian',
  mon: 'Mongolian',
  rus: 'Russian',
  kaz: 'Kazakh',
  uzn: 'Uzbek',
  uzb: 'Uzbek',
  tgk: 'Tajik',
  tat: 'Tatar',
  bak: 'Bashkir',
  ukr: 'Ukrainian',
  bel: 'Belarusian',
  eng: 'English',
  und: 'undetermined',
};

/** A BCP 47 tag, or '' for undetermined text (an empty `lang` means "unknown language"). */
export function languageTag(code) {
  if (!code || code === 'und') return '';
  return TAGS[code] ?? code;
}

export function languageName(code) {
  return NAMES[code] ?? code;
}
