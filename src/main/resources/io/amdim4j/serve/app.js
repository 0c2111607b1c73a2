// The page of `amdim serve`: a paged grid over /api/rows, neighbours from /api/search, near-duplicates
// from /api/duplicates. Everything shown comes from this server; text is set as text, never as HTML.
'use strict';

const PAGE_SIZE = 60;
const state = { info: null, offset: 0, total: 0, label: '', classes: new Map() };
const $ = (id) => document.getElementById(id);

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.message || response.statusText);
  }
  return body;
}

function status(message) {
  $('status').textContent = message || '';
}

function labelName(label, className) {
  if (label < 0) return 'unlabelled';
  return className || String(label);
}

function figure(row, caption, extraClass) {
  const f = document.createElement('figure');
  f.dataset.row = row.row;
  if (extraClass) f.classList.add(extraClass);
  const img = document.createElement('img');
  img.src = '/api/image/' + row.row;
  img.alt = 'row ' + row.row;
  img.loading = 'lazy';
  const c = document.createElement('figcaption');
  c.textContent = caption;
  f.append(img, c);
  f.addEventListener('click', () => searchRow(row.row));
  return f;
}

async function showPage() {
  const label = state.label === '' ? '' : '&label=' + encodeURIComponent(state.label);
  const page = await api('/api/rows?offset=' + state.offset + '&limit=' + PAGE_SIZE + label);
  state.total = page.total;
  const grid = $('grid');
  grid.replaceChildren(...page.rows.map((r) => {
    const f = figure(r, '#' + r.row + ' ' + labelName(r.label, r.class_name));
    f.classList.add('thumb');
    return f;
  }));
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  $('page').textContent = 'page ' + (Math.floor(state.offset / PAGE_SIZE) + 1) + ' of ' + pages
    + ' (' + page.total + ' images)';
  $('prev').disabled = state.offset === 0;
  $('next').disabled = state.offset + PAGE_SIZE >= page.total;
  await Promise.all([...grid.querySelectorAll('img')].map((img) => img.decode().catch(() => null)));
  window.gridShownAt = window.gridShownAt || performance.now();
}

function showResults(result, queryFigure) {
  $('query').replaceChildren();
  if (queryFigure) {
    const heading = document.createElement('div');
    heading.textContent = 'query';
    $('query').append(heading, queryFigure);
  }
  const queryLabel = result.query ? result.query.label : null;
  $('neighbours').replaceChildren(...result.neighbours.map((n, i) => {
    const same = queryLabel === null || queryLabel < 0 ? null : (n.label === queryLabel ? 'same' : 'other');
    const f = figure(n, (i + 1) + '. ' + n.cosine.toFixed(4) + '\n' + labelName(n.label, n.class_name), same);
    f.classList.add('hit');
    f.dataset.cosine = n.cosine;
    return f;
  }));
  document.querySelectorAll('#grid figure.selected').forEach((f) => f.classList.remove('selected'));
  if (result.query) {
    const shown = document.querySelector('#grid figure[data-row="' + result.query.row + '"]');
    if (shown) shown.classList.add('selected');
  }
}

function k() {
  return Math.max(1, Math.min(100, parseInt($('k').value, 10) || 10));
}

async function searchRow(row) {
  try {
    status('');
    const result = await api('/api/search?row=' + row + '&k=' + k());
    const q = result.query;
    showResults(result, figure(q, '#' + q.row + ' ' + labelName(q.label, q.class_name), 'selected'));
  } catch (e) {
    status(e.message);
  }
}

async function searchFile(file) {
  if (!state.info.upload) {
    status('searching by image needs the server started with --model');
    return;
  }
  if (file.size > state.info.upload_limit_bytes) {
    status(file.name + ' is ' + file.size + ' bytes; the server takes at most ' + state.info.upload_limit_bytes);
    return;
  }
  try {
    status('embedding ' + file.name + ' ...');
    const result = await api('/api/search?k=' + k(), { method: 'POST', body: file });
    const f = document.createElement('figure');
    const img = document.createElement('img');
    img.src = URL.createObjectURL(file);
    const c = document.createElement('figcaption');
    c.textContent = file.name;
    f.append(img, c);
    status('');
    showResults(result, f);
  } catch (e) {
    status(file.name + ': ' + e.message);
  }
}

async function showDuplicates() {
  const threshold = $('threshold').value;
  status('finding pairs with cosine ≥ ' + threshold + ' (one query per row; the first search takes a while) ...');
  try {
    const result = await api('/api/duplicates?threshold=' + encodeURIComponent(threshold) + '&k=' + k() + '&limit=200');
    status('');
    $('grid').classList.add('hidden');
    document.querySelector('.pager').classList.add('hidden');
    const box = $('duplicates');
    box.classList.remove('hidden');
    const heading = document.createElement('p');
    heading.textContent = result.total + ' pairs with cosine ≥ ' + result.threshold
      + (result.total > result.pairs.length ? ', the ' + result.pairs.length + ' closest shown' : '');
    box.replaceChildren(heading, ...result.pairs.map((p) => {
      const row = document.createElement('div');
      row.className = 'pair';
      const cos = document.createElement('span');
      cos.className = 'cos';
      cos.textContent = p.cosine.toFixed(4);
      row.append(cos, figure(p.first, '#' + p.first.row + ' ' + labelName(p.first.label, p.first.class_name)),
        figure(p.second, '#' + p.second.row + ' ' + labelName(p.second.label, p.second.class_name)));
      return row;
    }));
  } catch (e) {
    status(e.message);
  }
}

function showGrid() {
  $('duplicates').classList.add('hidden');
  $('grid').classList.remove('hidden');
  document.querySelector('.pager').classList.remove('hidden');
}

async function start() {
  const info = await api('/api/info');
  state.info = info;
  $('k').value = info.k;
  $('about').textContent = info.dataset + ', ' + info.dimension + '-d vectors';
  for (const l of info.labels) {
    const option = document.createElement('option');
    option.value = l.label;
    option.textContent = labelName(l.label, l.class_name) + ' (' + l.rows + ')';
    $('label').append(option);
  }
  if (info.upload) {
    $('upload').classList.remove('hidden');
    $('drop-hint').classList.remove('hidden');
  }
  $('label').addEventListener('change', () => { state.label = $('label').value; state.offset = 0; showGrid(); showPage(); });
  $('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE_SIZE); showPage(); });
  $('next').addEventListener('click', () => { state.offset += PAGE_SIZE; showPage(); });
  $('show-grid').addEventListener('click', showGrid);
  $('show-duplicates').addEventListener('click', showDuplicates);
  $('file').addEventListener('change', () => { if ($('file').files[0]) searchFile($('file').files[0]); });
  const drop = $('results');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); $('drop').classList.add('over'); });
  drop.addEventListener('dragleave', () => $('drop').classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    $('drop').classList.remove('over');
    if (e.dataTransfer.files[0]) searchFile(e.dataTransfer.files[0]);
  });
  await showPage();
}

start().catch((e) => status(e.message));
