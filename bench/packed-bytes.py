#!/usr/bin/env python3
"""Accounted bytes per state against the packed state (issue 25.3: at most the packed size + 8 bytes on any model),
from small models to large: `ballot check --json` on each row, `memory.peakBytes / states` against
`memory.stateBits / 8 + 8`. A search's fixed bytes (its first chunks and indexes, whatever the model) are printed
first, from a two-state model: they are what keeps a model of a few thousand states above the line.

    bench/packed-bytes.py [JAR] [-- EXTRA CHECK OPTIONS]     # e.g. -- --compact-states on

Each run gets --threads 2 and -Xmx3g (JAVA_HEAP overrides). Bytes do not depend on the machine's load. Not part of
the test suite.
"""
import sys, tempfile
from pathlib import Path

from ballot_run import check_json

ROOT = Path(__file__).resolve().parent.parent
LIB = ROOT / "protocols" / "models"
# (label, model, options): sizes from 10^3 to 10^7 states, narrow (inline set) and wide (records or tree) states
ROWS = [
    ("counters N=3", ROOT / "bench/models/counters.m", ["--const", "N=3"]),
    ("counters N=4", ROOT / "bench/models/counters.m", ["--const", "N=4"]),
    ("counters N=5", ROOT / "bench/models/counters.m", ["--const", "N=5"]),
    ("counters N=6", ROOT / "bench/models/counters.m", ["--const", "N=6"]),
    ("mcs-lock", ROOT / "bench/models/symmetry/mcs-lock.m", []),
    ("msi-directory", ROOT / "bench/models/symmetry/msi-directory.m", []),
    ("german", ROOT / "bench/models/symmetry/german.m", []),
    ("dijkstra-mutex", ROOT / "bench/models/symmetry/dijkstra-mutex.m", []),
    ("filter-lock", ROOT / "bench/models/filter-lock.m", []),
    ("PaxosCommit heuristic", LIB / "paxos-commit/PaxosCommit.m", ["--symmetry-reduction", "heuristic"]),
    ("Raft heuristic", LIB / "raft/Raft.m", ["--symmetry-reduction", "heuristic"]),
    ("Paxos heuristic", LIB / "paxos/Paxos.m", ["--symmetry-reduction", "heuristic"]),
    ("PaxosCommit off", LIB / "paxos-commit/PaxosCommit.m", ["--symmetry-reduction", "off"]),
    ("two-phase N=9", ROOT / "bench/models/two-phase.m", ["--deadlock-detection", "off"]),
    ("counters N=7", ROOT / "bench/models/counters.m", []),
]
TWO_STATES = "var x: boolean;\nstartstate begin x := false; end;\nrule \"flip\" true ==> begin x := !x; end;\n"


def run(jar, model, options):
    r = check_json(jar, model, options)
    return r["states"], r["memory"]["peakBytes"], r["memory"]["stateBits"]


def main():
    args = sys.argv[1:]
    extra = args[args.index("--") + 1:] if "--" in args else []
    args = args[:args.index("--")] if "--" in args else args
    jar = args[0] if args else str(ROOT / "cli" / "target" / "ballot.jar")
    with tempfile.TemporaryDirectory() as tmp:
        two = Path(tmp) / "two-states.m"
        two.write_text(TWO_STATES)
        _, fixed, _ = run(jar, two, extra)
    print(f"fixed bytes (a two-state model): {fixed}")
    print("model\tstates\tstate bits\tpacked + 8\taccounted B/state\tmet\tless the fixed bytes")
    for label, model, options in ROWS:
        states, peak, bits = run(jar, model, [*options, *extra])
        goal = bits / 8 + 8
        print(f"{label}\t{states}\t{bits}\t{goal:.2f}\t{peak / states:.2f}\t{'yes' if peak / states <= goal else 'no'}"
              f"\t{(peak - fixed) / states:.2f}", flush=True)


if __name__ == "__main__":
    main()
