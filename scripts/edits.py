#!/usr/bin/env python3
# edits.py BIN DIR N [KINDS]: the command as a user runs it, on a built project (issue 30):
# the edits of BenchmarkBuildEdit (internal/project/scale_bench_test.go) made and undone
# in turn in DIR (LINGO_BENCH_KEEP=1 make scale keeps one), each followed by `BIN build`;
# after one untimed build per kind, N timed ones, with their wall time and the largest
# resident size /usr/bin/time saw. KINDS, comma-separated: nothing, entry, article,
# sentence, heading (all by default). The article edited is the middle one by path; the
# entry is the first translation of the first language's catalog. The project is left
# as it was found. The memory limit is the command's own unless GOMEMLIMIT is set.
import os, subprocess, sys, tomllib
binp, d, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
kinds = sys.argv[4].split(',') if len(sys.argv) > 4 else ['nothing', 'entry', 'article', 'sentence', 'heading']
cfg = tomllib.load(open(os.path.join(d, 'lingo.toml'), 'rb'))
content = os.path.join(d, cfg.get('content', 'content'))
slugs = []
for root, _, files in os.walk(content):
    for f in files:
        if f.endswith('.md'):
            slugs.append(os.path.relpath(os.path.join(root, f), content)[:-3].replace(os.sep, '/'))
slugs.sort()
slug = slugs[len(slugs)//2]
lang = cfg['languages'][0]
md = os.path.join(content, slug + '.md')
cat = os.path.join(d, cfg.get('locales', 'locales'), lang, slug + '.' + lang + '.toml')
src = open(md, encoding='utf-8').read()
i = src.index('.\n'); j = max(src.rfind(' ', 0, i), src.rfind('\n', 0, i)) + 1
word = src[j:i+2]
last = src[-160:]
h = src.index('\n## '); rest = src[h+4:]
k = min([x for x in (rest.find(' '), rest.find('\n')) if x >= 0])
head = src[h:h+4+k]
edits = {'entry': (cat, '\nother = "', '\nother = "Édité '),
         'article': (md, word, word[:-2] + ' indeed.\n'),
         'sentence': (md, last, last + '\nPatients should rest for two hours after each session.\n'),
         'heading': (md, head, '\n## Revised')}
def build():
    r = subprocess.run(['/usr/bin/time', '-f', '%e %M', binp, 'build'], cwd=d, capture_output=True, text=True)
    t, m = r.stderr.strip().split('\n')[-1].split()
    return float(t), int(m) / 1024
print('slug', slug, file=sys.stderr)
for kind in kinds:
    if kind == 'nothing':
        build()
        rows = [build() for _ in range(n)]
    else:
        path, old, new = edits[kind]
        state = [0]
        def edit():
            s = open(path, encoding='utf-8').read()
            a, b = (old, new) if state[0] % 2 == 0 else (new, old)
            assert a in s, (kind, a)
            open(path, 'w', encoding='utf-8').write(s.replace(a, b, 1))
            state[0] += 1
        edit(); build()
        rows = []
        for _ in range(n):
            edit(); rows.append(build())
        if state[0] % 2: edit(); build()  # leave the project as it was
    ts = [r[0] for r in rows]; ms = [r[1] for r in rows]
    print(f"{kind:9s} mean {sum(ts)/len(ts):7.3f} s  runs {' '.join(f'{t:.2f}' for t in ts)}  max RSS {max(ms):6.0f} MB", flush=True)
