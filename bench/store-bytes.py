#!/usr/bin/env python3
"""Where the accounted bytes per state go: runs `ballot check` under a flight recording and prints the search's
breakdown (the io.ballot.StoreBytes event of each level) at the level where the accounted total peaked, and at
the end, per state of the whole run.

    bench/store-bytes.py MODEL [CHECK OPTIONS...]
    e.g. bench/store-bytes.py protocols/models/paxos/Paxos.m --threads 2 --deadlock-detection off
    BALLOT_JAR=/tmp/old.jar bench/store-bytes.py ...   (another build; default cli/target/ballot.jar)
    bench/store-bytes.py --levels MODEL ...            (also every level's states and parts)
    JAVA_HEAP=-Xmx3g bench/store-bytes.py ...          (the JVM's heap option; default none)

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

levels = "--levels" in sys.argv
args = [a for a in sys.argv[1:] if a != "--levels"]
model, options = args[0], args[1:]
with tempfile.TemporaryDirectory() as tmp:
    rec = Path(tmp) / "r.jfr"
    heap = [os.environ["JAVA_HEAP"]] if os.environ.get("JAVA_HEAP") else []
    cmd = ["java", *heap, "-Xss16m", "-XX:+UseParallelGC", f"-XX:StartFlightRecording=filename={rec},settings=default",
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
if levels:
    print("  depth   states  " + " ".join(f"{k:>10s}" for k in ["accounted", *PARTS]))
    for e in sorted(events, key=lambda e: e["depth"]):
        print(f"  {e['depth']:5d} {e['states']:8d}  " + " ".join(f"{e[k]:10d}" for k in ["accounted", *PARTS]))
