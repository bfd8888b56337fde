/* plots/review.js without a browser: the review TSV (format, parse, errors), the gold TSV made
 * from it, and the figure parser on the pattern set's tables. Run by tests/review_js.t:
 * node tests/review_js.test.js ROOT; prints "PASS name" / "FAIL name: why" lines. */
'use strict';
const fs = require('fs');
const path = require('path');
const ROOT = process.argv[2];
const R = require(path.join(ROOT, 'plots', 'review.js'));
const check = (name, want, got) => console.log(JSON.stringify(want) === JSON.stringify(got) ? 'PASS ' + name
  : 'FAIL ' + name + ': want ' + JSON.stringify(want) + ', got ' + JSON.stringify(got));
const read = (f) => fs.readFileSync(path.join(ROOT, 'patterns', f), 'utf8');
const lx = R.lexicon({numerals: read('numerals.tsv'), units: read('units.tsv'), approx: read('approx.tsv')});

/* a selection -> value unit kind approx subject */
const figures = [
  ['服务群众49.2万人次', [492000, '人次', 'count', '', '服务群众']],
  ['46辆巡回诊疗车', [46, '辆', 'count', '', '巡回诊疗车']],
  ['约3.5分钟', [3.5, '分钟', 'duration', 'about', '']],
  ['1000多名医生', [1000, '名', 'count', 'over', '医生']],
  ['逾两千', [2000, '', 'count', 'over', '']],
  ['两万三千名', [23000, '名', 'count', '', '']],
  ['一百零五个', [105, '个', 'count', '', '']],
  ['三亿五千万元', [350000000, '元', 'money', '', '']],
  ['1.2万亿元', [1200000000000, '元', 'money', '', '']],
  ['1,234.5吨', [1234.5, '吨', 'mass', '', '']],
  ['百分之三十', [30, '%', 'percent', '', '']],
  ['三分之一', [0.3333, '', 'ratio', '', '']],
  ['二〇二三年', [2023, '年', 'duration', '', '']],
  ['没有数字', [null, '', 'count', '', '']],
];
for (const [text, want] of figures) {
  const f = R.figure(lx, text);
  check('review.js figure ' + text, want, [f.value, f.unit, f.kind, f.approx, f.subject]);
}

const rows = [
  {article: 'a', id: 1, verdict: 'correct', wrong: [], surface: '医院3个', value: 3, unit: '个', kind: 'count', subject: '医院',
    approx: '', direction: '', from: null, optional: false, start: 4, end: 8},
  {article: 'a', id: 2, verdict: 'wrong', wrong: ['subject', 'change'], surface: '降至3.5分钟', value: 3.5, unit: '分钟',
    kind: 'duration', subject: '排队\t时间', approx: 'about', direction: 'decrease', from: 10, optional: false, start: 9, end: 16},
  {article: 'a', id: 3, verdict: 'not_claim', wrong: [], surface: '2020年', value: 2020, unit: '年', kind: 'other', subject: '',
    approx: '', direction: '', from: null, optional: false, start: 0, end: 5},
  {article: 'a', id: 4, verdict: 'unsure', wrong: [], surface: '九度', value: 9, unit: '度', kind: 'count', subject: '蝉联',
    approx: '', direction: '', from: null, optional: false, start: 20, end: 22},
  {article: 'a', id: 5, verdict: 'wrong', wrong: [], surface: '5个', value: 5, unit: '个', kind: 'count', subject: '',
    approx: '', direction: '', from: null, optional: false, start: 30, end: 32},
  {article: 'b', id: null, verdict: 'missed', wrong: [], surface: '逾两千#2', value: 2000, unit: '', kind: 'count', subject: '病床',
    approx: 'over', direction: '', from: null, optional: false, start: 38, end: 41},
];
const text = R.format(rows, ['a']);
check('review.js format', [R.MAGIC, '# ' + R.COLS.join('\t'), '#reviewed\ta',
  'a\t2\twrong\tsubject,change\t降至3.5分钟\t3.5\t分钟\tduration\t排队 时间\tabout\tdecrease<10\t\t9\t16',
  'b\t+\tmissed\t\t逾两千#2\t2000\t\tcount\t病床\tover\t\t\t38\t41'], [0, 1, 2, 4, 8].map((i) => text.split('\n')[i]));
const back = R.parse(text, 'x.tsv');
check('review.js parse: round trip', [text, []], [R.format(back.rows, back.reviewed), back.errors]);
const g = R.gold(back.rows, back.reviewed);
check('review.js gold', [[R.GOLD_HEADER, '#reviewed\ta', 'a\t医院3个\t3\t个\tcount\t医院\t\t\t',
  'a\t降至3.5分钟\t3.5\t分钟\tduration\t排队 时间\tabout\tdecrease<10\t', 'a\t九度\t9\t度\tcount\t蝉联\t\t\t1',
  'b\t逾两千#2\t2000\t\tcount\t病床\tover\t\t', ''].join('\n'), 1], [g.text, g.skipped]);
const bad = [R.MAGIC, 'a\t1\tcorrect', 'a\t1\tgreat\t\ts\t1\t\tcount\t\t\t\t\t0\t1', 'a\t1\twrong\tcolour\ts\t1\t\tcount\t\t\t\t\t0\t1',
  'a\t1\tcorrect\t\ts\tx\t\tcount\t\t\t\t\t0\t1', 'a\t1\tcorrect\t\ts\t1\t\tcount\t\t\tup\t\t0\t1',
  'a\t1\tcorrect\t\ts\t1\t\tcount\t\t\t\t\t5\t1', 'a\t1\tcorrect\t\ts\t1\t\tthing\t\t\t\t\t0\t1'].join('\n');
check('review.js parse: each bad line named', ['r.tsv:2: 3 fields, expected 14', 'r.tsv:3: unknown verdict "great"',
  'r.tsv:4: unknown field in "colour"', 'r.tsv:5: value "x" is not a number',
  'r.tsv:6: change "up" is not increase, decrease or decrease<N', 'r.tsv:7: bad span', 'r.tsv:8: unknown kind "thing"'],
R.parse(bad, 'r.tsv').errors);
check('review.js parse: not a review file', ['g.tsv: not a keyfig review TSV (the first line is not "' + R.MAGIC + '")'],
  R.parse(R.GOLD_HEADER + '\n', 'g.tsv').errors);
