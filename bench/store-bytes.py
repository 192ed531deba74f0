#!/usr/bin/env python3
"""Where the accounted bytes per state go: runs `ballot check` under a flight recording and prints the search's
breakdown (the io.ballot.StoreBytes event of each level) at the level where the accounted total peaked, and at
the end, per state of the whole run.

    bench/store-bytes.py MODEL [CHECK OPTIONS...]
    e.g. bench/store-bytes.py protocols/models/paxos/Paxos.m --threads 2 --deadlock-detection off
    BALLOT_JAR=/tmp/old.jar bench/store-bytes.py ...   (another build; default cli/target/ballot.jar)

"Accounted" is what --memory caps (memory.peakBytes of the JSON report is its maximum over the progress reports,
which also come every half second within a level: it can be a little above the peak level's figure here). The
parts: the found set (the inline table, or the tree's root set), the tree's inner tables, the index of the level
being built, the records of the levels still held (the frontier), parents and rules still in memory, arrays kept
for reuse, the chunk directory, the parent order's per-level arrays; "other" is the rest (threads' buffers).
"""
import json, os, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JAR = Path(os.environ.get("BALLOT_JAR", ROOT / "cli" / "target" / "ballot.jar"))
PARTS = ["foundRoots", "treeInner", "levelIndex", "records", "links", "free", "directory", "order"]

model, options = sys.argv[1], sys.argv[2:]
with tempfile.TemporaryDirectory() as tmp:
    rec = Path(tmp) / "r.jfr"
    cmd = ["java", "-Xss16m", "-XX:+UseParallelGC", f"-XX:StartFlightRecording=filename={rec},settings=default",
           "-jar", str(JAR), "check", model, *options]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 10):
        sys.exit(f"ballot failed ({p.returncode}):\n{p.stdout[-2000:]}{p.stderr[-2000:]}")
    raw = subprocess.run(["jfr", "print", "--json", "--events", "io.ballot.StoreBytes", str(rec)],
                         check=True, capture_output=True, text=True).stdout
events = [e["values"] for e in json.loads(raw)["recording"]["events"]]
if not events:
    sys.exit("no io.ballot.StoreBytes events: a build from before the event?")
final = max(events, key=lambda e: e["states"])["states"]
peak = max(events, key=lambda e: e["accounted"])
print(f"{model} {' '.join(options)}: {final} states; peak accounted {peak['accounted']} B at depth {peak['depth']}"
      f" ({peak['states']} states stored then), load {os.getloadavg()[0]:.2f}")
print(f"  {'part':12s} {'bytes':>12s} {'B/state':>8s}")
other = peak["accounted"]
for k in PARTS:
    other -= peak[k]
    print(f"  {k:12s} {peak[k]:12d} {peak[k] / final:8.2f}")
print(f"  {'other':12s} {other:12d} {other / final:8.2f}")
print(f"  {'total':12s} {peak['accounted']:12d} {peak['accounted'] / final:8.2f}")
