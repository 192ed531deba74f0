#!/usr/bin/env python3
"""Whole-process benchmark: Ballot against Rumur on the same models, in the same run.

  bench/run.py                      # every model in bench/models, Ballot on 1 and 2 threads, Rumur on 1 thread
  bench/run.py bench/models/counters.m --repeat 3   # Ballot 1 and 2 threads alternating, three of each

For each model it runs
  * rumur (C generation) and cc -O3 (compilation): reported separately as "rumur compile s";
  * the generated Rumur checker with --threads 1 (Rumur's own flag is passed at generation time);
  * ballot check --threads 1 and --threads 2 (the launcher builds the jar first if needed);
and prints, per run, states, wall seconds, exploration seconds (Ballot's own "Time:", which excludes JVM start-up,
parsing and compiling the model; for Rumur the wall time, its start-up being negligible), exploration states/s,
peak resident memory (from /usr/bin/time -v when present, else getrusage) and bytes per state, then the ratios the
project tracks:
  ballot(1 thread) exploration states/s / rumur(1 thread) states/s     target >= 0.7
  ballot(2 threads) exploration states/s / ballot(1 thread)             target >= 1.7
  ballot marginal bytes/state / rumur marginal bytes/state              target <= 1.5
"Marginal" bytes/state = (peak RSS - peak RSS of the same tool on a 2-state model) / states: it leaves out each
tool's fixed footprint (for Ballot the JVM, Xtext and javac, about 150 MiB), which the raw ratio also printed
includes.
The state counts must agree; a mismatch is printed as an error and the script exits 1.
Benchmarks are never part of the test suite: run this by hand on a quiet machine.

  bench/run.py --symmetry [ARGS]    # the symmetry benchmark instead: bench/symmetry.py ARGS (see its --help)
"""
import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent



# Whole-process figures (peak RSS, start-up) are a fresh JVM's: the launcher's daemon would leave only its client.
os.environ["BALLOT_DAEMON"] = "off"

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


def ballot_seconds(out):
    m = re.search(r"Time: ([0-9.]+) s", out)
    return float(m.group(1)) if m else None


TINY = """var x: boolean;
startstate begin x := false; end;
rule begin x := !x; end;
"""


def main():
    if "--symmetry" in sys.argv[1:]:
        sys.dont_write_bytecode = True  # no __pycache__ in bench/
        import symmetry  # bench/symmetry.py, next to this file
        sys.exit(symmetry.main([arg for arg in sys.argv[1:] if arg != "--symmetry"]))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", nargs="*", help="models (default: bench/models/*.m)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="runs of each Ballot configuration, alternating; the fastest is reported")
    ap.add_argument("--rumur-repeat", type=int, default=1, help="runs of Rumur's checker; the fastest is reported")
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("--rumur-flags", default="--deadlock-detection off",
                    help="flags for rumur (and the same for ballot)")
    a = ap.parse_args()
    models = [Path(m) for m in a.models] or sorted((ROOT / "bench" / "models").glob("*.m"))
    flags = a.rumur_flags.split()
    ballot = str(ROOT / "ballot")
    subprocess.run([ballot, "--version"], check=True, capture_output=True)  # builds the jar first if needed
    failed = False
    print(f"{'model':<16} {'tool':<12} {'states':>10} {'wall s':>7} {'explore s':>9} {'states/s':>10} "
          f"{'peak MiB':>9} {'B/state':>8} {'marginal':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.m"
        tiny.write_text(TINY)
        subprocess.run(["rumur", "--output", f"{tmp}/tiny.c", str(tiny)], check=True, capture_output=True)
        subprocess.run(["cc", "-std=c11", "-O3", "-march=native", "-mcx16", "-o", f"{tmp}/tiny", f"{tmp}/tiny.c",
                        "-lpthread", "-latomic"], check=True, capture_output=True)
        base = {"rumur": run_timed([f"{tmp}/tiny"], a.timeout)[3],
                "ballot": run_timed([ballot, "check", str(tiny)], a.timeout)[3]}
        print(f"fixed footprint (2-state model): rumur {base['rumur'] / 1024:.1f} MiB, "
              f"ballot {base['ballot'] / 1024:.1f} MiB")
        for model in models:
            c_file, binary = f"{tmp}/m.c", f"{tmp}/m"
            t0 = time.monotonic()
            subprocess.run(["rumur", "--threads", "1", *flags, "--output", c_file, str(model)], check=True,
                           capture_output=True)
            subprocess.run(["cc", "-std=c11", "-O3", "-march=native", "-mcx16", "-o", binary, c_file,
                            "-lpthread", "-latomic"], check=True, capture_output=True)
            compile_s = time.monotonic() - t0
            configs = [("rumur -t1", [binary]),
                       ("ballot -t1", [ballot, "check", "--threads", "1", *flags, str(model)]),
                       ("ballot -t2", [ballot, "check", "--threads", "2", *flags, str(model)])]
            # Ballot's two configurations alternate (1, 2, 1, 2, ...) so that a slow spell of this shared VM
            # falls on both alike; each keeps its fastest run. Rumur runs --rumur-repeat times.
            order = [configs[0]] * a.rumur_repeat + [c for _ in range(a.repeat) for c in configs[1:]]
            best, pairs = {}, []
            for name, cmd in order:
                if name in best and best[name] is None:
                    continue  # failed before
                rc, out, wall, rss = run_timed(cmd, a.timeout)
                rumur = name.startswith("rumur")
                states = rumur_states(out) if rumur else ballot_states(out)
                explore = wall if rumur else ballot_seconds(out)
                if rc != 0 or states is None or explore is None:
                    print(f"{model.name}: {name} failed (exit {rc}):\n{out[-2000:]}", file=sys.stderr)
                    failed = True
                    best[name] = None
                    continue
                if name == "ballot -t1":
                    pairs.append([explore])
                elif name == "ballot -t2" and pairs:
                    pairs[-1].append(explore)
                if best.get(name) is None or explore < best[name][2]:
                    marginal = (rss - base["rumur" if rumur else "ballot"]) * 1024 / states
                    best[name] = (states, wall, explore, rss, marginal)
            results = {name: r for name, r in best.items() if r is not None}
            for name, _ in configs:
                if name not in results:
                    continue
                states, wall, explore, rss, marginal = results[name]
                print(f"{model.name:<16} {name:<12} {states:>10} {wall:>7.2f} {explore:>9.2f} {states / explore:>10.0f} "
                      f"{rss / 1024:>9.1f} {rss * 1024 / states:>8.1f} {marginal:>8.1f}")
            ratios = [p[0] / p[1] for p in pairs if len(p) == 2]
            if len(ratios) > 1:
                print(f"{model.name:<16} 2/1 threads per alternating pair: "
                      f"{' '.join(f'{r:.2f}' for r in ratios)} (median {statistics.median(ratios):.2f})")
            print(f"{model.name:<16} {'rumur+cc compile':<12} {compile_s:>29.2f} s")
            counts = {r[0] for r in results.values()}
            if len(counts) > 1:
                print(f"ERROR {model.name}: state counts differ: {results}", file=sys.stderr)
                failed = True
            if {"rumur -t1", "ballot -t1", "ballot -t2"} <= results.keys():
                r1, b1, b2 = results["rumur -t1"], results["ballot -t1"], results["ballot -t2"]
                speed = (b1[0] / b1[2]) / (r1[0] / r1[2])
                scale = (b2[0] / b2[2]) / (b1[0] / b1[2])
                mem = b1[4] / r1[4]
                raw = b1[3] / r1[3]
                print(f"{model.name:<16} ratios: speed ballot/rumur (1 thread) {speed:.2f} (target >= 0.7); "
                      f"ballot 2/1 threads {scale:.2f} (target >= 1.7); marginal bytes/state ballot/rumur {mem:.2f} "
                      f"(target <= 1.5; raw peak RSS ratio {raw:.2f})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
