#!/usr/bin/env python3
"""What deterministic parents cost (issue 21.3): runs `ballot check` under several configurations (a jar, with or
without extra options such as the hidden `--x-parents first`), alternating them within each round so that a shared
machine's drift hits each alike, and prints every run and then the medians per configuration.

    bench/parents-cost.py ROUNDS MODEL CONFIG... [-- CHECK OPTIONS]
    CONFIG is JAR or JAR@OPTION,OPTION...  e.g.
    bench/parents-cost.py 5 bench/models/counters.m cli/target/ballot.jar cli/target/ballot.jar@--x-parents,first \\
        /tmp/jar-792.jar -- --threads 2

Per run: the exploration time the check reports (it includes interpret first's background javac), the process's
wall and CPU seconds (user + sys), its peak RSS and the 1-minute load average before and after. Quote the medians
with the load beside them (bench/LOG.md, docs/benchmarks.md).
"""
import os, re, statistics, subprocess, sys, tempfile

args = sys.argv[1:]
if len(args) < 3:
    sys.exit(__doc__)
rounds, model = int(args[0]), args[1]
rest = args[2:]
common = []
if '--' in rest:
    common = rest[rest.index('--') + 1:]
    rest = rest[:rest.index('--')]
configs = []
for c in rest:
    jar, _, opts = c.partition('@')
    configs.append((c, jar, [o for o in opts.split(',') if o]))


def load():
    with open('/proc/loadavg') as f:
        return float(f.read().split()[0])


results = {c[0]: [] for c in configs}
for r in range(rounds):
    for name, jar, opts in configs:
        with tempfile.NamedTemporaryFile('r') as times:
            before = load()
            cmd = ['/usr/bin/time', '-f', '%U %S %e %M', '-o', times.name, 'java', '-Xss16m', '-XX:+UseParallelGC',
                   '-jar', jar, 'check', model] + common + opts
            out = subprocess.run(cmd, capture_output=True, text=True).stdout
            user, sys_, wall, rss = times.read().split('\n')[-2].split()
        m = re.search(r'Time: ([0-9.]+) s', out)
        states = re.search(r'States: ([0-9]+)', out)
        run = dict(explore=float(m.group(1)) if m else float('nan'), wall=float(wall),
                   cpu=float(user) + float(sys_), rss=int(rss) // 1024, load=(before, load()),
                   states=states.group(1) if states else '?')
        results[name].append(run)
        print(f"round {r + 1} {name}: explore {run['explore']:.2f} s, wall {run['wall']:.2f} s, "
              f"cpu {run['cpu']:.2f} s, RSS {run['rss']} MiB, {run['states']} states, "
              f"load {before:.2f}-{run['load'][1]:.2f}", flush=True)

print(f'medians of {rounds} ({model} {" ".join(common)}):')
for name, runs in results.items():
    loads = [l for run in runs for l in run['load']]
    print(f"  {name}: explore {statistics.median(r['explore'] for r in runs):.2f} s, "
          f"wall {statistics.median(r['wall'] for r in runs):.2f} s, "
          f"cpu {statistics.median(r['cpu'] for r in runs):.2f} s, "
          f"RSS {statistics.median(r['rss'] for r in runs):.0f} MiB; load {min(loads):.2f}-{max(loads):.2f}")
