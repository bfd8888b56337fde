"""Check keyfig extract against tests/extract_cases.tsv: each distinct input is one JSON Lines
record, and its rows list every claim it must give, no more and no fewer. A row is matched to an
unused claim with its value (and its text, where the row gives one); the claim must have the
row's fields, and its span, cut from the original input, is the expected text. A claim that no
row matched fails, as does a row that matched no claim; "!" rows mean no claim at all.
usage: extract_check.py CASES OUTPUT.jsonl  (prints PASS/FAIL lines)
       extract_check.py --rows CASES OUTPUT.jsonl  (prints, as rows of CASES, the claims no row
       lists, to review and paste in after the input's other rows)"""
import json, sys

rows_mode = sys.argv[1] == '--rows'
if rows_mode:
    del sys.argv[1]

rows, texts = [], []
for line in open(sys.argv[1], encoding='utf-8'):
    line = line.rstrip('\n')
    if not line or line.startswith('#'):
        continue
    f = (line.split('\t') + [''] * 9)[:9]
    f[0] = f[0].replace('⏎', '\n')
    if f[0] not in texts:
        texts.append(f[0])
    rows.append((texts.index(f[0]), f))
out = {}
for line in open(sys.argv[2], encoding='utf-8'):
    d = json.loads(line)
    out[int(d['article']['id'])] = d['claims']


def same_value(c, value):
    v = float(value)
    return abs(c['value'] - v) <= 1e-9 * max(1, abs(v))


def span_text(text, c):
    return text[c['span']['start']:c['span']['end']]


def fields(c):
    chg = c['change'] or {}
    got_change = chg.get('direction') or ''
    if chg.get('from') is not None:
        got_change += '<%g' % chg['from']
    return {'unit': c['unit'], 'kind': c['kind'], 'subject': c['subject'], 'approx': c['approx'], 'change': got_change}


used = {i: set() for i in range(len(texts))}
for n, (i, f) in enumerate(rows, 1):
    text, value, unit, kind, subject, approx, change, want_text, bug = f
    want_text = want_text.replace('⏎', '\n')
    name = f'extract.case{n}'
    claims = [c for c in out.get(i, []) if c['claim']]
    if value == '!':
        if not rows_mode:
            print(f'PASS {name}' if not claims else f'FAIL {name}: {text!r} gave {[c["text"] for c in claims]}')
        used[i].update(range(len(claims)))
        continue
    hits = [k for k, c in enumerate(claims) if k not in used[i] and same_value(c, value)
            and (not want_text or span_text(text, c) == want_text)]
    if not hits:
        if not rows_mode:
            print(f'FAIL {name}: {text!r}: no claim {value} {want_text!r}; got {[(c["value"], c["text"]) for c in claims]}')
        continue
    used[i].add(hits[0])
    c = claims[hits[0]]
    want = {'unit': unit, 'kind': kind, 'subject': subject or None, 'approx': approx or None, 'change': change}
    got = fields(c)
    bad = [f'{k}: want {want[k]!r} got {got[k]!r}' for k in want if want[k] != got[k]]
    span = span_text(text, c)
    raw = text.encode('utf-8')[c['span']['byte_start']:c['span']['byte_end']].decode('utf-8')
    if raw != span:
        bad.append(f'byte span {raw!r} differs from code-point span {span!r}')
    note = f' (known bug: {bug})' if bug else ''
    if not rows_mode:
        print(f'PASS {name}{note}' if not bad else f'FAIL {name}: {text!r}: ' + '; '.join(bad))

# every claim of every input is listed
for i, text in enumerate(texts):
    claims = [c for c in out.get(i, []) if c['claim']]
    unlisted = [c for k, c in enumerate(claims) if k not in used[i]]
    if rows_mode:
        for c in unlisted:
            g = fields(c)
            print('\t'.join([text.replace('\n', '⏎'), '%.15g' % c['value'], g['unit'], g['kind'], g['subject'] or '',
                             g['approx'] or '', g['change'], span_text(text, c).replace('\n', '⏎')]))
        continue
    extra = [(c['value'], c['unit'], c['subject'], c['text']) for c in unlisted]
    name = f'extract.all_listed.{i + 1}'
    print(f'PASS {name}' if not extra else f'FAIL {name}: {text!r}: claims no row lists: {extra} '
          f'(rows to review: python3 tests/extract_check.py --rows tests/extract_cases.tsv tests/out/extract/cases.out)')
