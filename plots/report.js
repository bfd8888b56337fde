/* keyfig report page: shows one article at a time with its claims highlighted, records the
 * reviewer's verdicts in localStorage, exports them as a review TSV and a gold TSV (CLAIMS.md) and
 * merges review files back in (review.js holds the formats).
 * Article data is untrusted: it reaches the DOM only through textContent and createTextNode.
 * Spans are code point offsets; JavaScript strings are UTF-16, so they are converted here. */
'use strict';
(function () {
  const R = KFReview;
  const KINDS = R.KINDS;
  const APPROX = ['', 'over', 'at_least', 'under', 'at_most', 'about'];
  const STORE = 'keyfig-review:';
  const BATCH = 200; /* table rows rendered at a time: a corpus article may have thousands */
  const $ = (id) => document.getElementById(id);

  /* An element with text children only; props are DOM properties (className, textContent, ...). */
  function el(tag, props, ...kids) {
    const e = document.createElement(tag);
    if (props) Object.assign(e, props);
    for (const k of kids) e.append(k == null ? '' : k);
    return e;
  }
  const fmt = new Intl.NumberFormat('en-US', {maximumFractionDigits: 6});
  const showNum = (v) => (typeof v === 'number' && isFinite(v) ? fmt.format(v) : '');

  /* ---- data ---------------------------------------------------------------------------- */
  const INDEX = JSON.parse(document.querySelector('script#kf-index').textContent);
  const LEX = R.lexicon(JSON.parse(document.querySelector('script#kf-lexicon').textContent));
  const BYID = new Map(INDEX.map((a, i) => [a.id, i]));

  /* Python's str.isspace (the scorer squeezes with it), plus a BOM, which the scorer strips. */
  const SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
  const SPACE_ZW = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

  /* Code point offset -> UTF-16 offset. Identity (null table) unless the text has characters
   * beyond the BMP (CJK extension B, emoji), which take two UTF-16 units. */
  function cpTable(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return {table: null, n: text.length};
    const t = new Uint32Array(text.length + 1);
    let cp = 0;
    for (let u = 0; u < text.length; cp++) {
      t[cp] = u;
      const c = text.charCodeAt(u);
      u += c >= 0xd800 && c < 0xdc00 && u + 1 < text.length ? 2 : 1;
    }
    t[cp] = text.length;
    return {table: t.subarray(0, cp + 1), n: cp};
  }
  const toU16 = (m, cp) => (m.table ? m.table[cp] : cp);
  function toCp(m, u) {
    if (!m.table) return u;
    let lo = 0, hi = m.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (m.table[mid] < u) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /* The article's data, parsed when it is opened (only the visible article is parsed). */
  function loadDoc(i) {
    const d = JSON.parse(document.querySelector('script#kf-doc-' + i).textContent);
    d.index = i;
    d.map = d.text == null ? null : cpTable(d.text);
    const seen = new Map();
    d.claims.forEach((c, k) => {
      c.k = k;
      let key = c.start + '-' + c.end;
      const dup = seen.get(key) || 0;
      seen.set(key, dup + 1);
      c.key = dup ? key + '~' + dup : key; /* verdicts are keyed by span: ids change between runs */
      c.ok = d.map != null && Number.isInteger(c.start) && Number.isInteger(c.end) &&
        c.start >= 0 && c.end > c.start && c.end <= d.map.n;
      if (c.ok) {
        c.s16 = toU16(d.map, c.start);
        c.e16 = toU16(d.map, c.end);
        const here = d.text.slice(c.s16, c.e16).replace(SPACE_ZW, '');
        c.drift = c.text != null && here !== c.text.replace(SPACE_ZW, '');
      }
    });
    return d;
  }

  function loadState(id) {
    let st = null;
    try { st = JSON.parse(localStorage.getItem(STORE + id)); } catch (e) { st = null; }
    if (!st || typeof st !== 'object') st = {};
    if (!st.v || typeof st.v !== 'object') st.v = {};
    if (!Array.isArray(st.added)) st.added = [];
    st.reviewed = !!st.reviewed;
    return st;
  }
  function saveState(id, st) {
    try {
      localStorage.setItem(STORE + id, JSON.stringify(st));
    } catch (e) {
      status('Could not save the verdicts in this browser: ' + e.message);
    }
  }

  /* ---- the open article ---------------------------------------------------------------- */
  let D = null;     /* the document */
  let st = null;    /* its verdicts */
  let items = [];   /* claims, then added figures */
  let rows = [];    /* items in table order (filtered, sorted): j/k walk this */
  let cur = null;   /* the current item */
  let shown = 0;    /* table rows rendered */
  const view = {kind: '', status: 'all', aside: false, sort: 'pos', dir: 1};

  function addedItem(a, n) {
    const it = {added: true, a, k: 'a' + n, start: a.start, end: a.end, claim: true};
    it.ok = D.map != null && a.end > a.start && a.end <= D.map.n;
    if (it.ok) { it.s16 = toU16(D.map, a.start); it.e16 = toU16(D.map, a.end); }
    it.text = it.ok ? D.text.slice(it.s16, it.e16) : a.surface;
    return it;
  }
  function buildItems() {
    items = D.claims.concat(st.added.map(addedItem));
  }

  /* The fields the export will write: the extraction's, with the reviewer's corrections. */
  function eff(it) {
    if (it.added) return it.a;
    const f = (st.v[it.key] && st.v[it.key].fix) || {};
    const has = (k) => Object.prototype.hasOwnProperty.call(f, k);
    return {
      value: has('value') ? f.value : it.value,
      unit: has('unit') ? f.unit : it.unit || '',
      kind: has('kind') ? f.kind : it.kind || 'other',
      subject: has('subject') ? f.subject : it.subject || '',
      approx: has('approx') ? f.approx : it.approx || '',
      direction: has('direction') ? f.direction : it.direction || '',
      from: has('from') ? f.from : it.from,
      optional: has('optional') ? f.optional : false,
    };
  }
  /* 'y' correct, 'w' wrong, 'n' not a claim, '?' unsure, 'added' or '' (unreviewed) */
  const MARKS = {y: '✓', w: '✎', n: '✗', '?': '?', added: '+'};
  const vclass = (v) => (v === '?' ? 'u' : v);
  function verdict(it) {
    if (it.added) return 'added';
    return (st.v[it.key] && st.v[it.key].verdict) || '';
  }

  /* ---- text with highlights -------------------------------------------------------------- */
  function markFor(it) {
    const m = el('mark', {tabIndex: -1});
    m.dataset.k = it.k;
    decorate(m, it);
    return m;
  }
  function decorate(m, it) {
    const v = verdict(it), kind = eff(it).kind;
    m.className = 'c k-' + (KINDS.includes(kind) ? kind : 'other') +
      (it.claim === false ? ' aside' : '') + (v ? ' v-' + vclass(v) : '') + (it === cur ? ' cur' : '');
  }

  /* Claims may nest (a set-aside date inside a claim); one that only partly overlaps its
   * neighbour is clipped to the enclosing mark, so every character is in at most one chain.
   * The text is cut into blocks at line ends outside any claim: with content-visibility the
   * browser lays out only the blocks on screen, and a verdict re-lays one block, not 2 MB. */
  const CHUNK = 4000;
  function newChunk(frag) {
    const c = el('div', {className: 'chunk'});
    frag.append(c);
    return c;
  }
  function renderText() {
    const box = $('text');
    box.textContent = '';
    if (D.text == null) {
      box.append(el('p', {className: 'warn', textContent:
        'The article text was not found when the report was made, so the claims are listed without highlights.'}));
      return;
    }
    const text = D.text;
    const spans = items.filter((it) => it.ok)
      .sort((a, b) => a.s16 - b.s16 || b.e16 - a.e16 || (a.added ? 1 : 0) - (b.added ? 1 : 0));
    const frag = document.createDocumentFragment();
    const stack = [{node: newChunk(frag), end: Infinity}];
    let pos = 0, chunkStart = 0;
    const flush = (u) => {
      while (stack.length === 1 && u - chunkStart > CHUNK) {
        const nl = text.indexOf('\n', Math.max(pos, chunkStart + CHUNK - 1));
        if (nl < 0 || nl >= u) break;
        stack[0].node.append(text.slice(pos, nl + 1));
        sizeChunk(stack[0].node, nl + 1 - chunkStart);
        pos = chunkStart = nl + 1;
        stack[0].node = newChunk(frag);
      }
      if (u > pos) { stack[stack.length - 1].node.append(text.slice(pos, u)); pos = u; }
    };
    for (const it of items) it.mark = null;
    for (const it of spans) {
      while (stack.length > 1 && stack[stack.length - 1].end <= it.s16) { flush(stack[stack.length - 1].end); stack.pop(); }
      const top = stack[stack.length - 1];
      const s = Math.max(it.s16, pos), e = Math.min(it.e16, top.end);
      if (e <= s) continue;
      flush(s);
      it.mark = markFor(it);
      stack[stack.length - 1].node.append(it.mark);
      stack.push({node: it.mark, end: e});
    }
    while (stack.length > 1) { flush(stack[stack.length - 1].end); stack.pop(); }
    flush(text.length);
    sizeChunk(stack[0].node, text.length - chunkStart);
    box.append(frag);
  }
  /* A guess at a block's height before it is laid out (about 40 characters a 32px line), so
   * the scroll bar is roughly right; the browser keeps the real size once it has seen it. */
  function sizeChunk(c, len) {
    c.style.containIntrinsicSize = 'auto ' + Math.max(32, Math.ceil(len / 40) * 32) + 'px';
  }

  /* ---- claims table ---------------------------------------------------------------------- */
  /* How far a subject rule is to be trusted: weak ones sort first. No subject at all is the
   * weakest; a rule the page does not know sorts with the weak; absent (older JSON) sorts last. */
  const RULE_STRENGTH = {after_classifier: 5, before_number: 4, head_after_de: 4, verb_object: 3, from_to: 3, list: 2,
    base_value: 3, list_intro: 2, previous_clause: 1, carried: 1};
  function ruleKey(it) {
    if (it.added) return 6;
    if (!it.subject) return 0;
    if (it.subject_rule == null) return 7;
    return RULE_STRENGTH[it.subject_rule] || 1;
  }
  function sortKey(it) {
    if (view.sort === 'value') return eff(it).value;
    if (view.sort === 'kind') return KINDS.indexOf(eff(it).kind);
    if (view.sort === 'rule') return ruleKey(it);
    return it.start;
  }
  function computeRows() {
    rows = items.filter((it) => {
      if (it.claim === false && !view.aside) return false;
      if (view.kind && eff(it).kind !== view.kind) return false;
      const v = verdict(it);
      if (view.status === 'todo') return v === '' && !it.added;
      if (view.status !== 'all') return v === view.status;
      return true;
    });
    rows.sort((a, b) => {
      const x = sortKey(a), y = sortKey(b);
      const nx = typeof x === 'number' && isFinite(x), ny = typeof y === 'number' && isFinite(y);
      if (nx !== ny) return nx ? -1 : 1;
      return (nx && x !== y ? (x - y) * view.dir : 0) || a.start - b.start || a.end - b.end;
    });
  }
  function rowFor(it) {
    const e = eff(it), v = verdict(it);
    const tr = el('tr', {className: (it.claim === false ? 'aside ' : '') + (v ? 'v-' + vclass(v) : '') + (it === cur ? ' cur' : '')},
      el('td', {className: 'num'}, it.added ? '+' : String(it.id != null ? it.id : it.k + 1)),
      el('td', {className: 'ctext', title: it.drift ? 'the text at this span differs from the claim text' : ''},
        el('span', {className: 'swatch k-' + e.kind}), (it.drift ? '⚠ ' : '') + (it.text || '')),
      el('td', {className: 'num'}, showNum(e.value)),
      el('td', {}, e.unit),
      el('td', {}, e.kind),
      el('td', {}, e.subject),
      el('td', {className: 'mono'}, it.added ? 'reviewer' : it.subject_rule || (it.subject ? '?' : '—')),
      el('td', {}, e.approx),
      el('td', {}, R.changeText(e.direction, e.from)),
      el('td', {className: 'verdict', title: v ? R.WORDS[v] : ''}, MARKS[v] || (it.claim === false ? '·' : '')));
    tr.dataset.k = it.k;
    it.row = tr;
    return tr;
  }
  function renderTable() {
    computeRows();
    for (const it of items) it.row = null;
    $('claims').tBodies[0].textContent = '';
    shown = 0;
    more(0);
    const n = items.filter((it) => it.claim !== false).length;
    $('row-count').textContent = rows.length + ' shown of ' + n + ' claims';
    for (const b of document.querySelectorAll('#claims th button'))
      b.dataset.dir = b.dataset.sort === view.sort ? (view.dir > 0 ? '▲' : '▼') : '';
  }
  /* Render rows up to index upto (at least one more batch). */
  function more(upto) {
    const body = $('claims').tBodies[0];
    const end = Math.min(rows.length, Math.max(shown + BATCH, upto + 1));
    const frag = document.createDocumentFragment();
    for (; shown < end; shown++) frag.append(rowFor(rows[shown]));
    body.append(frag);
    const box = $('table-more');
    box.textContent = '';
    if (shown < rows.length) box.append(el('button', {type: 'button', textContent: 'show more (' + (rows.length - shown) + ')',
      onclick: () => more(0)}));
    if (!rows.length) box.append(el('p', {className: 'muted', textContent: items.length ? 'No claim matches the filter.' : 'No claims in this article.'}));
  }
  function refreshItem(it) {
    if (it.mark) decorate(it.mark, it);
    if (it.row) { const old = it.row; old.replaceWith(rowFor(it)); }
  }

  function renderChips() {
    const box = $('chips');
    box.textContent = '';
    const counts = {};
    for (const it of items) if (it.claim !== false) counts[eff(it).kind] = (counts[eff(it).kind] || 0) + 1;
    const chip = (kind, label) => {
      const b = el('button', {type: 'button', className: 'chip' + (kind ? ' k-' + kind : '') + (view.kind === kind ? ' on' : ''),
        textContent: label, onclick: () => { view.kind = kind; renderChips(); renderTable(); }});
      b.setAttribute('aria-pressed', String(view.kind === kind));
      box.append(b);
    };
    chip('', 'all ' + items.filter((it) => it.claim !== false).length);
    for (const k of KINDS) if (counts[k] || view.kind === k) chip(k, k + ' ' + (counts[k] || 0));
  }

  /* ---- the current claim ------------------------------------------------------------------ */
  function select(it, scroll) {
    const old = cur;
    cur = it;
    if (old) { refreshItem(old); if (old.mark) old.mark.tabIndex = -1; }
    if (!it) { fillInspector(); return; }
    const i = rows.indexOf(it);
    if (i >= shown) more(i);
    refreshItem(it);
    fillInspector();
    if (it.mark) {
      it.mark.tabIndex = 0;
      if (scroll) it.mark.scrollIntoView({block: 'center'});
      it.mark.focus({preventScroll: true});
    }
    if (it.row) it.row.scrollIntoView({block: 'nearest'});
  }
  function move(step) {
    if (!rows.length) return;
    let i = rows.indexOf(cur);
    i = i < 0 ? (step > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, i + step));
    select(rows[i], true);
  }

  function fillInspector() {
    $('insp-empty').hidden = !!cur;
    $('insp').hidden = !cur;
    if (!cur) return;
    const it = cur, e = eff(it), v = verdict(it);
    $('insp-badge').className = 'badge k-' + e.kind;
    $('insp-badge').textContent = e.kind;
    $('insp-title').textContent = it.added ? 'added by the reviewer' :
      (it.claim === false ? 'set aside (' + (it.reason || 'not a claim') + ') #' + it.id : 'claim #' + (it.id != null ? it.id : it.k + 1)) +
      (it.rule ? ' · rule ' + it.rule : '') + (it.subject_rule ? ' · subject ' + it.subject_rule : '') +
      (v === 'w' && wrongFields(it).length ? ' · wrong: ' + wrongFields(it).join(', ') : '');
    $('insp-text').textContent = it.text || '';
    $('insp-sentence').hidden = !(D.text == null && it.sentence);
    $('insp-sentence').textContent = it.sentence || '';
    for (const [id, code] of [['v-yes', 'y'], ['v-wrong', 'w'], ['v-no', 'n'], ['v-unsure', '?']]) {
      $(id).classList.toggle('on', v === code);
      $(id).hidden = it.added;
    }
    $('v-clear').hidden = it.added;
    $('v-delete').hidden = !it.added;
    $('f-value').value = e.value == null ? '' : String(e.value);
    $('f-value').removeAttribute('aria-invalid');
    $('f-unit').value = e.unit || '';
    $('f-kind').value = e.kind;
    $('f-subject').value = e.subject || '';
    $('f-approx').value = e.approx || '';
    $('f-change').value = e.direction || '';
    $('f-from').value = e.from == null ? '' : String(e.from);
    $('f-optional').checked = !!e.optional;
    const extra = [];
    if (it.value_text) extra.push('as written: ' + it.value_text);
    if (it.range) extra.push('range ' + it.range[0] + '–' + it.range[1]);
    if (it.basis) extra.push('basis ' + it.basis);
    if (it.item) extra.push('item ' + it.item);
    extra.push('span ' + it.start + '–' + it.end);
    if (it.page) extra.push('page ' + it.page);
    if (!it.ok && D.text != null) extra.push('⚠ span outside the text');
    if (it.drift) extra.push('⚠ the text at this span differs from the claim text');
    $('insp-extra').textContent = extra.join(' · ');
    /* a PDF's claim: a link that opens the PDF at its page (#page=N, which PDF viewers honour) */
    if (it.page && /\.pdf$/i.test(D.source || '')) {
      $('insp-extra').append(' · ', el('a', {href: encodeURI(D.source) + '#page=' + it.page, target: '_blank'},
        'open the PDF at page ' + it.page));
    }
  }

  /* "32.3万" -> 323000, "1,200" -> 1200, "三千" -> 3000 (numerals.tsv); NaN when it is not a number. */
  function parseValue(s) {
    s = s.replace(/[\s,，]/g, '');
    if (s === '') return NaN;
    if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return Number(s);
    return R.numeral(LEX, s);
  }
  const clean = (s) => s.replace(/[\t\r\n]+/g, ' ').trim();
  /* The fields a 'wrong' verdict names: those the reviewer corrected. */
  function wrongFields(it) {
    const f = (!it.added && st.v[it.key] && st.v[it.key].fix) || {};
    return R.WRONG_FIELDS.filter((k) => (k === 'change' ? 'direction' in f || 'from' in f : k in f));
  }

  /* The form changed: store the fields that differ from the extraction. */
  function applyForm() {
    const it = cur;
    if (!it) return;
    const value = parseValue($('f-value').value);
    const fromText = $('f-from').value.trim();
    const from = fromText === '' ? null : parseValue(fromText);
    $('f-value').toggleAttribute('aria-invalid', isNaN(value));
    $('f-from').toggleAttribute('aria-invalid', from !== null && isNaN(from));
    const form = {
      value: isNaN(value) ? null : value,
      unit: clean($('f-unit').value), kind: $('f-kind').value, subject: clean($('f-subject').value),
      approx: $('f-approx').value, direction: $('f-change').value,
      from: from === null || isNaN(from) ? null : from, optional: $('f-optional').checked,
    };
    if (it.added) {
      Object.assign(it.a, form);
    } else {
      const base = {value: it.value, unit: it.unit || '', kind: it.kind || 'other', subject: it.subject || '',
        approx: it.approx || '', direction: it.direction || '', from: it.from == null ? null : it.from, optional: false};
      const fix = {};
      for (const k of Object.keys(form)) if (form[k] !== base[k] && !(k === 'value' && form.value === null)) fix[k] = form[k];
      const rec = st.v[it.key] || {verdict: ''};
      rec.fix = fix;
      rec.aside = it.claim === false;
      /* a corrected field makes the verdict "wrong" (a claim, with that field wrong) */
      if ((!rec.verdict || rec.verdict === 'y') && R.WRONG_FIELDS.some((k) => k in fix || (k === 'change' && ('direction' in fix || 'from' in fix))))
        rec.verdict = 'w';
      st.v[it.key] = rec;
    }
    saveState(D.id, st);
    refreshItem(it);
    $('insp-badge').className = 'badge k-' + form.kind;
    $('insp-badge').textContent = form.kind;
    progress();
  }

  function judge(v) {
    const it = cur;
    if (!it || it.added) return;
    const rec = st.v[it.key] || {verdict: ''};
    rec.verdict = v;
    rec.aside = it.claim === false; /* progress counts verdicts on claims only */
    if (!v && !(rec.fix && Object.keys(rec.fix).length)) delete st.v[it.key]; else st.v[it.key] = rec;
    saveState(D.id, st);
    refreshItem(it);
    progress();
    if (v === 'w') { fillInspector(); $('f-value').focus(); } else if (v) move(1); else fillInspector();
  }
  function setReviewed(on) {
    if (!D) return;
    st.reviewed = on;
    $('reviewed').checked = on;
    saveState(D.id, st);
    progress();
    status(on ? 'Article marked reviewed.' : 'Article no longer marked reviewed.');
  }

  /* ---- adding a missed figure -------------------------------------------------------------- */
  let lastRange = null; /* the last selection inside the text: clicking the button may clear it */
  function textRange() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const r = sel.getRangeAt(0), box = $('text');
    return box.contains(r.startContainer) && box.contains(r.endContainer) ? r.cloneRange() : null;
  }
  /* A DOM range in the text -> {start, end} in code points, without surrounding whitespace. */
  function rangeSpan(r) {
    const box = $('text');
    if (!r || D.text == null || !box.contains(r.startContainer)) return null;
    /* The offset of a DOM point = the length of the text before it (marks hold text only). */
    const before = (node, off) => {
      const q = document.createRange();
      q.setStart(box, 0);
      q.setEnd(node, off);
      return q.toString().length;
    };
    let s = before(r.startContainer, r.startOffset), e = before(r.endContainer, r.endOffset);
    while (s < e && SPACE.test(D.text[s])) s++;
    while (e > s && SPACE.test(D.text[e - 1])) e--;
    if (e <= s) return null;
    return {start: toCp(D.map, s), end: toCp(D.map, e)};
  }
  document.addEventListener('selectionchange', () => {
    const r = D && textRange();
    if (r) lastRange = r;
  });
  function addMissed() {
    const span = rangeSpan(textRange() || lastRange);
    if (!span) { status('Select the missed figure in the article text first, then press "Add missed figure" (a).'); return; }
    lastRange = null;
    const surface = D.text.slice(toU16(D.map, span.start), toU16(D.map, span.end));
    const f = R.figure(LEX, surface); /* value, unit, kind, approx, subject read from the selection */
    const a = {start: span.start, end: span.end, value: f.value, unit: f.unit, kind: f.kind, subject: f.subject,
      approx: f.approx, direction: '', from: null, optional: false, surface};
    st.added.push(a);
    saveState(D.id, st);
    window.getSelection().removeAllRanges();
    buildItems();
    const it = items[items.length - 1];
    redraw();
    select(it, false);
    status('Added "' + it.text + '"' + (f.value == null ? ': type its value, unit, kind and subject.' : ': check the fields read from it.'));
    $('f-value').focus();
  }
  function deleteAdded() {
    if (!cur || !cur.added) return;
    st.added.splice(st.added.indexOf(cur.a), 1);
    saveState(D.id, st);
    cur = null;
    buildItems();
    redraw();
    fillInspector();
  }

  /* ---- review and gold files --------------------------------------------------------------- */
  /* The scorer finds a surface in the text with whitespace removed, counting overlapping
   * occurrences (str.find from pos + 1): surface#N is the Nth. Returns '' when not locatable. */
  function surfaceOf(d, sq, it) {
    const s16 = toU16(d.map, it.start), e16 = toU16(d.map, it.end);
    let lo = 0, hi = sq.at.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (sq.at[mid] < s16) lo = mid + 1; else hi = mid; }
    let j = lo, surf = '';
    while (j < sq.at.length && sq.at[j] < e16) surf += sq.s[j++];
    if (!surf) return '';
    let n = 0;
    for (let p = sq.s.indexOf(surf); p !== -1 && p <= lo; p = sq.s.indexOf(surf, p + 1)) n++;
    return n > 1 || surf.includes('#') ? surf + '#' + n : surf;
  }
  function squeeze(text) {
    const chars = [], at = [];
    for (let u = 0; u < text.length; u++) {
      const ch = text[u];
      if (SPACE.test(ch)) continue;
      chars.push(ch);
      at.push(u);
    }
    return {s: chars.join(''), at};
  }
  /* The review rows of one article: every verdict and every added figure, in text order. */
  function reviewRows(d, state) {
    const saved = [D, st];
    [D, st] = [d, state];
    const its = d.claims.filter((c) => verdict(c)).concat(state.added.map(addedItem));
    const sq = d.text == null ? null : squeeze(d.text);
    its.sort((a, b) => a.start - b.start || a.end - b.end);
    const rows = its.map((it) => {
      const e = eff(it), v = verdict(it);
      return {article: d.id, id: it.added ? null : it.id, verdict: R.WORDS[v], wrong: v === 'w' ? wrongFields(it) : [],
        surface: sq && it.ok ? surfaceOf(d, sq, it) : (it.text || '').replace(SPACE_ZW, ''), value: e.value, unit: e.unit,
        kind: e.kind, subject: e.subject, approx: e.approx, direction: e.direction, from: e.from, optional: e.optional,
        start: it.start, end: it.end};
    });
    [D, st] = saved;
    return rows;
  }
  function allRows() {
    const rows = [], reviewed = [];
    let todo = 0;
    INDEX.forEach((a, i) => {
      const here = D && D.index === i;
      const state = here ? st : loadState(a.id);
      if (state.reviewed) {
        reviewed.push(a.id);
        todo += Math.max(0, a.claims - judgedCount(state));
      }
      if (Object.keys(state.v).length || state.added.length) rows.push(...reviewRows(here ? D : loadDoc(i), state));
    });
    return {rows, reviewed, todo};
  }
  function download(text, name) {
    const blob = new Blob([text], {type: 'text/tab-separated-values;charset=utf-8'});
    const a = el('a', {href: URL.createObjectURL(blob), download: name});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }
  const baseName = () => (INDEX.length === 1 ? INDEX[0].id : 'keyfig');
  function exportReview() {
    const {rows, reviewed} = allRows();
    download(R.format(rows, reviewed), baseName() + '.review.tsv');
    status('Exported ' + rows.length + ' verdicts; ' + reviewed.length + ' article' + (reviewed.length === 1 ? '' : 's') + ' marked reviewed.');
  }
  function exportGold() {
    const {rows, reviewed, todo} = allRows();
    const g = R.gold(rows, reviewed);
    download(g.text, baseName() + '.gold.tsv');
    const n = g.text.split('\n').filter((l) => l && !l.startsWith('#')).length;
    status('Exported ' + n + ' gold lines' + (g.skipped ? '; ' + g.skipped + ' left out (no value, wrong without a correction, or not in the text)' : '') +
      (todo ? '; ' + todo + ' claims of reviewed articles have no verdict (they count as false positives)' : '') + '.');
  }

  /* The extraction's fields of claim c, as the form shows them. */
  const baseOf = (c) => ({value: c.value, unit: c.unit || '', kind: c.kind || 'other', subject: c.subject || '',
    approx: c.approx || '', direction: c.direction || '', from: c.from == null ? null : c.from, optional: false});
  function fixOf(c, r) {
    const base = baseOf(c), fix = {};
    for (const k of Object.keys(base)) {
      const want = r[k] == null ? (k === 'value' || k === 'from' ? null : k === 'optional' ? false : '') : r[k];
      if (want !== base[k] && !(k === 'value' && want === null)) fix[k] = want;
    }
    return fix;
  }
  const sameFix = (a, b) => { const ka = Object.keys(a || {}), kb = Object.keys(b || {}); return ka.length === kb.length && ka.every((k) => a[k] === b[k]); };
  const describe = (verdictCode, fix) => R.WORDS[verdictCode] + (fix && Object.keys(fix).length ?
    ' (' + Object.entries(fix).map(([k, v]) => k + ' ' + (v === '' || v == null ? '∅' : v)).join(', ') + ')' : '');

  /* Merge a review file into the verdicts here. A verdict already given that differs is kept
   * and the disagreement listed; everything else is taken. */
  function importReview(text, name) {
    const p = R.parse(text, name);
    const conflicts = p.errors.slice(), unknown = new Set(), byArt = new Map();
    let taken = 0;
    for (const r of p.rows) {
      if (!BYID.has(r.article)) { unknown.add(r.article); continue; }
      if (!byArt.has(r.article)) byArt.set(r.article, []);
      byArt.get(r.article).push(r);
    }
    for (const a of p.reviewed) if (!BYID.has(a)) unknown.add(a); else if (!byArt.has(a)) byArt.set(a, []);
    for (const [id, rows] of byArt) {
      const i = BYID.get(id), here = D && D.index === i;
      const d = here ? D : loadDoc(i), state = here ? st : loadState(id);
      const bySpan = new Map();
      for (const c of d.claims) if (!bySpan.has(c.start + '-' + c.end)) bySpan.set(c.start + '-' + c.end, c);
      for (const r of rows) {
        const at = id + ' ' + (r.id == null ? 'missed figure' : 'claim #' + r.id) + ' (' + r.surface + '): ';
        if (r.code === 'added') {
          const a = {start: r.start, end: r.end, value: r.value, unit: r.unit, kind: r.kind || 'other', subject: r.subject,
            approx: r.approx, direction: r.direction, from: r.from, optional: r.optional, surface: r.surface.replace(/#\d+$/, '')};
          const old = state.added.find((x) => x.start === a.start && x.end === a.end);
          if (!old) { state.added.push(a); taken++; continue; }
          const diff = ['value', 'unit', 'kind', 'subject', 'approx', 'direction', 'from', 'optional'].filter((k) => (old[k] ?? '') !== (a[k] ?? ''));
          if (diff.length) conflicts.push(at + 'here ' + diff.map((k) => k + ' ' + old[k]).join(', ') + '; in ' + name + ' ' + diff.map((k) => k + ' ' + a[k]).join(', '));
          continue;
        }
        const c = bySpan.get(r.start + '-' + r.end);
        if (!c) { conflicts.push(at + 'no claim at ' + r.start + '-' + r.end + ' on this page'); continue; }
        const rec = {verdict: r.code, fix: fixOf(c, r), aside: c.claim === false};
        const old = state.v[c.key];
        if (!old || !old.verdict) { state.v[c.key] = rec; taken++; }
        else if (old.verdict !== rec.verdict || !sameFix(old.fix, rec.fix))
          conflicts.push(at + 'here ' + describe(old.verdict, old.fix) + '; in ' + name + ' ' + describe(rec.verdict, rec.fix));
      }
      if (p.reviewed.includes(id)) state.reviewed = true;
      saveState(id, state);
      const s2 = here ? st : state;
      updateCorpusRow(i, Math.min(judgedCount(s2), INDEX[i].claims), s2.added.length, s2.reviewed);
    }
    if (unknown.size) conflicts.push(name + ': ' + unknown.size + ' article' + (unknown.size === 1 ? '' : 's') + ' not on this page: ' + [...unknown].slice(0, 5).join(', '));
    if (D && byArt.has(D.id)) { buildItems(); redraw(); fillInspector(); $('reviewed').checked = st.reviewed; }
    showConflicts(name, conflicts);
    status('Merged ' + name + ': ' + taken + ' verdict' + (taken === 1 ? '' : 's') + ' taken' +
      (conflicts.length ? ', ' + conflicts.length + ' not (listed above)' : '') + '.');
    return {taken, conflicts};
  }
  function showConflicts(name, list) {
    const box = $('conflicts');
    if (!list.length) return;
    box.hidden = false;
    box.open = true;
    for (const c of list) $('conflict-list').append(el('li', {textContent: c}));
    const n = $('conflict-list').children.length;
    $('conflicts-summary').textContent = n + ' verdict' + (n === 1 ? '' : 's') + ' not merged (the one here is kept): fix them by hand';
  }
  /* FNV-1a of a review file: one given to keyfig report --review is merged on the first opening
   * only, so a later change here is not reported again as a disagreement at each reload. */
  function hash(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    return (h >>> 0).toString(16);
  }
  function importEmbedded() {
    const reviews = JSON.parse(document.querySelector('script#kf-reviews').textContent);
    for (const r of reviews) {
      const key = 'keyfig-review-applied:' + hash(r.name + '\n' + r.text);
      let seen = null;
      try { seen = localStorage.getItem(key); } catch (e) { seen = null; }
      if (seen) continue;
      importReview(r.text, r.name);
      try { localStorage.setItem(key, '1'); } catch (e) { /* not kept: merged again next time, harmlessly */ }
    }
  }
  function importFiles(files) {
    for (const f of files) f.text().then((t) => importReview(t, f.name), (e) => status('Cannot read ' + f.name + ': ' + e.message));
  }

  /* ---- progress and corpus index -------------------------------------------------------------- */
  /* Verdicts on claims (not on set-aside numbers), so progress reads "judged / claims". */
  function judgedCount(state) {
    let n = 0;
    for (const k of Object.keys(state.v)) if (state.v[k] && state.v[k].verdict && !state.v[k].aside) n++;
    return n;
  }
  function progress() {
    if (!D) return;
    let judged = 0, claims = 0;
    for (const it of items) {
      if (it.added || it.claim === false) continue;
      claims++;
      if (verdict(it)) judged++;
    }
    const added = st.added.length;
    $('article-progress').textContent = 'judged ' + judged + '/' + claims + (added ? ' · ' + added + ' added' : '') +
      (st.reviewed ? ' · reviewed' : '');
    if (INDEX.length > 1) updateCorpusRow(D.index, judged, added, st.reviewed);
  }

  /* The corpus list is virtual: only the rows in view exist, so 5,000 articles cost what 40 do. */
  let corpusView = [];   /* indices into INDEX that pass the filter */
  let rowH = 29;
  let chartOpen = false; /* the reviewer's choice, kept from article to article */
  function renderCorpus() {
    if (INDEX.length < 2) return;
    $('corpus').hidden = false;
    $('article-nav').hidden = false;
    INDEX.forEach((a) => {
      const s = loadState(a.id);
      a.judged = Math.min(judgedCount(s), a.claims);
      a.added = s.added.length;
      a.reviewed = s.reviewed;
    });
    filterCorpus();
    $('corpus-scroll').addEventListener('scroll', drawCorpus, {passive: true});
  }
  function corpusRow(i) {
    const a = INDEX[i];
    const pct = a.claims ? Math.round(100 * a.judged / a.claims) : (a.judged || a.added ? 100 : 0);
    const bar = el('span', {className: 'bar'}, el('span'));
    bar.firstChild.style.width = pct + '%';
    const tr = el('tr', {tabIndex: 0, className: 'row' + (D && D.index === i ? ' cur' : '') + (a.reviewed ? ' done' : '')},
      el('td', {className: 'num'}, String(i + 1)), el('td', {className: 'mono'}, a.id), el('td', {}, a.title || ''),
      el('td', {}, a.date || ''), el('td', {className: 'num'}, String(a.claims)), el('td', {className: 'num'}, String(a.aside)),
      el('td', {}, bar, el('span', {className: 'bar-n'}, a.judged + '/' + a.claims)),
      el('td', {className: 'num'}, a.added ? String(a.added) : ''), el('td', {className: 'done-mark'}, a.reviewed ? '✓' : ''));
    tr.dataset.i = i;
    return tr;
  }
  function drawCorpus() {
    const box = $('corpus-scroll'), body = $('corpus-table').tBodies[0];
    const first = Math.max(0, Math.floor(box.scrollTop / rowH) - 10);
    const last = Math.min(corpusView.length, first + Math.ceil((box.clientHeight || 300) / rowH) + 20);
    const spacer = (h) => { const tr = el('tr', {className: 'spacer'}, el('td', {colSpan: 9})); tr.firstChild.style.height = h + 'px'; return tr; };
    const frag = document.createDocumentFragment();
    frag.append(spacer(first * rowH));
    for (let k = first; k < last; k++) frag.append(corpusRow(corpusView[k]));
    frag.append(spacer((corpusView.length - last) * rowH));
    body.textContent = '';
    body.append(frag);
    const r = body.querySelector('tr.row');
    if (r && r.offsetHeight && Math.abs(r.offsetHeight - rowH) > 0.5) { rowH = r.offsetHeight; drawCorpus(); }
  }
  function updateCorpusRow(i, judged, added, reviewed) {
    const a = INDEX[i];
    if (!a) return;
    a.judged = judged;
    a.added = added;
    a.reviewed = reviewed;
    if (INDEX.length < 2) return;
    const tr = $('corpus-table').tBodies[0].querySelector('tr[data-i="' + i + '"]');
    if (tr) tr.replaceWith(corpusRow(i));
    let tj = 0, tc = 0, tr2 = 0;
    for (const x of INDEX) { tj += x.judged || 0; tc += x.claims; tr2 += x.reviewed ? 1 : 0; }
    $('corpus-summary').textContent = 'Corpus: ' + INDEX.length + ' articles · ' + tc + ' claims · judged ' + tj + '/' + tc +
      ' · ' + tr2 + ' articles reviewed';
  }
  function filterCorpus() {
    const q = $('corpus-filter').value.trim().toLowerCase();
    corpusView = [];
    INDEX.forEach((a, i) => {
      if (q === '' || a.id.toLowerCase().includes(q) || (a.title || '').toLowerCase().includes(q)) corpusView.push(i);
    });
    $('corpus-scroll').scrollTop = 0;
    drawCorpus();
    if (INDEX.length > 1 && D) updateCorpusRow(D.index, INDEX[D.index].judged, INDEX[D.index].added, INDEX[D.index].reviewed);
  }

  /* Claim search over the whole corpus: every document is parsed once, on the first search. */
  let haystack = null;
  function searchClaims() {
    const q = $('claim-search').value.trim().toLowerCase();
    $('search-scroll').hidden = q === '';
    $('corpus-scroll').hidden = q !== '';
    if (!q) { $('search-count').textContent = ''; return; }
    if (!haystack) {
      haystack = [];
      INDEX.forEach((a, i) => {
        const d = JSON.parse(document.querySelector('script#kf-doc-' + i).textContent);
        for (const c of d.claims) {
          if (c.claim === false) continue;
          haystack.push({i, c, hay: [c.text, c.subject, c.unit, c.value_text, a.id].join('\u0001').toLowerCase()});
        }
      });
    }
    const hits = [];
    let total = 0;
    for (const h of haystack) if (h.hay.includes(q) && total++ < 500) hits.push(h);
    const body = $('search-table').tBodies[0];
    body.textContent = '';
    const frag = document.createDocumentFragment();
    for (const h of hits) {
      const tr = el('tr', {tabIndex: 0}, el('td', {className: 'mono'}, INDEX[h.i].id), el('td', {className: 'num'}, String(h.c.id)),
        el('td', {}, h.c.text || ''), el('td', {className: 'num'}, showNum(h.c.value)), el('td', {}, h.c.unit || ''),
        el('td', {}, h.c.subject || ''));
      tr.onclick = () => {
        open(h.i);
        const it = items.find((x) => !x.added && x.start === h.c.start && x.end === h.c.end);
        if (it) select(it, true);
      };
      tr.onkeydown = (e) => { if (e.key === 'Enter') tr.onclick(); };
      frag.append(tr);
    }
    body.append(frag);
    $('search-count').textContent = total + ' claim' + (total === 1 ? '' : 's') + (total > hits.length ? ' (first ' + hits.length + ' shown)' : '');
  }
  let searchTimer = 0;

  /* ---- opening an article ------------------------------------------------------------------ */
  function redraw() {
    renderText();
    renderChips();
    renderTable();
    progress();
  }
  function open(i) {
    if (i < 0 || i >= INDEX.length) return;
    const prev = D ? D.index : -1;
    D = loadDoc(i);
    st = loadState(D.id);
    cur = null;
    lastRange = null;
    buildItems();
    $('article-title').textContent = D.title || D.id;
    const aside = D.claims.filter((c) => c.claim === false).length;
    $('article-meta').textContent = [D.id, D.date, D.source, (D.claims.length - aside) + ' claims',
      aside ? aside + ' set aside' : ''].filter(Boolean).join(' · ');
    const drift = D.claims.filter((c) => c.drift).length, bad = D.claims.filter((c) => !c.ok).length;
    $('article-warn').hidden = !(D.text != null && (drift || bad));
    $('article-warn').textContent = D.text == null ? '' : (drift ? '⚠ ' + drift + ' claim spans do not match their text: ' +
      'is this the text the claims were extracted from? ' : '') + (bad ? '⚠ ' + bad + ' spans fall outside the text.' : '');
    const chart = $('chart');
    chart.textContent = '';
    const tpl = D.chart && document.querySelector('template#kf-svg-' + i);
    $('chart-box').hidden = !tpl;
    $('chart-box').open = chartOpen;
    if (tpl) chart.append(tpl.content.cloneNode(true));
    $('article-pos').textContent = 'article ' + (i + 1) + ' / ' + INDEX.length;
    $('prev-article').disabled = i === 0;
    $('next-article').disabled = i === INDEX.length - 1;
    $('article-pane').scrollTop = 0;
    $('reviewed').checked = st.reviewed;
    redraw();
    fillInspector();
    if (prev >= 0 && prev !== i) updateCorpusRow(prev, INDEX[prev].judged, INDEX[prev].added, INDEX[prev].reviewed);
    if (INDEX.length > 1) history.replaceState(null, '', '#' + encodeURIComponent(D.id));
  }

  /* ---- tooltip ----------------------------------------------------------------------------- */
  function itemOf(node) {
    const m = node && node.closest ? node.closest('mark.c') : null;
    if (!m) return null;
    return items.find((it) => String(it.k) === m.dataset.k) || null;
  }
  function showTip(it, anchor) {
    const tip = $('tip');
    const e = eff(it);
    const rowsOut = [
      ['value', showNum(e.value) + (it.value_text && !it.added ? '  (' + it.value_text + ')' : '')],
      ['unit', e.unit || '—'], ['kind', e.kind], ['subject', e.subject || '—'], ['approx', e.approx || '—'],
      ['change', e.direction ? e.direction + (e.from != null ? ' from ' + showNum(e.from) : '') + (it.basis ? ' (' + it.basis + ')' : '') : '—'],
      ['rule', it.added ? 'added by the reviewer' : it.rule || '—'],
      ['subject rule', it.added ? '—' : it.subject_rule || (it.subject ? 'unknown' : '—')],
    ];
    if (it.claim === false) rowsOut.unshift(['set aside', it.reason || 'not a claim']);
    const v = verdict(it);
    if (v && v !== 'added') rowsOut.push(['verdict', R.WORDS[v] + (v === 'w' && wrongFields(it).length ? ': ' + wrongFields(it).join(', ') : '')]);
    tip.textContent = '';
    const dl = el('dl');
    for (const [k, val] of rowsOut) dl.append(el('dt', {textContent: k}), el('dd', {textContent: val}));
    tip.append(dl);
    tip.hidden = false;
    const r = anchor.getBoundingClientRect(), t = tip.getBoundingClientRect();
    let top = r.bottom + 6;
    if (top + t.height > window.innerHeight) top = Math.max(4, r.top - t.height - 6);
    tip.style.top = top + 'px';
    tip.style.left = Math.max(4, Math.min(r.left, window.innerWidth - t.width - 8)) + 'px';
  }
  function hideTip() { $('tip').hidden = true; }

  /* ---- status, help, wiring ------------------------------------------------------------------ */
  let statusTimer = 0;
  function status(msg) {
    $('status').textContent = msg;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => { $('status').textContent = ''; }, 8000);
  }
  const toggleHelp = (on) => { $('help').hidden = !on; if (on) $('help-close').focus(); };

  function onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) {
      if (e.key === 'Escape' || (e.key === 'Enter' && t.tagName === 'INPUT' && t.type !== 'search')) {
        e.preventDefault();
        t.blur();
        if (cur && cur.mark) cur.mark.focus({preventScroll: true});
      }
      return;
    }
    if (!$('help').hidden) { if (e.key === 'Escape' || e.key === '?') toggleHelp(false); return; }
    if (!$('chart-big').hidden) { if (e.key === 'Escape') $('chart-big').hidden = true; return; }
    const actions = {
      j: () => move(1), k: () => move(-1), y: () => judge('y'), w: () => judge('w'), n: () => judge('n'),
      s: () => judge('?'), u: () => judge(''), r: () => setReviewed(!st.reviewed),
      '/': () => { if (INDEX.length > 1) { $('corpus').open = true; $('claim-search').focus(); } },
      a: addMissed, e: () => { if (cur) $('f-subject').focus(); }, '?': () => toggleHelp(true),
      '[': () => D && open(D.index - 1), ']': () => D && open(D.index + 1), Escape: hideTip,
    };
    const f = actions[e.key];
    if (f) { e.preventDefault(); f(); }
  }

  function init() {
    for (const k of KINDS) $('f-kind').append(el('option', {value: k, textContent: k}));
    for (const a of APPROX) $('f-approx').append(el('option', {value: a, textContent: a || 'exact'}));
    $('fix').addEventListener('input', applyForm);
    $('fix').addEventListener('submit', (e) => e.preventDefault());
    $('v-yes').onclick = () => judge('y');
    $('v-no').onclick = () => judge('n');
    $('v-wrong').onclick = () => judge('w');
    $('v-unsure').onclick = () => judge('?');
    $('reviewed').onchange = (e) => setReviewed(e.target.checked);
    $('export-gold').onclick = exportGold;
    $('import').onclick = () => $('import-file').click();
    $('import-file').onchange = (e) => { importFiles(e.target.files); e.target.value = ''; };
    $('claim-search').oninput = () => { clearTimeout(searchTimer); searchTimer = setTimeout(searchClaims, 150); };
    $('corpus-table').tBodies[0].addEventListener('click', (e) => {
      const tr = e.target.closest('tr.row');
      if (tr) { open(Number(tr.dataset.i)); $('corpus').open = false; }
    });
    $('corpus-table').tBodies[0].addEventListener('keydown', (e) => {
      const tr = e.target.closest('tr.row');
      if (tr && e.key === 'Enter') { open(Number(tr.dataset.i)); $('corpus').open = false; }
    });
    /* the chart opens full size on a click */
    $('chart').onclick = () => {
      const big = $('chart-big');
      big.textContent = '';
      const svg = $('chart').querySelector('svg');
      if (!svg) return;
      big.append(svg.cloneNode(true));
      big.hidden = false;
    };
    $('chart-big').onclick = () => { $('chart-big').hidden = true; };
    /* a review file dropped anywhere on the page is merged */
    let drags = 0;
    document.addEventListener('dragenter', (e) => { if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) { drags++; $('drop').hidden = false; } });
    document.addEventListener('dragleave', () => { if (--drags <= 0) { drags = 0; $('drop').hidden = true; } });
    document.addEventListener('dragover', (e) => e.preventDefault());
    document.addEventListener('drop', (e) => {
      e.preventDefault();
      drags = 0;
      $('drop').hidden = true;
      if (e.dataTransfer && e.dataTransfer.files.length) importFiles(e.dataTransfer.files);
    });
    $('v-clear').onclick = () => judge('');
    $('v-delete').onclick = deleteAdded;
    $('add-missed').addEventListener('mousedown', (e) => e.preventDefault()); /* keep the selection */
    $('add-missed').onclick = addMissed;
    $('export').onclick = exportReview;
    $('help-button').onclick = () => toggleHelp(true);
    $('help-close').onclick = () => toggleHelp(false);
    $('prev-article').onclick = () => D && open(D.index - 1);
    $('next-article').onclick = () => D && open(D.index + 1);
    $('corpus-filter').oninput = filterCorpus;
    $('status-filter').onchange = (e) => { view.status = e.target.value; renderTable(); };
    $('show-aside').onchange = (e) => { view.aside = e.target.checked; renderTable(); };
    for (const b of document.querySelectorAll('#claims th button')) {
      b.onclick = () => {
        view.dir = view.sort === b.dataset.sort ? -view.dir : 1;
        view.sort = b.dataset.sort;
        renderTable();
      };
    }
    $('claims').tBodies[0].addEventListener('click', (e) => {
      const tr = e.target.closest('tr');
      const it = tr && items.find((x) => String(x.k) === tr.dataset.k);
      if (it) select(it, true);
    });
    const text = $('text');
    text.addEventListener('mouseover', (e) => { const it = itemOf(e.target); if (it) showTip(it, it.mark || e.target); });
    text.addEventListener('mouseout', (e) => { if (!itemOf(e.relatedTarget)) hideTip(); });
    text.addEventListener('focusin', (e) => { const it = itemOf(e.target); if (it && it.mark) showTip(it, it.mark); });
    text.addEventListener('focusout', hideTip);
    text.addEventListener('click', (e) => {
      const it = itemOf(e.target);
      if (it && window.getSelection().isCollapsed) select(it, false);
    });
    /* scrolling a focused claim into view moves the tooltip with it; otherwise the tooltip goes */
    $('article-pane').addEventListener('scroll', () => {
      const it = itemOf(document.activeElement);
      if (it && it.mark && !$('tip').hidden) showTip(it, it.mark); else hideTip();
    }, {passive: true});
    $('chart-box').addEventListener('toggle', () => { chartOpen = $('chart-box').open; });
    document.addEventListener('keydown', onKey);
    renderCorpus();
    importEmbedded();
    if (!INDEX.length) {
      $('article-title').textContent = 'No articles';
      return;
    }
    let want = '';
    try { want = decodeURIComponent(location.hash.slice(1)); } catch (e) { want = ''; }
    const at = INDEX.findIndex((a) => a.id === want);
    open(at >= 0 ? at : 0);
  }
  init();
})();
