#!/usr/bin/env python3
"""Simulation against exhaustive search: `ballot simulate` and `ballot check` on the same models, alternating.

  bench/simulate.py                    # throughput per core, then time to each bugged variant's violation
  bench/simulate.py --repeat 5         # five alternating rounds of each pair (medians are printed)
  bench/simulate.py --coverage 60      # also: distinct states reached in 60 s on counters.m at N = 10 (10^10 states)

1. Throughput per core: `check --threads 1` (exploration: distinct states per second of its own "Time:") against
   `simulate --threads 1` (state visits per second: each visit checks the state and fires every enabled rule, as
   the exploration does for each state it expands) on bench/models/counters.m and protocols/models/raft/Raft.m.
2. Time to a violation: each bugged plain-Murphi variant of the protocol library (its header's options, 2 threads),
   `check` (breadth-first, shortest counterexample) against `simulate` (default walks and depth, seed 1; the
   hardest variant needs more walks: --walks 10^7), wall time of the whole process and the tool's own "Time:".
Runs alternate (check, simulate, check, ...) and medians are printed with the load average before and after,
because the machine may be shared. Not part of the test suite.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in bench/
ROOT = Path(__file__).resolve().parent.parent
JAR = ROOT / "cli" / "target" / "ballot.jar"
BUGS = [
    "protocols/models/two-phase/TwoPhase-bug-commit-on-timeout.m",
    "protocols/models/tcommit/TCommit-bug-prepared-rm-aborts-on-timeout.m",
    "protocols/models/paxos-commit/PaxosCommit-bug-accept-lower-ballot.m",
    "protocols/models/paxos/Paxos-bug-forget-promise-on-restart.m",
    "protocols/models/raft/Raft-bug-vote-twice.m",
    "protocols/models/raft/Raft-bug-commit-old-term-entry.m",
]
THROUGHPUT = [
    ("bench/models/counters.m", ["--deadlock-detection", "off"], ["--walks", "2000", "--depth", "5000"]),
    ("protocols/models/raft/Raft.m", [], ["--walks", "300000"]),
]


def ballot(*args, timeout=900):
    """Runs the jar; returns (exit code, stdout + stderr, wall seconds)."""
    start = time.monotonic()
    p = subprocess.run(["java", "-Xss16m", "-jar", str(JAR), *args], capture_output=True, text=True, cwd=ROOT,
                       timeout=timeout)
    return p.returncode, p.stdout + p.stderr, time.monotonic() - start


def number(pattern, text):
    m = re.search(pattern, text)
    return float(m.group(1)) if m else float("nan")


def load():
    return os.getloadavg()[0]


def med(values):
    return statistics.median(values) if values else float("nan")


def throughput(repeat):
    print("## States per second per core (1 thread): check's exploration against simulate's visits")
    for model, flags, walk in THROUGHPUT:
        bfs, sim = [], []
        for _ in range(repeat):
            code, out, _ = ballot("check", "--threads", "1", "--symmetry-reduction", "off", *flags, model)
            bfs.append(number(r"\((\d+) states/s\)", out))
            code, out, _ = ballot("simulate", "--threads", "1", *flags, *walk, model)
            sim.append(number(r"States visited: \d+  \((\d+)/s\)", out))
        print(f"{model}: check {med(bfs):,.0f} states/s, simulate {med(sim):,.0f} visits/s, ratio"
              f" {med(sim) / med(bfs):.2f}  (medians of {repeat}; each: check {bfs}, simulate {sim};"
              f" load {load():.2f})")


def violations(repeat):
    print("## Time to the violation (2 threads): check (BFS) against simulate")
    for model in BUGS:
        extra = ["--walks", "10000000"] if "commit-old-term-entry" in model else []
        rows = {"check": [], "simulate": []}
        steps = {}
        for _ in range(repeat):
            for tool, args in (("check", []), ("simulate", extra)):
                code, out, wall = ballot(tool, "--threads", "2", *args, model)
                own = number(r"Time: ([\d.]+) s", out)
                rows[tool].append((wall, own, code))
                m = re.search(r"End of the counterexample \((\d+) steps?\)", out)
                steps[tool] = m.group(1) if m else "-"
        cells = []
        for tool in ("check", "simulate"):
            walls = [w for w, _, _ in rows[tool]]
            owns = [o for _, o, _ in rows[tool]]
            codes = sorted({c for _, _, c in rows[tool]})
            cells.append(f"{tool} wall {med(walls):.2f} s, own {med(owns):.2f} s, exit {codes}, {steps[tool]} steps")
        print(f"{Path(model).name}: " + "; ".join(cells) + f"  (medians of {repeat}; load {load():.2f})")


def coverage(seconds):
    print(f"## Distinct states reached in {seconds} s: counters.m at N = 10, MAX = 9 (10^10 states), 2 threads")
    code, out, wall = ballot("simulate", "--threads", "2", "--deadlock-detection", "off", "--const", "N=10",
                             "--walks", "1000000000000", "--depth", "100000", "--time-limit", str(seconds),
                             "bench/models/counters.m")
    line = re.search(r"Walks: .*", out)
    print(f"{line.group(0) if line else out}  (wall {wall:.1f} s, load {load():.2f})")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--coverage", type=int, default=0, help="seconds of the coverage run (0: none)")
    ap.add_argument("--skip-throughput", action="store_true")
    a = ap.parse_args()
    if not JAR.exists():
        subprocess.run([str(ROOT / "ballot"), "--version"], check=True)
    print(f"uptime: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")
    if not a.skip_throughput:
        throughput(a.repeat)
    violations(a.repeat)
    if a.coverage:
        coverage(a.coverage)
    print(f"uptime: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")


if __name__ == "__main__":
    main()
