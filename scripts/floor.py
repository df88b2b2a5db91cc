#!/usr/bin/env python3
# floor.py SRC DST: the file-creation floor (issue 30): creates under DST a file of the
# same relative path and size as every file under SRC (zeros, plain create and write,
# nothing else), and prints how long that took. SRC is a built project's out/ or
# locales/ (LINGO_BENCH_KEEP=1 make scale keeps one); DST must not exist.
import os, sys, time
src, dst = sys.argv[1], sys.argv[2]
files = []
for root, dirs, names in os.walk(src):
    for n in names:
        p = os.path.join(root, n)
        files.append((os.path.relpath(p, src), os.path.getsize(p)))
zero = bytes(1 << 20)
t0 = time.perf_counter()
made = set()
for rel, size in files:
    p = os.path.join(dst, rel)
    d = os.path.dirname(p)
    if d not in made:
        os.makedirs(d, exist_ok=True); made.add(d)
    with open(p, 'wb') as f:
        while size > 0:
            n = min(size, len(zero)); f.write(zero[:n]); size -= n
t = time.perf_counter() - t0
print(f"{len(files)} files, {sum(s for _, s in files)/1e6:.0f} MB: {t:.1f} s")
