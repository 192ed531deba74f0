#!/usr/bin/env python3
"""Protocol library timings: Ballot on every row of protocols/manifest.tsv, Rumur on the same models, one run.

  bench/protocols.py                          # every row: Ballot, and Rumur on the plain-Murphi models
  bench/protocols.py --match Paxos --symmetry off
  bench/protocols.py --no-rumur               # Ballot only (checks verdicts, counts and max_seconds)

For each manifest row (model, symmetry mode, flags) it runs `ballot check` with the row's flags and 2 threads, and
checks the verdict, the state count and the depth (holding rows) or the violated property and trace length
(violated rows) against the manifest, and the wall time against the row's max_seconds. For rows of plain-Murphi
models (Rumur does not read Ballot's message-passing extensions) it also generates Rumur's verifier with the same
symmetry mode and deadlock flag and 2 threads, compiles it with cc -O2 (compile time reported apart) and runs it,
unless --no-rumur; Rumur's run is bounded by --rumur-timeout. It prints one line per row: Ballot's wall seconds
(whole process) and exploration seconds (its own "Time:"), Rumur's run seconds, their ratio, and both state counts.
A row whose results differ from the manifest is marked MISMATCH and makes the script exit 1.
Benchmarks are not part of the test suite: run this by hand on a quiet machine (Rumur's rows take minutes).
"""
import argparse
import os
import csv
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in bench/
sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ROOT, ballot_seconds, ballot_states, rumur_states  # noqa: E402
from symmetry import fmt, ratio, run_limited  # noqa: E402

MANIFEST = ROOT / "protocols" / "manifest.tsv"
EXIT = {"holds": 0, "violated": 10}



# Whole-process figures (peak RSS, start-up) are a fresh JVM's: the launcher's daemon would leave only its client.
os.environ["BALLOT_DAEMON"] = "off"

def rows(manifest):
    lines = [line for line in manifest.read_text().splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def uses_extensions(model):
    """True when the model uses Ballot's message-passing extensions, which Rumur does not read."""
    probe = subprocess.run(["rumur", "--output", "/dev/null", str(model)], capture_output=True, text=True)
    return probe.returncode != 0


def check_ballot(row, out, code):
    """The differences between a Ballot run and its manifest row, as a list of strings."""
    problems = []
    if code != EXIT.get(row["verdict"], -1):
        problems.append(f"exit {code}, expected {EXIT.get(row['verdict'])}")
    if row["verdict"] == "holds":
        if str(ballot_states(out)) != row["states"]:
            problems.append(f"states {ballot_states(out)} != {row['states']}")
        depth = re.search(r"Depth: (\d+)", out)
        if depth is None or depth.group(1) != row["depth"]:
            problems.append(f"depth {depth.group(1) if depth else None} != {row['depth']}")
    else:
        if row["property"] not in out:
            problems.append(f"property {row['property']} not reported")
        steps = re.search(r"counterexample \((\d+) steps\)", out)
        if steps is None or steps.group(1) != row["trace_steps"]:
            problems.append(f"trace {steps.group(1) if steps else None} steps != {row['trace_steps']}")
    return problems


def rumur_run(model, mode, flags, tmp, timeout):
    """(states or None, run seconds or None, compile seconds, note)."""
    stem = f"{tmp}/{model.stem}-{mode}"
    t0 = time.monotonic()
    subprocess.run(["rumur", "--threads", "2", *flags, "--symmetry-reduction", mode, "--output", f"{stem}.c",
                    str(model)], check=True, capture_output=True)
    subprocess.run(["cc", "-std=c11", "-O2", "-march=native", "-mcx16", "-o", stem, f"{stem}.c", "-lpthread",
                    "-latomic"], check=True, capture_output=True)
    compile_s = time.monotonic() - t0
    r = run_limited([stem], timeout)
    if r is None:
        return None, None, compile_s, f"timeout {timeout} s"
    code, out, wall, _ = r
    return rumur_states(out), wall, compile_s, "violated" if code != 0 else "holds"


def main(argv=None):
    ap = argparse.ArgumentParser(prog="bench/protocols.py", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--match", default="", help="only rows whose model path contains this text")
    ap.add_argument("--symmetry", choices=["off", "heuristic", "exhaustive"], help="only rows of this mode")
    ap.add_argument("--no-rumur", action="store_true", help="run Ballot only")
    ap.add_argument("--rumur-timeout", type=int, default=900, help="seconds per Rumur run (default 900)")
    args = ap.parse_args(argv)

    ballot = str(ROOT / "ballot")
    subprocess.run([ballot, "--version"], check=True, capture_output=True)  # builds the jar first if needed
    selected = [r for r in rows(MANIFEST)
                if args.match in r["model"] and (args.symmetry is None or r["symmetry"] == args.symmetry)]
    print(f"{'model':58} {'sym':10} {'verdict':8} {'states':>10} {'wall s':>7} {'expl s':>7} {'max s':>5}"
          f" {'rumur s':>8} {'R/B':>6} {'rumur states':>12}")
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for row in selected:
            model = ROOT / "protocols" / row["model"]
            flags = row["flags"].split()
            r = run_limited([ballot, "check", "--threads", "2", "--symmetry-reduction", row["symmetry"], *flags,
                             str(model)], int(row["max_seconds"]) * 3)
            if r is None:
                print(f"{row['model']:58} {row['symmetry']:10} TIMEOUT after {int(row['max_seconds']) * 3} s")
                failed += 1
                continue
            code, out, wall, _ = r
            problems = check_ballot(row, out, code)
            if wall > int(row["max_seconds"]):
                problems.append(f"wall {wall:.1f} s > max_seconds {row['max_seconds']}")
            rumur = (None, None, None, "")
            if not args.no_rumur and not uses_extensions(model):
                rumur = rumur_run(model, row["symmetry"], flags, tmp, args.rumur_timeout)
            r_states, r_wall, _, note = rumur
            print(f"{row['model']:58} {row['symmetry']:10} {row['verdict']:8} {fmt(ballot_states(out), 'd'):>10}"
                  f" {wall:7.2f} {fmt(ballot_seconds(out)):>7} {row['max_seconds']:>5} {fmt(r_wall):>8}"
                  f" {fmt(ratio(r_wall, wall)):>6} {fmt(r_states, 'd'):>12} {note}")
            if problems:
                failed += 1
                print("    MISMATCH: " + "; ".join(problems))
            sys.stdout.flush()
    print(f"{len(selected)} rows, {failed} mismatched")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
