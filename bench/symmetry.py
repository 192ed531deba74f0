#!/usr/bin/env python3
"""Symmetry benchmark: Ballot against Rumur with scalarset symmetry reduction, whole-process, in the same run.

  bench/symmetry.py                           # every model in bench/models/symmetry, 1 thread for both tools
  bench/run.py --symmetry                     # the same (run.py hands its other arguments over)
  bench/symmetry.py bench/models/symmetry/german.m --threads 2 --no-rumur-exhaustive --timeout 300
  bench/symmetry.py bench/models/symmetry/german.m --const N=6     # a copy of the model with "N: 6;"
  bench/symmetry.py bench/models/symmetry/msi-directory.m --const N=5 --force-rumur-exhaustive

For each model it
  * generates and compiles Rumur's checker with --symmetry-reduction heuristic and (unless --no-rumur-exhaustive,
    or the model says "-- bench-symmetry: no-rumur-exhaustive" and --force-rumur-exhaustive is not given) with
    --symmetry-reduction exhaustive; the rumur + cc time is reported separately and not counted in Rumur's time;
  * runs the two Rumur checkers, then ballot check --symmetry-reduction heuristic and exhaustive;
all with --threads N for both tools (default 1; Rumur takes it at generation time) and the same flags for both
(--rumur-flags, default "--deadlock-detection off", as bench/run.py). It prints per run states, wall seconds
(the whole process: for Ballot JVM start-up, front end and javac included), exploration seconds (Ballot's own
"Time:"; Rumur's wall time, its start-up being negligible) and peak resident memory (/usr/bin/time -v when
present, else getrusage), then the ratios the project tracks:
  ballot heuristic time / rumur heuristic time         target <= 1.0 (whole process; exploration-only also shown)
  ballot heuristic states / rumur heuristic states     target <= 1.0
  ballot exhaustive time / ballot heuristic time       target <= 3.0 (whole process; exploration-only also shown)
  ballot exhaustive states vs rumur exhaustive states  must be equal (exhaustive gives one state per orbit)
A run that fails, times out or finds a violation (every model here holds) is reported and the script exits 1; so
does an exhaustive state-count mismatch, or a heuristic count below the exhaustive one (more reduction than the
symmetry allows: a wrong reduction). A summary table in Markdown ends the output.
Benchmarks are never part of the test suite: run this by hand on a quiet machine.
"""
import argparse
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in bench/
sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ROOT, ballot_seconds, ballot_states, rumur_states  # noqa: E402

MODES = ("heuristic", "exhaustive")
NO_RUMUR_EXHAUSTIVE = "-- bench-symmetry: no-rumur-exhaustive"



# Whole-process figures (peak RSS, start-up) are a fresh JVM's: the launcher's daemon would leave only its client.
os.environ["BALLOT_DAEMON"] = "off"

def run_limited(cmd, timeout):
    """Runs cmd in its own process group; returns (exit code, stdout+stderr, wall seconds, peak RSS in KiB), or
    None when it ran past timeout seconds (the whole group is then killed)."""
    time_bin = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    full = [time_bin, "-v", *cmd] if time_bin else cmd
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.monotonic()
    p = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        stdout, stderr = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        return None
    wall = time.monotonic() - start
    out = stdout + stderr
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out)
    rss = int(m.group(1)) if m else max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return p.returncode, out, wall, rss


def compile_rumur(model, mode, threads, flags, tmp):
    """Generates and compiles Rumur's checker; returns (binary, seconds)."""
    stem = f"{tmp}/{model.stem}-{mode}"
    t0 = time.monotonic()
    subprocess.run(["rumur", "--threads", str(threads), *flags, "--symmetry-reduction", mode,
                    "--output", f"{stem}.c", str(model)], check=True, capture_output=True)
    subprocess.run(["cc", "-std=c11", "-O3", "-march=native", "-mcx16", "-o", stem, f"{stem}.c",
                    "-lpthread", "-latomic"], check=True, capture_output=True)
    return stem, time.monotonic() - t0


def with_consts(model, consts, tmp):
    """model itself, or a copy in tmp with each NAME=VALUE of consts replacing the value of the first line
    "NAME: VALUE;" (the models' const section); a constant the model does not have is left out with a note.
    Returns (path, label)."""
    text, applied = model.read_text(), []
    for name, value in consts:
        text, n = re.subn(rf"(?m)^(\s*{re.escape(name)}\s*:\s*)[^;]+;", rf"\g<1>{value};", text, count=1)
        if n:
            applied.append(f"{name}={value}")
        else:
            print(f"{model.name}: no constant {name}; --const {name}={value} left out", file=sys.stderr)
    if not applied:
        return model, model.name
    copy = Path(tmp) / "consts" / model.name
    copy.parent.mkdir(exist_ok=True)
    copy.write_text(text)
    return copy, f"{model.name}[{','.join(applied)}]"


def fmt(x, spec=".2f", missing="-"):
    return missing if x is None else format(x, spec)


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def main(argv=None):
    ap = argparse.ArgumentParser(prog="bench/symmetry.py", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", nargs="*", help="models (default: bench/models/symmetry/*.m)")
    ap.add_argument("--threads", type=int, default=1, help="threads for both tools (default 1)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per configuration; the fastest is reported")
    ap.add_argument("--timeout", type=int, default=900, help="seconds per run (default 900)")
    ap.add_argument("--no-rumur-exhaustive", action="store_true",
                    help="skip Rumur with --symmetry-reduction exhaustive (slow: it tries every permutation)")
    ap.add_argument("--force-rumur-exhaustive", action="store_true",
                    help=f'run Rumur\'s exhaustive mode even on a model that says "{NO_RUMUR_EXHAUSTIVE}"')
    ap.add_argument("--no-ballot-exhaustive", action="store_true",
                    help="skip Ballot with --symmetry-reduction exhaustive")
    ap.add_argument("--rumur-flags", default="--deadlock-detection off",
                    help="flags for rumur (and the same for ballot)")
    ap.add_argument("--const", action="append", default=[], metavar="NAME=VALUE",
                    help="check a copy of each model with this constant changed (repeatable; models without it are "
                         "left as they are), e.g. N=6")
    ap.add_argument("--ballot", default=str(ROOT / "ballot"), help="the ballot launcher (default: this checkout's)")
    a = ap.parse_args(argv)
    consts = []
    for c in a.const:
        name, eq, value = c.partition("=")
        if not eq or not name or not value:
            ap.error(f"--const {c}: expected NAME=VALUE")
        consts.append((name.strip(), value.strip()))
    models = [Path(m) for m in a.models] or sorted((ROOT / "bench" / "models" / "symmetry").glob("*.m"))
    flags = a.rumur_flags.split()
    ballot = a.ballot
    subprocess.run([ballot, "--version"], check=True, capture_output=True)  # builds the jar first if needed
    failed = False
    summary = []
    print(f"{'model':<20} {'tool':<18} {'states':>10} {'wall s':>8} {'explore s':>9} {'peak MiB':>9}  note")
    with tempfile.TemporaryDirectory() as tmp:
        for original in models:
            model, label = with_consts(original, consts, tmp)
            results, compile_s = {}, {}
            rumur_exhaustive = not a.no_rumur_exhaustive and (a.force_rumur_exhaustive
                                                              or NO_RUMUR_EXHAUSTIVE not in model.read_text())
            configs = []
            for mode in MODES:
                if mode == "exhaustive" and not rumur_exhaustive:
                    why = ("--no-rumur-exhaustive" if a.no_rumur_exhaustive
                           else f'the model says "{NO_RUMUR_EXHAUSTIVE}"')
                    print(f"{label:<20} {'rumur exhaustive':<18} skipped ({why})")
                    continue
                binary, secs = compile_rumur(model, mode, a.threads, flags, tmp)
                compile_s[mode] = secs
                configs.append((f"rumur {mode}", [binary]))
            for mode in MODES:
                if mode == "exhaustive" and a.no_ballot_exhaustive:
                    continue
                configs.append((f"ballot {mode}", [ballot, "check", "--threads", str(a.threads), *flags,
                                                   "--symmetry-reduction", mode, str(model)]))
            for name, cmd in configs:
                rumur = name.startswith("rumur")
                best, note = None, ""
                for _ in range(a.repeat):
                    r = run_limited(cmd, a.timeout)
                    if r is None:
                        note = f"TIMEOUT after {a.timeout} s"
                        break
                    rc, out, wall, rss = r
                    states = rumur_states(out) if rumur else ballot_states(out)
                    explore = wall if rumur else ballot_seconds(out)
                    if rc != 0 or states is None or explore is None:
                        shown = out.split("\tCommand being timed:")[0]  # leave out /usr/bin/time's report
                        print(f"{label}: {name} failed (exit {rc}):\n{shown[-2000:]}", file=sys.stderr)
                        note = f"FAILED (exit {rc})"
                        break
                    warned = None if rumur else re.search(r"warning: (.*symmetry.*)", out, re.IGNORECASE)
                    if warned:  # e.g. that it does not reduce this model
                        note = "ballot warned: " + (warned.group(1)[:70] + "..." if len(warned.group(1)) > 73
                                                    else warned.group(1))
                    if best is None or explore < best[2]:
                        best = (states, wall, explore, rss)
                if best is None:
                    failed = True
                    print(f"{label:<20} {name:<18} {'':>10} {'':>8} {'':>9} {'':>9}  {note}")
                    continue
                results[name] = best
                states, wall, explore, rss = best
                print(f"{label:<20} {name:<18} {states:>10} {wall:>8.2f} {explore:>9.2f} {rss / 1024:>9.1f}  "
                      f"{note}")
            print(f"{label:<20} {'rumur+cc compile':<18} "
                  + ", ".join(f"{mode} {secs:.2f} s" for mode, secs in compile_s.items()))

            rh, rx = results.get("rumur heuristic"), results.get("rumur exhaustive")
            bh, bx = results.get("ballot heuristic"), results.get("ballot exhaustive")
            time_wall = ratio(bh and bh[1], rh and rh[1])
            time_explore = ratio(bh and bh[2], rh and rh[2])
            time_with_cc = ratio(bh and bh[1], rh and compile_s.get("heuristic", 0) + rh[1])
            states_heur = ratio(bh and bh[0], rh and rh[0])
            exh_wall = ratio(bx and bx[1], bh and bh[1])
            exh_explore = ratio(bx and bx[2], bh and bh[2])
            print(f"{label:<20} ratios: ballot/rumur heuristic time {fmt(time_wall)} whole process "
                  f"(target <= 1.0; exploration only {fmt(time_explore)}; against rumur incl. rumur+cc "
                  f"{fmt(time_with_cc)}); ballot/rumur heuristic states {fmt(states_heur, '.3f')} (target <= 1.0); "
                  f"ballot exhaustive/heuristic time {fmt(exh_wall)} whole process (target <= 3.0; exploration "
                  f"only {fmt(exh_explore)})")
            exact = None
            if bx and rx:
                exact = "equal" if bx[0] == rx[0] else "MISMATCH"
                print(f"{label:<20} exhaustive states: ballot {bx[0]}, rumur {rx[0]}: {exact}")
                if bx[0] != rx[0]:
                    print(f"ERROR {label}: exhaustive state counts differ: ballot {bx[0]}, rumur {rx[0]}",
                          file=sys.stderr)
                    failed = True
            # Exhaustive canonicalisation keeps one state per orbit, the fewest any sound reduction can keep.
            orbits = min((r[0] for r in (rx, bx) if r), default=None)
            for name, r in (("ballot heuristic", bh), ("rumur heuristic", rh)):
                if r and orbits is not None and r[0] < orbits:
                    print(f"ERROR {label}: {name} found {r[0]} states, fewer than the {orbits} orbits of "
                          f"exhaustive reduction: the reduction is wrong", file=sys.stderr)
                    failed = True
            summary.append((label, rh, rx, bh, bx, time_wall, time_explore, states_heur, exh_wall, exact))

    print()
    print("| model | Rumur heuristic | Rumur exhaustive | Ballot heuristic | Ballot exhaustive "
          "| heur. time B/R (≤ 1.0) | explore only | heur. states B/R (≤ 1.0) | B exh./heur. time (≤ 3.0) "
          "| exh. states |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")

    def cell(r):
        return "-" if r is None else f"{r[0]} in {r[1]:.1f} s"

    for name, rh, rx, bh, bx, tw, te, sh, ew, exact in summary:
        print(f"| `{name}` | {cell(rh)} | {cell(rx)} | {cell(bh)} | {cell(bx)} | {fmt(tw)} | {fmt(te)} "
              f"| {fmt(sh, '.3f')} | {fmt(ew)} | {exact or '-'} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
