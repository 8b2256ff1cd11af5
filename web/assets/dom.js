// Builds elements from data without ever parsing it as HTML: document text, file names and error
// messages all arrive from outside and go in as text nodes only.

import { languageTag } from './languages.js';

/**
 * `h('p', { class: 'x', lang: 'mn', onclick: fn, dataset: { row: 3 } }, 'text', child)`.
 * `null`, `undefined` and `false` children and attributes are left out.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Text from the source document, tagged with its detected language. */
export function sourceText(tag, text, languageCode, attributes = {}) {
  const lang = languageTag(languageCode);
  return h(tag, { ...attributes, lang: lang || null, dir: 'auto' }, text);
}
