#!/usr/bin/env python3
"""What deterministic parents cost through the warm daemon that `./ballot` uses (issue 21.3): alternates
`./ballot check MODEL --threads 2` with and without the hidden `--x-parents first` (no tracking) in each round, after
two warm-up runs, and prints per run the exploration time the check reports, the client's wall time and the
daemon's CPU ticks (user + sys, from /proc), then the medians and the median of the per-round ratios.

    bench/parents-daemon.py [ROUNDS] [MODEL] [-- CHECK OPTIONS]     # default 11 bench/models/two-phase.m

The daemon serves the current build (cli/target/ballot.jar); stop other work on the machine first. Not a test.
"""
import os, re, statistics, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
args = sys.argv[1:]
extra = args[args.index("--") + 1:] if "--" in args else []
args = args[:args.index("--")] if "--" in args else args
rounds = int(args[0]) if args else 11
model = args[1] if len(args) > 1 else "bench/models/two-phase.m"
env = {k: v for k, v in os.environ.items() if k != "BALLOT_DAEMON"}


def check(first):
    cmd = [str(ROOT / "ballot"), "check", model, "--threads", "2", *extra] + (["--x-parents", "first"] if first else [])
    start = time.monotonic()
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
    m = re.search(r"Time: ([\d.]+) s", p.stdout)
    if not m:
        sys.exit(f"{' '.join(cmd)}: no time reported ({p.returncode})\n{p.stdout[-800:]}{p.stderr[-800:]}")
    return float(m.group(1)), time.monotonic() - start


def daemon_ticks():
    out = subprocess.run(["pgrep", "-f", "ballot.*[Dd]aemon"], capture_output=True, text=True).stdout.split()
    if not out:
        sys.exit("no ballot daemon is running (BALLOT_DAEMON=off in the environment?)")
    f = Path(f"/proc/{out[0]}/stat").read_text().rsplit(")", 1)[1].split()
    return int(f[11]) + int(f[12])


check(False), check(True)
runs = {False: [], True: []}
for r in range(rounds):
    for first in (False, True):
        before = daemon_ticks()
        explore, wall = check(first)
        cpu = daemon_ticks() - before
        runs[first].append((explore, wall, cpu))
        print(f"round {r + 1} {'first' if first else 'tracking'}: explore {explore:.2f} s, wall {wall:.2f} s, "
              f"daemon CPU {cpu} ticks", flush=True)
for i, name in enumerate(["explore", "wall", "CPU"]):
    ratios = [t[i] / f[i] for t, f in zip(runs[False], runs[True])]
    print(f"{name}: tracking {statistics.median(t[i] for t in runs[False]):.2f}, first "
          f"{statistics.median(f[i] for f in runs[True]):.2f}, per-round ratio median {statistics.median(ratios):.3f}"
          f" (range {min(ratios):.2f}-{max(ratios):.2f})")
