#!/usr/bin/env python3
"""Summarises a JFR recording's CPU samples: top frames, and samples per thread per second (idle workers and
serial phases at level boundaries show as seconds where one worker has samples and the other none).

    java -XX:StartFlightRecording=filename=x.jfr,settings=profile -jar ballot.jar check MODEL --threads 2
    bench/jfr-threads.py x.jfr [TOP]
"""
import collections, json, re, subprocess, sys
from datetime import datetime

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
raw = subprocess.run(['jfr', 'print', '--json', '--events', 'jdk.ExecutionSample', path],
                     check=True, capture_output=True, text=True).stdout
events = json.loads(raw)['recording']['events']

def when(e):
    t = e['values']['startTime']
    return datetime.fromisoformat(t.replace('Z', '+00:00')).timestamp()

def frame(f):
    m = f['method']
    return m['type']['name'].split('.')[-1] + '.' + m['name']

frames, threads, per_sec = collections.Counter(), collections.Counter(), collections.defaultdict(collections.Counter)
t0 = min(when(e) for e in events) if events else 0
for e in events:
    v = e['values']
    name = (v.get('sampledThread') or {}).get('javaName') or '?'
    stack = (v.get('stackTrace') or {}).get('frames') or []
    if stack:
        frames[frame(stack[0])] += 1
    threads[name] += 1
    per_sec[int(when(e) - t0)][name] += 1
print(f'{len(events)} samples')
print('top frames:')
for f, n in frames.most_common(top):
    print(f'  {n:6d} {f}')
print('per thread:')
for t, n in threads.most_common(8):
    print(f'  {n:6d} {t}')
busy = [t for t, _ in threads.most_common(6)]
print('per second: ' + ' | '.join(busy))
for s in sorted(per_sec):
    print(f'  {s:4d}s ' + ' '.join(f'{per_sec[s][t]:5d}' for t in busy))

# The search's own phases per level (io.ballot.LevelPhase events; none in builds before them).
raw = subprocess.run(['jfr', 'print', '--json', '--events', 'io.ballot.LevelPhase', path],
                     capture_output=True, text=True).stdout
try:
    phases = json.loads(raw)['recording']['events']
except (ValueError, KeyError):
    phases = []
if phases:
    total = collections.Counter()
    for e in phases:
        d = re.fullmatch(r'PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?', e['values']['duration'])  # e.g. PT0.012S
        h, m, sec = (float(g or 0) for g in d.groups())
        total[e['values']['phase']] += 3600 * h + 60 * m + sec
    print('level phases, seconds summed over the levels:')
    for p, s in total.most_common():
        print(f'  {s:8.3f} {p}')
