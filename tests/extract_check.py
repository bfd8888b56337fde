"""Check keyfig extract against tests/extract_cases.tsv: each case is one JSON Lines record;
a row names a claim that must be reported with those fields, and whose span, cut from the
original input, is the expected text; "!" rows must give no claim at all.
usage: extract_check.py CASES OUTPUT.jsonl  (prints PASS/FAIL lines)"""
import json, sys

rows, texts = [], []
for line in open(sys.argv[1], encoding='utf-8'):
    line = line.rstrip('\n')
    if not line or line.startswith('#'):
        continue
    f = (line.split('\t') + [''] * 8)[:8]
    f[0] = f[0].replace('⏎', '\n')
    if f[0] not in texts:
        texts.append(f[0])
    rows.append((texts.index(f[0]), f))
out = {}
for line in open(sys.argv[2], encoding='utf-8'):
    d = json.loads(line)
    out[int(d['article']['id'])] = d['claims']

for n, (i, f) in enumerate(rows, 1):
    text, value, unit, kind, subject, approx, change, want_text = f
    name = f'extract.case{n}'
    claims = [c for c in out.get(i, []) if c['claim']]
    if value == '!':
        print(f'PASS {name}' if not claims else f'FAIL {name}: {text!r} gave {[c["text"] for c in claims]}')
        continue
    hits = [c for c in claims if abs(c['value'] - float(value)) <= 1e-9 * max(1, abs(float(value)))]
    if not hits:
        print(f'FAIL {name}: {text!r}: no claim with value {value}; got {[(c["value"], c["text"]) for c in claims]}')
        continue
    c = hits[0]
    chg = c['change'] or {}
    got_change = chg.get('direction') or ''
    if chg.get('from') is not None:
        got_change += '<%g' % chg['from']
    want = {'unit': unit, 'kind': kind, 'subject': subject or None, 'approx': approx or None, 'change': change}
    got = {'unit': c['unit'], 'kind': c['kind'], 'subject': c['subject'], 'approx': c['approx'], 'change': got_change}
    bad = [f'{k}: want {want[k]!r} got {got[k]!r}' for k in want if want[k] != got[k]]
    span = text[c['span']['start']:c['span']['end']]
    raw = text.encode('utf-8')[c['span']['byte_start']:c['span']['byte_end']].decode('utf-8')
    if want_text and span != want_text.replace('⏎', '\n'):
        bad.append(f'span text {span!r}, want {want_text!r}')
    if raw != span:
        bad.append(f'byte span {raw!r} differs from code-point span {span!r}')
    print(f'PASS {name}' if not bad else f'FAIL {name}: {text!r}: ' + '; '.join(bad))
