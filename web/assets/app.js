// The review page: sign in with the API token, upload reports, follow their status, open one.
// Plain ES modules served as they are: no build step.

import { ApiError, createApi } from './api.js';
import { h } from './dom.js';
import { languageName } from './languages.js';
import { renderReview } from './review.js';

/** sessionStorage, never localStorage: the token goes when the tab closes. */
const TOKEN_KEY = 'reportmill.token';
const POLL_MS = 1000;
const PENDING = new Set(['uploading', 'queued', 'processing']);

const $ = (id) => document.getElementById(id);

const state = {
  api: null,
  /** key → { key, id, filename, status, error, measures, language, title }; key is the id once known. */
  docs: new Map(),
  selected: null,
  reports: new Map(),
  timer: null,
  localKeys: 0,
};

function showSignIn(message) {
  state.api = null;
  $('workspace').hidden = true;
  $('session').hidden = true;
  $('signin').hidden = false;
  const error = $('signin-error');
  error.hidden = !message;
  error.textContent = message ?? '';
  $('token').focus();
}

async function signIn(token) {
  const api = createApi(token);
  try {
    const page = await api.listDocuments(50);
    sessionStorage.setItem(TOKEN_KEY, token);
    state.api = api;
    for (const item of page.items ?? []) mergeStored(item);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      showSignIn('That token is not accepted by this server.');
      return;
    }
    if (!(error instanceof ApiError) || error.status !== 404) {
      showSignIn(`The server could not be reached (${error.message}).`);
      return;
    }
    // A server without the list endpoint still accepts uploads.
    sessionStorage.setItem(TOKEN_KEY, token);
    state.api = api;
  }
  $('signin').hidden = true;
  $('workspace').hidden = false;
  $('session').hidden = false;
  renderDocuments();
}

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  clearInterval(state.timer);
  state.timer = null;
  state.docs.clear();
  state.reports.clear();
  state.selected = null;
  $('documents').replaceChildren();
  showEmptyReview();
  $('token').value = '';
  showSignIn();
}

function mergeStored(item) {
  if (state.docs.has(item.id)) return;
  state.docs.set(item.id, {
    key: item.id,
    id: item.id,
    filename: item.filename,
    status: 'done',
    measures: item.measures ?? null,
    language: item.language ?? null,
    title: item.title ?? null,
    order: Date.parse(item.createdAt ?? '') || -state.docs.size,
  });
}

// Uploads ---------------------------------------------------------------------------------------

async function uploadFiles(files) {
  const uploads = [...files].map((file) => {
    const key = `local-${++state.localKeys}`;
    state.docs.set(key, { key, id: null, filename: file.name, status: 'uploading', order: Date.now() + state.localKeys });
    return { key, file };
  });
  renderDocuments();
  await Promise.all(uploads.map(({ key, file }) => uploadOne(key, file)));
}

async function uploadOne(key, file) {
  const doc = state.docs.get(key);
  try {
    const accepted = await state.api.upload(file);
    state.docs.delete(key);
    const existing = state.docs.get(accepted.id);
    // The same bytes again: one document, shown once, moved to the top.
    const known = { ...existing, ...doc, key: accepted.id, id: accepted.id, status: existing?.status === 'done' ? 'done' : accepted.status, duplicate: existing !== undefined };
    state.docs.set(accepted.id, known);
    if (needsRefresh(known) && !PENDING.has(known.status)) await refresh(known);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return signOut();
    doc.status = 'rejected';
    doc.error = error instanceof ApiError ? { code: error.code, message: error.message } : { code: 'network', message: String(error.message ?? error) };
  }
  renderDocuments();
  schedulePolling();
}

// Status polling -------------------------------------------------------------------------------

/** Still moving, or done without its details yet (uploaded bytes the server already knew). */
function needsRefresh(doc) {
  return Boolean(doc.id) && (PENDING.has(doc.status) || (doc.status === 'done' && doc.measures === undefined));
}

function schedulePolling() {
  const pending = [...state.docs.values()].some(needsRefresh);
  if (pending && state.timer === null) state.timer = setInterval(poll, POLL_MS);
  if (!pending && state.timer !== null) {
    clearInterval(state.timer);
    state.timer = null;
  }
}

async function poll() {
  const pending = [...state.docs.values()].filter((d) => needsRefresh(d) && d.status !== 'uploading');
  await Promise.all(pending.map(refresh));
  renderDocuments();
  schedulePolling();
}

async function refresh(doc) {
  try {
    const body = await state.api.status(doc.id);
    doc.status = body.status;
    if (body.status === 'failed') doc.error = body.error;
    if (body.status === 'done' && body.report) {
      state.reports.set(doc.id, body.report);
      doc.measures = body.report.measures.length;
      doc.language = body.report.language.code;
      doc.title = body.report.title;
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) signOut();
    // Otherwise keep polling: a restarting server is not a failed document.
  }
}

// Document list --------------------------------------------------------------------------------

const STATUS_TEXT = { uploading: 'Uploading', queued: 'Queued', processing: 'Processing', done: 'Done', failed: 'Failed', rejected: 'Refused' };

function renderDocuments() {
  const list = $('documents');
  const docs = [...state.docs.values()].sort((a, b) => b.order - a.order);
  $('doc-count').textContent = docs.length === 0 ? '' : String(docs.length);
  list.replaceChildren(
    ...docs.map((doc) => {
      const openable = doc.status === 'done';
      const details = [];
      if (doc.measures !== null && doc.measures !== undefined) details.push(h('span', { class: 'doc-measures' }, `${doc.measures} ${doc.measures === 1 ? 'measure' : 'measures'}`));
      if (doc.language) details.push(h('span', { class: 'doc-language', title: doc.language }, languageName(doc.language)));
      if (doc.duplicate) details.push(h('span', { class: 'doc-note' }, 'already uploaded'));
      const body = [
        h('span', { class: 'doc-name', dir: 'auto', title: doc.filename }, doc.filename),
        h(
          'span',
          { class: 'doc-line' },
          h('span', { class: `badge badge-${doc.status}` }, PENDING.has(doc.status) ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null, STATUS_TEXT[doc.status] ?? doc.status),
          details.flatMap((d, i) => (i === 0 ? [d] : [h('span', { class: 'dot', 'aria-hidden': 'true' }, '·'), d])),
        ),
        doc.error
          ? h('span', { class: 'doc-error' }, h('code', { class: 'doc-error-code' }, doc.error.code), ' ', h('span', { class: 'doc-error-message', title: doc.error.message }, doc.error.message))
          : null,
      ];
      return h(
        'li',
        { class: `doc${state.selected === doc.id && doc.id ? ' is-open' : ''}`, dataset: { id: doc.id ?? '', status: doc.status } },
        openable
          ? h('button', { type: 'button', class: 'doc-button', onclick: () => openReview(doc.id), 'aria-current': state.selected === doc.id ? 'true' : null }, body)
          : h('div', { class: 'doc-button is-static' }, body),
      );
    }),
  );
}

// Review ---------------------------------------------------------------------------------------

function showEmptyReview() {
  $('review').replaceChildren(
    h('div', { class: 'empty', id: 'review-empty' }, h('p', { class: 'empty-title' }, 'Nothing selected'), h('p', {}, 'Upload a report or pick a processed document on the left to compare its source table with what was extracted.')),
  );
}

async function openReview(id) {
  state.selected = id;
  renderDocuments();
  let report = state.reports.get(id);
  if (!report) {
    $('review').replaceChildren(h('div', { class: 'empty' }, h('p', { class: 'empty-title' }, 'Loading…')));
    try {
      const body = await state.api.status(id);
      report = body.report;
      if (report) state.reports.set(id, report);
    } catch (error) {
      $('review').replaceChildren(h('div', { class: 'empty' }, h('p', { class: 'empty-title' }, 'Could not load the report'), h('p', {}, error.message)));
      return;
    }
  }
  if (!report || state.selected !== id) return;
  renderReview($('review'), report, { onOriginal: downloadOriginal });
}

async function downloadOriginal(report) {
  try {
    const blob = await state.api.original(report.id);
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: report.source.filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    alert(`The original could not be downloaded: ${error.message}`);
  }
}

// Drag and drop --------------------------------------------------------------------------------

function wireUploads() {
  const zone = $('dropzone');
  const input = $('file-input');
  input.addEventListener('change', () => {
    if (input.files && input.files.length > 0) void uploadFiles(input.files);
    input.value = '';
  });
  zone.addEventListener('click', (event) => {
    if (event.target === zone || event.target.closest('svg, p:not(:has(label))')) input.click();
  });
  let depth = 0;
  const workspace = $('workspace');
  workspace.addEventListener('dragenter', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    depth += 1;
    zone.classList.add('is-dragging');
  });
  workspace.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  workspace.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.classList.remove('is-dragging');
  });
  workspace.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    zone.classList.remove('is-dragging');
    const files = event.dataTransfer?.files;
    if (files && files.length > 0) void uploadFiles(files);
  });
}

function start() {
  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token').value.trim();
    if (token) void signIn(token);
  });
  $('sign-out').addEventListener('click', signOut);
  wireUploads();
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) void signIn(saved);
  else showSignIn();
}

start();
