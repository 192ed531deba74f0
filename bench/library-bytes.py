#!/usr/bin/env python3
"""Accounted bytes per state, all-in (issue 25.3: at most 12 on the library's 10^6-10^7-state models), for the
library rows of that size and the two benchmark models: `ballot check --json` on each, `memory.peakBytes / states`.

    bench/library-bytes.py [JAR] [-- EXTRA CHECK OPTIONS]     # e.g. -- --compact-states on

The rows come from protocols/manifest.tsv (model, symmetry, flags) and are checked against its state count.
Bytes do not depend on the machine's load; each run gets -Xmx3g (JAVA_HEAP overrides). Not part of the test suite.
"""
import sys
from pathlib import Path

from ballot_run import check_json

ROOT = Path(__file__).resolve().parent.parent
ROWS = [("models/paxos-commit/PaxosCommit.m", "off"), ("models/paxos/Paxos.m", "heuristic"),
        ("models/raft/Raft.m", "off"), ("models/raft/Raft-large.m", "heuristic"), ("models/paxos/Paxos.m", "off")]
BENCH = [("bench/models/two-phase.m", ["--deadlock-detection", "off"]), ("bench/models/counters.m", [])]


def manifest():
    rows = {}
    for line in (ROOT / "protocols" / "manifest.tsv").read_text().splitlines():
        if line.startswith("#") or line.startswith("model\t") or not line.strip():
            continue
        f = line.split("\t")
        rows[(f[0], f[1])] = (f[2].split(), int(f[4]) if f[4] != "-" else None)
    return rows


def run(jar, model, options):
    r = check_json(jar, model, options)
    return r["states"], r["memory"]["peakBytes"], r.get("storage") or r["memory"].get("store")


def main():
    args = sys.argv[1:]
    extra = args[args.index("--") + 1:] if "--" in args else []
    args = args[:args.index("--")] if "--" in args else args
    jar = args[0] if args else str(ROOT / "cli" / "target" / "ballot.jar")
    rows = manifest()
    print("model\tsymmetry\tstates\taccounted B/state\tat most 12")
    for model, sym in ROWS:
        flags, expected = rows[(model, sym)]
        states, peak, _ = run(jar, ROOT / "protocols" / model, ["--symmetry-reduction", sym, *flags, *extra])
        if expected is not None and states != expected:
            sys.exit(f"{model} {sym}: {states} states, the manifest says {expected}")
        print(f"{model}\t{sym}\t{states}\t{peak / states:.2f}\t{'yes' if peak / states <= 12 else 'no'}", flush=True)
    for model, options in BENCH:
        states, peak, _ = run(jar, ROOT / model, [*options, *extra])
        print(f"{model}\tdefault\t{states}\t{peak / states:.2f}\t{'yes' if peak / states <= 12 else 'no'}", flush=True)


if __name__ == "__main__":
    main()
