#!/usr/bin/env python3
"""Score a corpus run (corpus/run.sh -o DIR) against hand labels (labels-issue30.md).

usage: corpus/score-labels.py LABELS.md [LABELS.md...] --runs DIR [--exclude owner/name,...]
                              [--judged JUDGED.md]...

A labelled site file:line with expected check X is found when the run has a
finding of check X in that file at a line in [L-3, L+1] (a statement spans
lines: labels cite the line holding the copied value, findings the start of
the expression), or at a line the label's row names as the same site (a
helper's callers, the responders that write a helper's error). A site
expected "none" is a false positive when any finding
of any check lands in that window. Findings in no labelled window are listed
for judging by hand.

With --judged (a file of hand verdicts, judged-issue30.md's tables:
| repository | path:line | check | verdict | reason |), every finding gets a
verdict: at a labelled site its label's (TP when the check matches, FP at a
"none" site), elsewhere the judged row at the same repository, path, line
and check; the precision per check is printed, with the unsure verdicts
(TP?, FP?) counted true and then false, and the findings no row judges.
"""
import json, re, sys, os, glob, collections

args = sys.argv[1:]
runs = args[args.index('--runs') + 1]
exclude = args[args.index('--exclude') + 1].split(',') if '--exclude' in args else []
labels_files = [a for a in args[:args.index('--runs')]]
judged_files = [args[i + 1] for i, a in enumerate(args) if a == '--judged']
sites = []
for lf in labels_files:
    for line in open(lf):
        if not line.startswith('| ') or line.startswith('| repository') or line.startswith('|---'):
            continue
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) < 3:
            continue
        repo, fl, exp = cells[0], cells[1], cells[2]
        m = re.match(r'([^:\s]+):(\d+)', fl)
        if not m or '/' not in repo or repo in exclude:
            continue
        check = exp.split()[0].strip('*').lower()
        arguable = 'arguable' in exp
        alts = []
        if check != 'none':
            # other places the row names (a helper's callers, the
            # constructor call): a finding there is the same site
            for mm in re.finditer(r'([\w/.-]+\.go):(\d+(?:\s*,\s*\d+)*)', ' '.join(cells[3:])):
                for n in re.split(r'\s*,\s*', mm.group(2)):
                    alts.append((mm.group(1), int(n)))
        sites.append(dict(repo=repo, file=m.group(1), line=int(m.group(2)), check=check, arguable=arguable, raw=line.strip(), alts=alts))

findings = []
for jf in glob.glob(os.path.join(runs, '*.json')):
    base = os.path.basename(jf)[:-5]
    repo = base.split('+')[0] + '/' + base.split('+')[1]
    try:
        data = json.load(open(jf))
    except Exception as e:
        print('unreadable', jf, e, file=sys.stderr)
        continue
    for pkg, checks in data.items():
        for check, items in checks.items():
            if not isinstance(items, list):
                continue
            for it in items:
                posn = it['posn']
                m = re.search(r'/upstreamlint-corpus\.[^/]+/[^/]+/(.*):(\d+):(\d+)$', posn)
                if not m:
                    continue
                path = m.group(1)
                findings.append(dict(repo=repo, module=base, file=path, line=int(m.group(2)), check=check, msg=it['message']))

def match(site, f):
    if f['repo'] != site['repo']:
        return False
    if f['file'].endswith(site['file']) and site['line'] - 3 <= f['line'] <= site['line'] + 1:
        return True
    return any((f['file'] == af or f['file'].endswith('/' + af)) and f['line'] == al for af, al in site.get('alts', []))

used = set()
per = collections.defaultdict(lambda: collections.Counter())
rows = []
for s in sites:
    hits = [i for i, f in enumerate(findings) if match(s, f)]
    for i in hits:
        used.add(i)
    if s['check'] == 'none':
        fp = [findings[i] for i in hits]
        per['none']['sites'] += 1
        if fp:
            per['none']['reported'] += 1
        rows.append(('FP' if fp else 'ok', s, fp))
    else:
        good = [findings[i] for i in hits if findings[i]['check'] == s['check']]
        per[s['check']]['sites'] += 1
        per[s['check']]['arguable'] += s['arguable']
        if good:
            per[s['check']]['found'] += 1
            per[s['check']]['found_arguable'] += s['arguable']
        direct = [f for f in good if f['file'].endswith(s['file']) and s['line'] - 3 <= f['line'] <= s['line'] + 1]
        rows.append(('found' if direct else ('found-alt' if good else 'MISSED'), s, good or [findings[i] for i in hits]))

print('# per check')
for k, c in sorted(per.items()):
    print(k, dict(c))
print()
for st, s, fs in rows:
    print(st, s['repo'], '%s:%d' % (s['file'], s['line']), s['check'] + (' [arguable]' if s['arguable'] else ''), '|', '; '.join('%s %d %s' % (f['check'], f['line'], f['msg'][:90]) for f in fs))
print()
print('# findings outside labelled windows (judge by hand)')
for i, f in enumerate(findings):
    if i not in used:
        print('%s %s:%d %s | %s' % (f['repo'], f['file'], f['line'], f['check'], f['msg'][:160]))
print('# total findings', len(findings), 'outside windows', len(findings) - len(used))

if judged_files:
    verdicts = {}
    for jf in judged_files:
        for line in open(jf):
            if not line.startswith('| ') or line.startswith('| repository') or line.startswith('|---'):
                continue
            cells = [c.strip() for c in line.strip().strip('|').split('|')]
            if len(cells) < 4:
                continue
            m = re.match(r'([^:\s]+):(\d+)', cells[1])
            v = cells[3].strip('*')
            if not m or v not in ('TP', 'FP', 'TP?', 'FP?', 'DUP'):
                continue
            # one row per finding: two findings at one place have two rows,
            # taken in order
            verdicts.setdefault((cells[0], m.group(1), int(m.group(2)), cells[2].lower()), []).append(v)
    taken = collections.Counter()

    def judged(f):
        for key, vs in verdicts.items():
            repo, path, line, check = key
            if repo == f['repo'] and check == f['check'] and line == f['line'] and (f['file'] == path or f['file'].endswith('/' + path)):
                v = vs[min(taken[key], len(vs) - 1)]
                taken[key] += 1
                return v
        return None

    tally = collections.defaultdict(collections.Counter)
    unjudged = []
    for i, f in enumerate(findings):
        v = None
        for s in sites:
            if match(s, f):
                if s['check'] == 'none':
                    v = 'FP'
                elif s['check'] == f['check']:
                    v = 'TP'
                if v:
                    break
        if v is None:
            v = judged(f)
        if v is None:
            unjudged.append(f)
            v = 'unjudged'
        tally[f['check']][v] += 1
        tally['all'][v] += 1
    print()
    print('# precision (TP? counted true, then false; FP?, FP and DUP false)')
    for k in sorted(tally):
        c = tally[k]
        n = sum(c.values()) - c['unjudged']
        tp, tpq, fpq = c['TP'], c['TP?'], c['FP?']
        if n:
            print('%s: %d judged of %d, TP %d, TP? %d, FP? %d, FP %d, DUP %d: %.1f %% / %.1f %%' % (
                k, n, sum(c.values()), tp, tpq, fpq, c['FP'], c['DUP'], 100.0 * (tp + tpq) / n, 100.0 * tp / n))
    for f in unjudged:
        print('unjudged %s %s:%d %s | %s' % (f['repo'], f['file'], f['line'], f['check'], f['msg'][:160]))
