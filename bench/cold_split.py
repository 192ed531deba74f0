#!/usr/bin/env python3
"""Where a cold 2-thread run's CPU goes: the explorer's workers against everything else (the JIT above all).

  bench/cold_split.py bench/models/filter-lock.m --rounds 6

Runs bench/ColdSplit.java in a fresh JVM per run (as `ballot check` runs: the model's code is compiled by the JIT
during the exploration), alternating 1 and 2 threads, and prints per run the exploration seconds, the process's
CPU seconds during it, the workers' part and the rest. Then, over the rounds (medians):

  2/1 threads              1-thread seconds / 2-thread seconds (what bench/run.py's target of >= 1.7 is about)
  2-core bound             1-thread seconds / ((workers + rest of a 2-thread run) / 2): the best a 2-thread run
                           can do on two cores, with the work it has; the rest runs on the spare core in a 1-thread
                           run but takes a share of the two in a 2-thread run
  rest / workers           of 2-thread runs: the JIT's and GC's CPU time per unit of exploration work
  second half              the same from the report at half of the states to the end, when the JIT is done:
                           2/1 threads there, and the two workers' CPU per state over one worker's (1.00: two
                           workers cost each other nothing)

Not part of the test suite. Builds the CLI jar first if needed (through ./ballot). JVM options: BALLOT_JAVA_OPTS,
default the launcher's (-Xss16m -XX:+UseParallelGC).
"""
import argparse
import os
import re
import shlex
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(java, opts, model, threads):
    cmd = [java, *opts, "-cp", str(ROOT / "cli/target/ballot.jar"), str(ROOT / "bench/ColdSplit.java"), str(model),
           str(threads)]
    out = subprocess.run(cmd, capture_output=True, text=True)
    m = re.search(r"threads=\d+ seconds=(\S+) process_cpu=(\S+) worker_cpu=(\S+) other_cpu=(\S+) states=(\d+)",
                  out.stdout)
    late = re.search(r"late_half: states=(\d+) seconds=(\S+) worker_cpu=(\S+) other_cpu=(\S+)", out.stdout)
    if out.returncode != 0 or not m or not late:
        sys.exit(f"ColdSplit failed (exit {out.returncode}):\n{out.stdout}{out.stderr}")
    return dict(seconds=float(m[1]), process=float(m[2]), workers=float(m[3]), other=float(m[4]), states=int(m[5]),
                late_states=int(late[1]), late_seconds=float(late[2]), late_workers=float(late[3]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", type=Path)
    ap.add_argument("--rounds", type=int, default=6)
    args = ap.parse_args()
    subprocess.run([str(ROOT / "ballot"), "--version"], check=True, stdout=subprocess.DEVNULL)
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
    opts = shlex.split(os.environ.get("BALLOT_JAVA_OPTS", "-Xss16m -XX:+UseParallelGC"))
    runs = {1: [], 2: []}
    print(f"{'round':>5} {'threads':>7} {'explore s':>9} {'process cpu':>11} {'workers':>8} {'rest':>6}"
          f" {'late s':>7} {'late workers':>12}")
    for r in range(args.rounds):
        for t in (1, 2):
            x = run(java, opts, args.model, t)
            if runs[1] and x["states"] != runs[1][0]["states"]:
                sys.exit(f"state counts differ: {x['states']} and {runs[1][0]['states']}")
            runs[t].append(x)
            print(f"{r + 1:>5} {t:>7} {x['seconds']:>9.2f} {x['process']:>11.2f} {x['workers']:>8.2f} "
                  f"{x['other']:>6.2f} {x['late_seconds']:>7.2f} {x['late_workers']:>12.2f}", flush=True)
    med = lambda t, k: statistics.median(x[k] for x in runs[t])
    pairs = [a["seconds"] / b["seconds"] for a, b in zip(runs[1], runs[2])]
    bound = [a["seconds"] / ((b["workers"] + b["other"]) / 2) for a, b in zip(runs[1], runs[2])]
    rest = [b["other"] / b["workers"] for b in runs[2]]
    print(f"{args.model.name}: {runs[1][0]['states']} states; medians: 1 thread {med(1, 'seconds'):.2f} s "
          f"(workers {med(1, 'workers'):.2f}, rest {med(1, 'other'):.2f} CPU s), 2 threads {med(2, 'seconds'):.2f} s "
          f"(workers {med(2, 'workers'):.2f}, rest {med(2, 'other'):.2f} CPU s)")
    print(f"  2/1 threads {statistics.median(pairs):.2f} (median of pairs); 2-core bound "
          f"{statistics.median(bound):.2f}; rest / workers of 2-thread runs {statistics.median(rest):.2f}")
    # per state: the report that opens the second half falls at a different state count in each run
    late_pairs = [(a["late_seconds"] / a["late_states"]) / (b["late_seconds"] / b["late_states"])
                  for a, b in zip(runs[1], runs[2])]
    late_cpu = [(b["late_workers"] / b["late_states"]) / (a["late_workers"] / a["late_states"])
                for a, b in zip(runs[1], runs[2])]
    print(f"  second half of the states: 2/1 threads {statistics.median(late_pairs):.2f} (median of pairs); "
          f"workers' CPU per state, 2 threads / 1 thread {statistics.median(late_cpu):.2f}")


if __name__ == "__main__":
    main()
