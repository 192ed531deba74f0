#!/usr/bin/env python3
"""Checks every protocol library model with a bare `ballot check MODEL.m` (no options: the model's own
`-- ballot:` header and the defaults, symmetry reduction heuristic) and compares the outcome with the manifest's
heuristic row: verdict, exact states and depth for a model that holds, violated property and trace length for a
bugged one. Prints one row per model with its wall time, then a summary; exits 1 on any mismatch.

    scripts/library-bare.py [--jar cli/target/ballot.jar] [--only SUBSTRING]
"""
import argparse
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rows(manifest):
    header = None
    for line in open(manifest, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if header is None:
            header = cols
            continue
        row = dict(zip(header, cols))
        if row["symmetry"] == "heuristic":
            yield row


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default=os.path.join(ROOT, "cli/target/ballot.jar"))
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    protocols = os.path.join(ROOT, "protocols")
    bad = 0
    n = 0
    for row in rows(os.path.join(protocols, "manifest.tsv")):
        if args.only not in row["model"]:
            continue
        n += 1
        t0 = time.time()
        p = subprocess.run(["java", "-Xss16m", "-jar", args.jar, "check", row["model"]], cwd=protocols,
                           capture_output=True, text=True)
        secs = time.time() - t0
        out = p.stdout
        problems = []
        if row["verdict"] == "holds":
            if p.returncode != 0:
                problems.append("exit %d, expected 0" % p.returncode)
            m = re.search(r"States: (\d+) .*Depth: (\d+)", out)
            got = (m.group(1), m.group(2)) if m else ("?", "?")
            if got != (row["states"], row["depth"]):
                problems.append("states/depth %s/%s, expected %s/%s" % (got + (row["states"], row["depth"])))
            what = "holds, %s states, depth %s" % got
        else:
            if p.returncode != 10:
                problems.append("exit %d, expected 10" % p.returncode)
            if 'Result: invariant "%s" violated.' % row["property"] not in out:
                problems.append("not the invariant %s" % row["property"])
            m = re.search(r"End of the counterexample \((\d+) steps\)", out)
            steps = m.group(1) if m else "?"
            if steps != row["trace_steps"]:
                problems.append("trace %s steps, expected %s" % (steps, row["trace_steps"]))
            what = "violated %s, %s steps" % (row["property"], steps)
        status = "ok" if not problems else "MISMATCH: " + "; ".join(problems)
        bad += bool(problems)
        print("%-60s %-45s %7.1f s  %s" % (row["model"], what, secs, status), flush=True)
        if problems:
            print(out[-2000:], p.stderr[-2000:], sep="\n", file=sys.stderr)
    print("%d models, %d mismatches (load %s)" % (n, bad, open("/proc/loadavg").read().split()[:3]))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
