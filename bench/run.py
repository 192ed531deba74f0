#!/usr/bin/env python3
"""Whole-process benchmark: Ballot against Rumur on the same models, in the same run.

  bench/run.py                      # every model in bench/models, Ballot on 1 and 2 threads, Rumur on 1 thread
  bench/run.py bench/models/counters.m --repeat 3

For each model it runs
  * rumur (C generation) and cc -O3 (compilation): reported separately as "rumur compile s";
  * the generated Rumur checker with --threads 1 (Rumur's own flag is passed at generation time);
  * ballot check --threads 1 and --threads 2 (the launcher builds the jar first if needed);
and prints, per run, states, wall seconds, states/s and peak resident memory (from /usr/bin/time -v when present,
else getrusage), then the ratios the project tracks:
  ballot(1 thread) states/s / rumur(1 thread) states/s         target >= 0.7
  ballot(2 threads) states/s / ballot(1 thread) states/s        target >= 1.7
  ballot bytes/state / rumur bytes/state (peak RSS / states)    target <= 1.5
The state counts must agree; a mismatch is printed as an error and the script exits 1.
Benchmarks are never part of the test suite: run this by hand on a quiet machine.
"""
import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_timed(cmd, timeout):
    """Runs cmd; returns (exit code, stdout+stderr, wall seconds, peak RSS in KiB)."""
    time_bin = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    full = [time_bin, "-v", *cmd] if time_bin else cmd
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.monotonic()
    p = subprocess.run(full, capture_output=True, text=True, timeout=timeout)
    wall = time.monotonic() - start
    out = p.stdout + p.stderr
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out)
    rss = int(m.group(1)) if m else max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return p.returncode, out, wall, rss


def rumur_states(out):
    m = re.search(r"(\d+) states, (\d+) rules fired", out)
    return int(m.group(1)) if m else None


def ballot_states(out):
    m = re.search(r"States: (\d+)", out)
    return int(m.group(1)) if m else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", nargs="*", help="models (default: bench/models/*.m)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per configuration; the fastest is reported")
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("--rumur-flags", default="--deadlock-detection off",
                    help="flags for rumur (and the same for ballot)")
    a = ap.parse_args()
    models = [Path(m) for m in a.models] or sorted((ROOT / "bench" / "models").glob("*.m"))
    flags = a.rumur_flags.split()
    ballot = str(ROOT / "ballot")
    subprocess.run([ballot, "--version"], check=True, capture_output=True)  # builds the jar first if needed
    failed = False
    print(f"{'model':<16} {'tool':<18} {'states':>10} {'seconds':>8} {'states/s':>10} {'peak MiB':>9} {'B/state':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for model in models:
            c_file, binary = f"{tmp}/m.c", f"{tmp}/m"
            t0 = time.monotonic()
            subprocess.run(["rumur", "--threads", "1", *flags, "--output", c_file, str(model)], check=True,
                           capture_output=True)
            subprocess.run(["cc", "-std=c11", "-O3", "-march=native", "-mcx16", "-o", binary, c_file,
                            "-lpthread", "-latomic"], check=True, capture_output=True)
            compile_s = time.monotonic() - t0
            results = {}
            configs = [("rumur -t1", [binary]),
                       ("ballot -t1", [ballot, "check", "--threads", "1", *flags, str(model)]),
                       ("ballot -t2", [ballot, "check", "--threads", "2", *flags, str(model)])]
            for name, cmd in configs:
                best = None
                for _ in range(a.repeat):
                    rc, out, wall, rss = run_timed(cmd, a.timeout)
                    states = rumur_states(out) if name.startswith("rumur") else ballot_states(out)
                    if rc != 0 or states is None:
                        print(f"{model.name}: {name} failed (exit {rc}):\n{out[-2000:]}", file=sys.stderr)
                        failed = True
                        break
                    if best is None or wall < best[1]:
                        best = (states, wall, rss)
                if best is None:
                    continue
                results[name] = best
                states, wall, rss = best
                print(f"{model.name:<16} {name:<18} {states:>10} {wall:>8.2f} {states / wall:>10.0f} "
                      f"{rss / 1024:>9.1f} {rss * 1024 / states:>8.1f}")
            print(f"{model.name:<16} {'rumur compile s':<18} {compile_s:>30.2f}")
            counts = {r[0] for r in results.values()}
            if len(counts) > 1:
                print(f"ERROR {model.name}: state counts differ: {results}", file=sys.stderr)
                failed = True
            if {"rumur -t1", "ballot -t1", "ballot -t2"} <= results.keys():
                r1, b1, b2 = results["rumur -t1"], results["ballot -t1"], results["ballot -t2"]
                speed = (b1[0] / b1[1]) / (r1[0] / r1[1])
                scale = (b2[0] / b2[1]) / (b1[0] / b1[1])
                mem = (b1[2] / b1[0]) / (r1[2] / r1[0])
                print(f"{model.name:<16} ratios: ballot/rumur speed (1 thread) {speed:.2f} (target >= 0.7), "
                      f"ballot 2/1 threads {scale:.2f} (target >= 1.7), bytes/state ballot/rumur {mem:.2f} "
                      f"(target <= 1.5)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
