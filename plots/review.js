/* keyfig review formats, for the report page (inlined before report.js) and for node tests:
 * the review TSV (every verdict and correction, and which articles are reviewed), the gold TSV
 * of CLAIMS.md made from it, and the parser that reads a figure the reviewer selected, driven by
 * the pattern set's own tables (numerals.tsv, units.tsv, approx.tsv) that keyfig report embeds.
 * Pure functions: no DOM. */
'use strict';
const KFReview = (function () {
  /* ---- review TSV -------------------------------------------------------------------------- */
  /* One line per judged claim or missed figure; fields are the corrected ones. A line
   * "#reviewed<TAB>article" marks an article whose review is complete (the gold TSV keeps it,
   * as a comment, for keyfig eval --reviewed-only). */
  const COLS = ['article', 'id', 'verdict', 'wrong', 'surface', 'value', 'unit', 'kind', 'subject', 'approx', 'change',
    'optional', 'start', 'end'];
  const MAGIC = '# keyfig review TSV 1';
  const GOLD_HEADER = '# article\tsurface\tvalue\tunit\tkind\tsubject\tapprox\tchange\toptional';
  /* page verdict code <-> the word in the file */
  const WORDS = {y: 'correct', w: 'wrong', n: 'not_claim', '?': 'unsure', added: 'missed'};
  const CODES = Object.fromEntries(Object.entries(WORDS).map(([k, v]) => [v, k]));
  const WRONG_FIELDS = ['value', 'unit', 'kind', 'subject', 'approx', 'change'];
  const KINDS = ['count', 'money', 'length', 'area', 'mass', 'volume', 'duration', 'percent', 'ratio', 'rate',
    'temperature', 'other'];
  const APPROX = ['over', 'at_least', 'under', 'at_most', 'about'];

  const clean = (s) => String(s == null ? '' : s).replace(/[\t\r\n]+/g, ' ').trim();
  const num = (v) => (typeof v === 'number' && isFinite(v) ? String(v) : '');
  function changeText(direction, from) {
    return direction ? direction + (typeof from === 'number' && isFinite(from) ? '<' + from : '') : '';
  }
  function parseChange(s) {
    const m = /^(increase|decrease)(?:<(-?[0-9.eE+-]+))?$/.exec(s);
    if (!m) return null;
    return {direction: m[1], from: m[2] === undefined ? null : Number(m[2])};
  }

  /* rows: {article, id, verdict (word), wrong: [field], surface, value, unit, kind, subject, approx,
   * direction, from, optional, start, end}; reviewed: article ids. */
  function format(rows, reviewed) {
    const out = [MAGIC, '# ' + COLS.join('\t')];
    for (const a of reviewed) out.push('#reviewed\t' + clean(a));
    for (const r of rows) {
      out.push([r.article, r.id == null ? '+' : r.id, r.verdict, (r.wrong || []).join(','), r.surface, num(r.value),
        r.unit, r.kind, r.subject, r.approx, changeText(r.direction, r.from), r.optional ? '1' : '', r.start, r.end]
        .map(clean).join('\t'));
    }
    return out.join('\n') + '\n';
  }

  /* The rows and reviewed marks of a review TSV; a bad line is reported, not fatal. */
  function parse(text, name) {
    const rows = [], reviewed = [], errors = [];
    const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
    if (lines[0] !== MAGIC) {
      errors.push(name + ': not a keyfig review TSV (the first line is not "' + MAGIC + '")');
      return {rows, reviewed, errors};
    }
    lines.forEach((line, i) => {
      const at = name + ':' + (i + 1) + ': ';
      if (line.startsWith('#reviewed\t')) { reviewed.push(line.slice(10)); return; }
      if (line === '' || line.startsWith('#')) return;
      const f = line.split('\t');
      if (f.length !== COLS.length) { errors.push(at + f.length + ' fields, expected ' + COLS.length); return; }
      const r = Object.fromEntries(COLS.map((c, k) => [c, f[k]]));
      const bad = (why) => errors.push(at + why);
      if (!(r.verdict in CODES)) return bad('unknown verdict "' + r.verdict + '"');
      r.id = r.id === '+' ? null : Number(r.id);
      r.start = Number(r.start);
      r.end = Number(r.end);
      if (!Number.isInteger(r.start) || !Number.isInteger(r.end) || r.end <= r.start || r.start < 0) return bad('bad span');
      r.wrong = r.wrong ? r.wrong.split(',') : [];
      if (r.wrong.some((w) => !WRONG_FIELDS.includes(w))) return bad('unknown field in "' + f[3] + '"');
      r.value = r.value === '' ? null : Number(r.value);
      if (r.value !== null && !isFinite(r.value)) return bad('value "' + f[5] + '" is not a number');
      if (r.kind && !KINDS.includes(r.kind)) return bad('unknown kind "' + r.kind + '"');
      if (r.approx && !APPROX.includes(r.approx)) return bad('unknown approx "' + r.approx + '"');
      const ch = r.change ? parseChange(r.change) : {direction: '', from: null};
      if (!ch) return bad('change "' + r.change + '" is not increase, decrease or decrease<N');
      r.direction = ch.direction;
      r.from = ch.from;
      delete r.change;
      r.optional = r.optional === '1';
      r.code = CODES[r.verdict];
      rows.push(r);
    });
    return {rows, reviewed, errors};
  }

  /* The gold TSV (CLAIMS.md) of review rows: correct, corrected (wrong with its fields fixed) and
   * missed figures; unsure ones as optional. Not-a-claim rows and wrong ones without a correction
   * make no line. Returns {text, skipped}. */
  function gold(rows, reviewed) {
    const out = [GOLD_HEADER];
    for (const a of reviewed) out.push('#reviewed\t' + clean(a));
    let skipped = 0;
    for (const r of rows) {
      if (r.verdict === 'not_claim') continue;
      if ((r.verdict === 'wrong' && !r.wrong.length) || !r.surface || typeof r.value !== 'number' || !isFinite(r.value)) {
        skipped++;
        continue;
      }
      out.push([r.article, r.surface, num(r.value), r.unit, r.kind, r.subject, r.approx, changeText(r.direction, r.from),
        r.optional || r.verdict === 'unsure' ? '1' : ''].map(clean).join('\t'));
    }
    return {text: out.join('\n') + '\n', skipped};
  }

  /* ---- reading a selected figure ------------------------------------------------------------ */
  function tsvRows(text) {
    return text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
  }
  const cpOf = (c) => (/^U\+[0-9A-F]{4,6}$/i.test(c) ? String.fromCodePoint(parseInt(c.slice(2), 16)) : c);

  /* Tables from the pattern files' text: {numerals, units, approx}. */
  function lexicon(files) {
    const lx = {digit: new Map(), unit: new Map(), section: new Map(), compound: new Map(), zero: new Set(),
      point: new Set(), negative: new Set(), separator: new Set(), units: new Map(), pre: [], mid: [], post: []};
    for (const [c, v, role] of tsvRows(files.numerals || '')) {
      const ch = cpOf(c);
      if (role === 'digit') lx.digit.set(ch, Number(v));
      else if (role === 'zero') { lx.zero.add(ch); lx.digit.set(ch, 0); }
      else if (lx[role] instanceof Map) lx[role].set(ch, Number(v));
      else if (lx[role] instanceof Set) lx[role].add(ch);
    }
    for (const [surface, kind] of tsvRows(files.units || '')) if (surface) lx.units.set(surface, kind);
    for (const [word, pos, approx] of tsvRows(files.approx || '')) if (lx[pos]) lx[pos].push([word, approx]);
    for (const k of ['pre', 'mid', 'post']) lx[k].sort((a, b) => b[0].length - a[0].length);
    lx.maxUnit = Math.max(1, ...[...lx.units.keys()].map((u) => u.length));
    return lx;
  }
  const isNumeral = (lx, c) => lx.digit.has(c) || lx.unit.has(c) || lx.section.has(c) || lx.compound.has(c);

  /* Chinese or Arabic numeral s (no separators) -> value, or NaN. 32.3万 -> 323000, 两万三千 -> 23000,
   * 一百零五 -> 105, 三点五 -> 3.5. */
  function numeral(lx, s) {
    let total = 0, section = 0, digits = '', digit = null, frac = null, sign = 1;
    const chars = Array.from(s);
    if (chars.length && lx.negative.has(chars[0])) { sign = -1; chars.shift(); }
    const flushDigits = () => {
      if (digits === '' && frac === null) return null;
      const v = Number((digits || '0') + (frac !== null ? '.' + (frac || '0') : ''));
      digits = '';
      frac = null;
      return v;
    };
    for (const c of chars) {
      if (lx.point.has(c)) { if (frac !== null) return NaN; frac = ''; continue; }
      if (lx.digit.has(c)) {
        const d = String(lx.digit.get(c));
        if (frac !== null) frac += d; else digits += d;
        continue;
      }
      const n = flushDigits();
      if (n !== null) digit = n;
      if (lx.unit.has(c)) { section += (digit === null ? 1 : digit) * lx.unit.get(c); digit = null; }
      else if (lx.compound.has(c)) { section += lx.compound.get(c); digit = null; }
      else if (lx.section.has(c)) {
        const v = lx.section.get(c), part = section + (digit || 0);
        total = total && total < v ? (total + part) * v : total + (part || 1) * v;
        section = 0;
        digit = null;
      } else return NaN;
    }
    const n = flushDigits();
    if (n !== null) digit = n;
    const v = total + section + (digit || 0);
    return sign * Number(v.toPrecision(15));
  }

  /* A selected figure ("服务群众49.2万人次", "约3.5分钟", "百分之三十") -> {value, unit, kind, subject,
   * approx}; value null when no number is found. */
  function figure(lx, text) {
    const t = text.replace(/\s+/g, '');
    const chars = Array.from(t);
    const out = {value: null, unit: '', kind: 'count', subject: '', approx: ''};
    let i = chars.findIndex((c) => isNumeral(lx, c) || lx.point.has(c));
    if (i < 0) return out;
    if (i > 0 && lx.negative.has(chars[i - 1])) i--;
    let head = chars.slice(0, i).join('');
    const percentPrefix = chars.slice(i, i + 3).join('') === '百分之'; /* 百分之三十: 30, unit % */
    if (percentPrefix) i += 3;
    let j = i;
    while (j < chars.length && (isNumeral(lx, chars[j]) || lx.point.has(chars[j]) || (j === i && lx.negative.has(chars[j])) ||
      (lx.separator.has(chars[j]) && j + 1 < chars.length && lx.digit.has(chars[j + 1]) && /[0-9０-９]/.test(chars[j - 1] || '')))) j++;
    const run = chars.slice(i, j).filter((c) => !lx.separator.has(c)).join('');
    let rest = chars.slice(j).join('');
    let value = numeral(lx, run);
    /* a fraction: 三分之一 */
    const fr = /^分之(.+)$/.exec(rest);
    if (fr) {
      const k = Array.from(fr[1]).findIndex((c) => !isNumeral(lx, c));
      const den = value, nm = numeral(lx, k < 0 ? fr[1] : Array.from(fr[1]).slice(0, k).join(''));
      value = Number((nm / den).toPrecision(4));
      rest = k < 0 ? '' : Array.from(fr[1]).slice(k).join('');
      out.kind = 'ratio';
    }
    if (isNaN(value)) return out;
    out.value = value;
    for (const [w, a] of lx.pre) if (head.endsWith(w)) { out.approx = a; head = head.slice(0, -w.length); break; }
    for (const [w, a] of lx.mid) if (rest.startsWith(w)) { out.approx = a; rest = rest.slice(w.length); break; }
    if (percentPrefix) { out.unit = '%'; out.kind = 'percent'; }
    else {
      const rc = Array.from(rest);
      for (let n = Math.min(lx.maxUnit, rc.length); n > 0; n--) {
        const u = rc.slice(0, n).join('');
        if (!lx.units.has(u)) continue;
        if (lx.units.get(u) !== '-') { out.unit = u; out.kind = lx.units.get(u); rest = rc.slice(n).join(''); }
        break;
      }
    }
    for (const [w, a] of lx.post) if (rest.startsWith(w)) { out.approx = a; rest = rest.slice(w.length); break; }
    /* the subject: the noun after a classifier (46辆巡回诊疗车), else the metric before the number */
    out.subject = rest.replace(/^[的，,。；;、]+|[，,。；;、]+$/g, '') || head.replace(/[为是达共有了约，,：:]+$/, '');
    return out;
  }

  return {COLS, MAGIC, GOLD_HEADER, WORDS, CODES, WRONG_FIELDS, KINDS, changeText, format, parse, gold, lexicon,
    numeral, figure};
})();
if (typeof module !== 'undefined') module.exports = KFReview;
