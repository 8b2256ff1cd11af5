// The review view: the normalized source table on one side, what was extracted from it on the
// other. Hovering or selecting a measure lights up the table rows it came from
// (measure.source.table / .rows); findings are listed and flagged on the rows they concern.

import { h, sourceText } from './dom.js';
import { languageName, languageTag } from './languages.js';

const STATUS_LABELS = { done: 'Done', in_progress: 'In progress', not_done: 'Not done', unknown: 'No status' };
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

function percent(share) {
  return share > 0 && share < 0.005 ? '<1%' : `${Math.round(share * 100)}%`;
}

function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function periodText(period) {
  if (!period || period.year === null || period.year === undefined) return null;
  if (period.quarter) return `${period.year} Q${period.quarter}`;
  if (period.from && period.to && period.from !== period.to) return `${period.from}–${period.to}`;
  return String(period.year);
}

function pagesText(pages) {
  if (!pages || pages.length === 0) return null;
  const first = pages[0];
  const last = pages[pages.length - 1];
  return first === last ? `p. ${first}` : `pp. ${first}–${last}`;
}

function rowsText(rows) {
  if (rows.length === 0) return 'no rows';
  const sorted = [...rows].sort((a, b) => a - b);
  const contiguous = sorted.every((row, i) => i === 0 || row === sorted[i - 1] + 1);
  if (sorted.length > 1 && contiguous) return `rows ${sorted[0]}–${sorted[sorted.length - 1]}`;
  return `${sorted.length === 1 ? 'row' : 'rows'} ${sorted.join(', ')}`;
}

/** Where each finding points: rows of a table (directly, or through the measure it names). */
function indexFindings(report) {
  const measuresById = new Map(report.measures.map((m) => [m.id, m]));
  const byRow = new Map();
  const byMeasure = new Map();
  const place = (finding) => {
    const { location } = finding;
    const rows = [];
    if (location.table !== undefined && location.row !== undefined) rows.push([location.table, location.row]);
    const measure = location.measure === undefined ? undefined : measuresById.get(location.measure);
    if (measure !== undefined) {
      byMeasure.set(measure.id, [...(byMeasure.get(measure.id) ?? []), finding]);
      if (rows.length === 0) for (const row of measure.source.rows) rows.push([measure.source.table, row]);
    }
    return rows;
  };
  for (const finding of report.findings) {
    for (const [table, row] of place(finding)) {
      const key = `${table}:${row}`;
      byRow.set(key, [...(byRow.get(key) ?? []), finding]);
    }
  }
  // A measure also carries the findings of its own rows.
  for (const measure of report.measures) {
    const own = measure.source.rows.flatMap((row) => byRow.get(`${measure.source.table}:${row}`) ?? []);
    const all = new Set([...(byMeasure.get(measure.id) ?? []), ...own]);
    if (all.size > 0) byMeasure.set(measure.id, [...all]);
  }
  return { byRow, byMeasure };
}

function worstSeverity(findings) {
  return findings.reduce((worst, f) => (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst] ? f.severity : worst), 'info');
}

function flag(findings) {
  const severity = worstSeverity(findings);
  return h('span', { class: `flag flag-${severity}`, title: findings.map((f) => `${f.code}: ${f.message}`).join('\n'), 'aria-label': `${plural(findings.length, 'finding')}` }, '!');
}

function languageChips(report) {
  const { language } = report;
  const chips = [];
  const shares = language.shares && language.shares.length > 0 ? language.shares : [{ code: language.code, share: language.confidence }];
  for (const share of shares) {
    chips.push(
      h(
        'span',
        { class: 'chip chip-language', title: `ISO 639-3 ${share.code}`, dataset: { language: share.code } },
        h('span', { class: 'chip-key' }, languageName(share.code)),
        ' ',
        h('span', { class: 'chip-value' }, `${share.code} · ${percent(share.share)}`),
      ),
    );
  }
  // The table cells' own languages: a Kyrgyz plan often keeps Russian cells.
  const cellCounts = new Map();
  for (const table of report.tables) {
    for (const cell of table.cells) if (cell.language !== 'und') cellCounts.set(cell.language, (cellCounts.get(cell.language) ?? 0) + 1);
  }
  const cellTotal = [...cellCounts.values()].reduce((a, b) => a + b, 0);
  const cellText = [...cellCounts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ${percent(n / cellTotal)}`)
    .join(', ');
  return h(
    'div',
    { class: 'languages', 'aria-label': 'Detected languages' },
    h('span', { class: 'label' }, 'Languages'),
    chips,
    cellTotal > 0 ? h('span', { class: 'chip chip-cells', title: 'Languages of the table cells' }, `cells: ${cellText}`) : null,
  );
}

function statusChip(status, languageCode) {
  return h(
    'span',
    { class: `status status-${status.normalized}`, title: status.raw ? `As printed: ${status.raw}` : 'No status printed' },
    STATUS_LABELS[status.normalized] ?? status.normalized,
    status.raw ? h('span', { class: 'status-raw', lang: languageTag(languageCode) || null }, status.raw) : null,
  );
}

function summary(report) {
  const counts = {};
  for (const m of report.measures) counts[m.status.normalized] = (counts[m.status.normalized] ?? 0) + 1;
  const severities = {};
  for (const f of report.findings) severities[f.severity] = (severities[f.severity] ?? 0) + 1;
  return h(
    'div',
    { class: 'summary' },
    h('span', { class: 'summary-item' }, h('strong', { class: 'summary-goals' }, report.goals.length), report.goals.length === 1 ? ' goal' : ' goals'),
    h('span', { class: 'summary-item' }, h('strong', { class: 'summary-measures' }, report.measures.length), report.measures.length === 1 ? ' measure' : ' measures'),
    Object.keys(STATUS_LABELS)
      .filter((s) => counts[s])
      .map((s) => h('span', { class: `status status-${s} status-count` }, `${STATUS_LABELS[s]} ${counts[s]}`)),
    h('span', { class: 'summary-sep', 'aria-hidden': 'true' }),
    ['error', 'warning', 'info']
      .filter((s) => severities[s])
      .map((s) => h('span', { class: `severity severity-${s}` }, plural(severities[s], s === 'info' ? 'note' : s))),
  );
}

function renderTable(table, index, findingsByRow, languageCode) {
  const headerRows = Math.min(table.headerRows, table.rows);
  const cellsByRow = new Map();
  for (const cell of table.cells) cellsByRow.set(cell.row, [...(cellsByRow.get(cell.row) ?? []), cell]);
  const groupRows = new Set(table.groupRows);
  const roleRow = h(
    'tr',
    { class: 'roles' },
    h('th', { class: 'gutter', scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Row')),
    table.roles.map((role) => h('th', { scope: 'col', class: `role-${role}`, title: 'Column role' }, role === 'unknown' ? '' : role)),
  );
  const rowElement = (row) => {
    const header = row < headerRows;
    const findings = findingsByRow.get(`${index}:${row}`) ?? [];
    const cells = (cellsByRow.get(row) ?? []).sort((a, b) => a.col - b.col);
    return h(
      'tr',
      {
        class: [header ? 'header-row' : 'body-row', groupRows.has(row) ? 'group-row' : '', findings.length > 0 ? `has-finding finding-${worstSeverity(findings)}` : '']
          .filter(Boolean)
          .join(' '),
        dataset: { row: String(row), table: String(index) },
      },
      h(header ? 'th' : 'td', { class: 'gutter' }, h('span', { class: 'row-number' }, row), findings.length > 0 ? flag(findings) : null),
      cells.map((cell) =>
        sourceText(cell.header || header ? 'th' : 'td', cell.text, cell.language === 'und' ? languageCode : cell.language, {
          class: `role-${table.roles[cell.col] ?? 'unknown'}`,
          rowspan: cell.rowSpan > 1 ? cell.rowSpan : null,
          colspan: cell.colSpan > 1 ? cell.colSpan : null,
          dataset: { rowFrom: String(cell.row), rowTo: String(cell.row + cell.rowSpan - 1) },
        }),
      ),
    );
  };
  const rows = Array.from({ length: table.rows }, (_, row) => row);
  return h(
    'figure',
    { class: 'source-table', dataset: { table: String(index) } },
    h('figcaption', {}, `Table ${index + 1}`, h('span', { class: 'muted' }, ` · ${table.rows} rows × ${table.columns} columns`, pagesText(table.pages) ? ` · ${pagesText(table.pages)}` : '')),
    h(
      'div',
      { class: 'table-scroll' },
      h('table', {}, h('thead', {}, roleRow, rows.slice(0, headerRows).map(rowElement)), h('tbody', {}, rows.slice(headerRows).map(rowElement))),
    ),
  );
}

function indicatorBlock(indicator, languageCode) {
  const facts = [
    ['Baseline', indicator.baseline],
    ['Target', indicator.target],
    ['Actual', indicator.actual],
  ].filter(([, value]) => value);
  return h(
    'div',
    { class: 'indicator' },
    indicator.name ? sourceText('p', indicator.name, languageCode, { class: 'indicator-name' }) : null,
    h(
      'dl',
      { class: 'indicator-values' },
      facts.map(([label, value]) => [h('dt', {}, label), sourceText('dd', value, languageCode)]),
    ),
  );
}

function measureCard(measure, report, measureFindings) {
  const lang = report.language.code;
  const facts = [];
  if (measure.start || measure.end) facts.push(['Dates', `${measure.start ?? '…'} – ${measure.end ?? '…'}`]);
  if (measure.score !== null) facts.push(['Score', String(measure.score)]);
  const findings = measureFindings.get(measure.id) ?? [];
  const source = `${report.tables.length > 1 ? `Table ${measure.source.table + 1} · ` : ''}${rowsText(measure.source.rows)}${pagesText(measure.source.pages) ? ` · ${pagesText(measure.source.pages)}` : ''}`;
  return h(
    'li',
    {
      class: 'measure',
      tabindex: '0',
      role: 'button',
      'aria-pressed': 'false',
      dataset: { measure: measure.id, table: String(measure.source.table), rows: measure.source.rows.join(' ') },
    },
    h(
      'div',
      { class: 'measure-head' },
      h('span', { class: 'measure-number' }, measure.number ?? '·'),
      sourceText('p', measure.text, lang, { class: 'measure-text' }),
      statusChip(measure.status, lang),
    ),
    facts.length > 0 || measure.responsible.length > 0
      ? h(
          'p',
          { class: 'measure-facts' },
          facts.map(([label, value]) => h('span', { class: 'fact' }, h('span', { class: 'fact-label' }, label), value)),
          measure.responsible.length > 0
            ? h('span', { class: 'fact' }, h('span', { class: 'fact-label' }, 'Responsible'), sourceText('span', measure.responsible.join('; '), lang))
            : null,
        )
      : null,
    measure.indicators.length > 0 ? h('div', { class: 'indicators' }, measure.indicators.map((i) => indicatorBlock(i, lang))) : null,
    measure.quantities.length > 0
      ? h(
          'ul',
          { class: 'quantities', 'aria-label': 'Quantities' },
          measure.quantities.map((q) =>
            h('li', { class: 'chip chip-quantity', title: q.text }, h('span', { class: 'chip-key' }, q.value.toLocaleString('en-US')), q.unit ? sourceText('span', ` ${q.unit}`, lang) : null),
          ),
        )
      : null,
    measure.expectedResults.length > 0
      ? h('ul', { class: 'expected', 'aria-label': 'Expected results' }, measure.expectedResults.map((r) => sourceText('li', r, lang)))
      : null,
    measure.narrative ? sourceText('p', measure.narrative, lang, { class: 'narrative' }) : null,
    h(
      'p',
      { class: 'measure-source' },
      h('span', {}, source),
      findings.length > 0 ? h('span', { class: `measure-findings finding-${worstSeverity(findings)}` }, flag(findings), plural(findings.length, 'finding')) : null,
    ),
  );
}

function renderMeasures(report, measureFindings) {
  const lang = report.language.code;
  const goals = new Map(report.goals.map((g) => [g.id, { goal: g, measures: [] }]));
  const loose = [];
  for (const measure of report.measures) (goals.get(measure.goalId)?.measures ?? loose).push(measure);
  const group = (title, number, measures, languageCode) =>
    h(
      'section',
      { class: 'goal' },
      h(
        'h3',
        { class: 'goal-title', title: title ?? '' },
        number ? h('span', { class: 'goal-number' }, number) : null,
        title === null ? h('span', {}, 'Without a goal') : sourceText('span', title, languageCode),
      ),
      h('ol', { class: 'measures' }, measures.map((m) => measureCard(m, report, measureFindings))),
    );
  return [
    ...[...goals.values()].map(({ goal, measures }) => group(goal.title, goal.number, measures, lang)),
    loose.length > 0 ? group(null, null, loose, lang) : null,
  ];
}

function renderFindings(report) {
  if (report.findings.length === 0) return h('p', { class: 'findings-none' }, 'No findings.');
  const sorted = [...report.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return h(
    'ol',
    { class: 'findings-list' },
    sorted.map((f) => {
      const where = [];
      if (f.location.table !== undefined) where.push(`table ${f.location.table + 1}`);
      if (f.location.row !== undefined) where.push(`row ${f.location.row}`);
      if (f.location.measure !== undefined) where.push(`measure ${f.location.measure}`);
      if (f.location.page !== undefined) where.push(`p. ${f.location.page}`);
      return h(
        'li',
        {
          class: `finding finding-${f.severity}`,
          tabindex: '0',
          dataset: {
            code: f.code,
            ...(f.location.table !== undefined ? { table: String(f.location.table) } : {}),
            ...(f.location.row !== undefined ? { row: String(f.location.row) } : {}),
            ...(f.location.measure !== undefined ? { measure: f.location.measure } : {}),
          },
        },
        h('span', { class: `severity severity-${f.severity}` }, f.severity),
        h('code', { class: 'finding-code' }, f.code),
        h('span', { class: 'finding-message', title: f.message }, f.message),
        where.length > 0 ? h('span', { class: 'finding-where' }, where.join(' · ')) : null,
      );
    }),
  );
}

/** Lights up the rows (and the merged cells reaching into them) of one measure. */
function markRows(root, table, rows, className) {
  for (const element of root.querySelectorAll(`.${className}`)) {
    if (element.matches('tr, td, th')) element.classList.remove(className);
  }
  if (table === null) return [];
  const wanted = new Set(rows);
  const marked = [];
  for (const tr of root.querySelectorAll(`.source-table[data-table="${table}"] tr[data-row]`)) {
    if (!wanted.has(Number(tr.dataset.row))) continue;
    tr.classList.add(className);
    marked.push(tr);
  }
  // A merged cell that starts above the measure's first row still belongs to it.
  for (const cell of root.querySelectorAll(`.source-table[data-table="${table}"] [data-row-from]`)) {
    const from = Number(cell.dataset.rowFrom);
    const to = Number(cell.dataset.rowTo);
    if (to > from && rows.some((row) => row >= from && row <= to)) cell.classList.add(className);
  }
  return marked;
}

function measureRows(card) {
  return card.dataset.rows === '' ? [] : card.dataset.rows.split(' ').map(Number);
}

function wireInteractions(root) {
  const cards = [...root.querySelectorAll('.measure')];
  const sourcePane = root.querySelector('.pane-source .pane-body');
  const measuresPane = root.querySelector('.pane-extracted .pane-body');
  let selected = null;

  const select = (card, { scrollCard = false } = {}) => {
    selected?.classList.remove('is-selected');
    selected?.setAttribute('aria-pressed', 'false');
    selected = card === selected ? null : card;
    if (selected === null) {
      markRows(root, null, [], 'is-selected');
      return;
    }
    selected.classList.add('is-selected');
    selected.setAttribute('aria-pressed', 'true');
    const marked = markRows(root, Number(selected.dataset.table), measureRows(selected), 'is-selected');
    if (marked[0]) scrollWithin(sourcePane, marked[0]);
    if (scrollCard) scrollWithin(measuresPane, selected);
  };

  for (const card of cards) {
    card.addEventListener('mouseenter', () => markRows(root, Number(card.dataset.table), measureRows(card), 'is-hovered'));
    card.addEventListener('mouseleave', () => markRows(root, null, [], 'is-hovered'));
    card.addEventListener('click', (event) => {
      if (event.target.closest('a, button')) return;
      select(card);
    });
    card.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select(card);
      }
    });
  }

  // The other way round: a table row selects the measure made from it.
  for (const tr of root.querySelectorAll('tr.body-row')) {
    tr.addEventListener('click', () => {
      const row = Number(tr.dataset.row);
      const card = cards.find((c) => c.dataset.table === tr.dataset.table && measureRows(c).includes(row));
      if (card && card !== selected) select(card, { scrollCard: true });
    });
  }

  for (const item of root.querySelectorAll('.finding')) {
    const activate = () => {
      const card = item.dataset.measure ? cards.find((c) => c.dataset.measure === item.dataset.measure) : undefined;
      if (card) {
        if (card !== selected) select(card, { scrollCard: true });
        return;
      }
      if (item.dataset.table !== undefined && item.dataset.row !== undefined) {
        const marked = markRows(root, Number(item.dataset.table), [Number(item.dataset.row)], 'is-focused');
        if (marked[0]) scrollWithin(sourcePane, marked[0]);
      }
    };
    item.addEventListener('click', activate);
    item.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') activate();
    });
  }
}

/** Scrolls a pane, not the page, so the element sits in its upper third. */
function scrollWithin(pane, element) {
  if (!pane) return;
  const paneBox = pane.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  if (box.top >= paneBox.top + 40 && box.bottom <= paneBox.bottom - 20) return;
  pane.scrollTo({ top: pane.scrollTop + box.top - paneBox.top - paneBox.height / 3, behavior: 'instant' });
}

export function renderReview(container, report, { onOriginal }) {
  const lang = report.language.code;
  const { byRow, byMeasure } = indexFindings(report);
  const meta = [report.organization, periodText(report.period), report.source.format.toUpperCase(), report.source.pages ? plural(report.source.pages, 'page') : null]
    .filter(Boolean);
  const article = h(
    'article',
    { class: 'report', dataset: { id: report.id } },
    h(
      'header',
      { class: 'report-head' },
      h(
        'div',
        { class: 'report-heading' },
        sourceText('h1', report.title ?? report.source.filename, lang, { class: 'report-title', title: report.title ?? report.source.filename }),
        h(
          'p',
          { class: 'report-meta' },
          meta.map((part, i) => [i > 0 ? ' · ' : null, sourceText('span', part, lang)]),
          ' · ',
          h('span', { class: 'filename', dir: 'auto' }, report.source.filename),
        ),
      ),
      h('div', { class: 'report-actions' }, languageChips(report), h('button', { type: 'button', class: 'button button-quiet', onclick: () => onOriginal(report) }, 'Original')),
    ),
    h('div', { class: 'report-bar' }, summary(report), h('details', { class: 'findings', open: report.findings.length > 0 && report.findings.length <= 6 }, h('summary', {}, `Findings (${report.findings.length})`), renderFindings(report))),
    h(
      'div',
      { class: 'split' },
      h(
        'section',
        { class: 'pane pane-source', 'aria-label': 'Source table' },
        h('h2', { class: 'pane-title' }, 'Source table', h('span', { class: 'muted' }, report.tables.length > 1 ? ` · ${report.tables.length} tables` : '')),
        h(
          'div',
          { class: 'pane-body' },
          report.tables.length === 0 ? h('p', { class: 'muted pad' }, 'No tables were found in this document.') : report.tables.map((t, i) => renderTable(t, i, byRow, lang)),
        ),
      ),
      h(
        'section',
        { class: 'pane pane-extracted', 'aria-label': 'Extracted goals and measures' },
        h('h2', { class: 'pane-title' }, 'Extracted', h('span', { class: 'muted' }, ' · goals → measures → indicators')),
        h('div', { class: 'pane-body' }, report.measures.length === 0 ? h('p', { class: 'muted pad' }, 'No measures were extracted.') : renderMeasures(report, byMeasure)),
      ),
    ),
  );
  container.replaceChildren(article);
  wireInteractions(article);
}
