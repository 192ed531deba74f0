#!/usr/bin/env python3
"""Bytes per state, all-in: Ballot exact and with --hash-compaction BITS, Rumur, CMurphi (full states and -b BITS).

  bench/memory.py                                   # the default models below
  bench/memory.py --no-cmurphi bench/models/counters.m
  bench/memory.py --only-ballot-hc --const N=8 bench/models/counters.m   # the 10^8-state run (omission bound)
  bench/memory.py --only-ballot-hc --hc-states 1000000000 --const N=9 bench/models/counters.m   # 10^9, table sized

For each model it runs, in this order and in the same run:
  * ballot check (exact), then ballot check --hash-compaction BITS, both with --json: the states, the search's own
    accounting of its peak bytes (memory.peakBytes: states, index, buffers, signature table; what --memory caps)
    and, under compaction, the omission bound; and the process's peak RSS (/usr/bin/time -v). The compacted run
    gets a --memory sized from the exact run as CMurphi's -m is (its table takes half of it up front: no growth);
    with --only-ballot-hc it has the default budget and grows its table, unless --hc-states sizes it;
  * Rumur's generated checker (cc -O3), default options but --deadlock-detection off: peak RSS;
  * CMurphi (mu, g++ -O2 -I CMURPHI/include), full states (mu -b: bit-packed) and hash compaction (mu -b -c, run
    with -bBITS), each with -m sized to the state count (a first short run reads the capacity per MiB): peak RSS.
    CMurphi allocates its whole table up front, so its RSS is what -m asks, sized here to about 1.1x the states.
Each tool's "marginal" bytes per state is (peak RSS - its peak RSS on a 2-state model) / states; Ballot's
"accounted" figure is memory.peakBytes / states. The JVM runs with the launcher's heap (-Xmx: RAM less an eighth,
less at least 2 GiB) and -Xss16m -XX:+UseParallelGC, without the daemon. Models CMurphi cannot parse (Ballot's
extensions) are skipped for it. BALLOT_JAR names another jar (default cli/target/ballot.jar). A shared machine's figures: the load average is printed with each run.
Benchmarks are never part of the test suite: run this by hand.
"""
import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JAR = Path(os.environ.get("BALLOT_JAR", ROOT / "cli" / "target" / "ballot.jar"))
CMURPHI = Path(os.environ.get("CMURPHI", "/tmp/cmurphi"))
DEFAULT_MODELS = ["bench/models/counters.m", "protocols/models/paxos/Paxos.m", "bench/models/two-phase.m"]
TWO_STATES = "var x: boolean;\nstartstate begin x := false; end;\nrule begin x := !x; end;\n"


def load():
    return os.getloadavg()[0]


def timed(cmd, timeout, cwd=None):
    """(exit code, output, wall seconds, peak RSS KiB) of cmd under /usr/bin/time -v."""
    start = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True, timeout=timeout, cwd=cwd)
    wall = time.monotonic() - start
    out = p.stdout + p.stderr
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out)
    return p.returncode, out, wall, int(m.group(1)) if m else 0


def heap_option():
    total = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                total = int(line.split()[1])
    reserve = max(total // 8, 2 << 20)
    return f"-Xmx{max(total - reserve, total // 2) // 1024}m"


def ballot(model, extra, threads, timeout, tmp):
    report = Path(tmp) / "r.json"
    cmd = ["java", "-Xss16m", "-XX:+UseParallelGC", heap_option(), "-Dballot.heap=auto", "-jar", str(JAR), "check",
           "--threads", str(threads), "--deadlock-detection", "off", "--json", str(report), *extra, str(model)]
    code, out, wall, rss = timed(cmd, timeout)
    if code not in (0, 10):
        sys.exit(f"ballot failed ({code}) on {model}:\n{out[-2000:]}")
    r = json.loads(report.read_text())
    hc = r.get("hashCompaction") or {}
    return {"states": r["states"], "rss": rss, "wall": wall, "peak": r["memory"]["peakBytes"],
            "limit": r["memory"]["limitBytes"], "bound": hc.get("omissionBound"), "seconds": r["seconds"]}


def rumur(model, timeout, tmp):
    c = Path(tmp) / "r.c"
    exe = Path(tmp) / "r"
    subprocess.run(["rumur", "--deadlock-detection", "off", "--output", str(c), str(model)], check=True,
                   capture_output=True, timeout=timeout)
    subprocess.run(["cc", "-O3", "-march=native", "-o", str(exe), str(c), "-lpthread"], check=True,
                   capture_output=True, timeout=timeout)
    code, out, wall, rss = timed([str(exe), "--threads", "1"], timeout)
    m = re.search(r"(\d+) states, (\d+) rules fired", out)
    return {"states": int(m.group(1)) if m else -1, "rss": rss, "wall": wall}


def cmurphi(model, bits, timeout, tmp):
    """Full states (bits None) or hash compaction; None when mu cannot compile the model."""
    src = Path(tmp) / "cm.m"
    shutil.copy(model, src)
    flags = ["-b"] if bits is None else ["-b", "-c"]
    p = subprocess.run([str(CMURPHI / "src" / "mu"), *flags, str(src)], capture_output=True, text=True,
                       timeout=timeout, cwd=tmp)
    if p.returncode != 0 or not (Path(tmp) / "cm.cpp").exists():
        return None
    exe = Path(tmp) / "cm"
    g = subprocess.run(["g++", "-O2", "-I", str(CMURPHI / "include"), "-o", str(exe), str(Path(tmp) / "cm.cpp")],
                       capture_output=True, text=True, timeout=timeout)
    (Path(tmp) / "cm.cpp").unlink()
    if g.returncode != 0:
        return None
    run = [str(exe), "-ndl", "-pn", "-vbfs"] + ([] if bits is None else [f"-b{bits}"])
    # the capacity per MiB of -m: a run with -m16 prints it (and may stop early, table full)
    code, out, _, _ = timed(run + ["-m16"], timeout)
    m = re.search(r"maximum size of\s+the state space is (\d+) states", out)
    if not m:
        return None
    per_mib = int(m.group(1)) / 16
    return {"per_mib": per_mib, "run": run}


def cmurphi_run(prepared, states, timeout):
    mib = max(16, math.ceil(states * 1.1 / prepared["per_mib"]) + 1)
    code, out, wall, rss = timed(prepared["run"] + [f"-m{mib}"], timeout)
    # Its BFS queue is a fixed share of the table (gPercentActiveStates): a wide level needs a bigger -m
    for _ in range(4):
        if "Too many active states" not in out:
            break
        mib *= 2
        code, out, wall, rss = timed(prepared["run"] + [f"-m{mib}"], timeout)
    # CMurphi prints large counts as C++ doubles ("1.03404e+07 states"): 6 significant digits
    m = re.search(r"([0-9][0-9.]*(?:e\+?[0-9]+)?) states, ([0-9][0-9.]*(?:e\+?[0-9]+)?) rules fired", out)
    p = re.search(r"Pr\[even one omitted state\]\s*<=\s*([0-9.e+-]+)", out)
    return {"states": int(float(m.group(1))) if m else -1, "rss": rss, "wall": wall, "m": mib,
            "bound": p.group(1) if p else None}


def baseline(kind, tmp, bits):
    two = Path(tmp) / "two.m"
    two.write_text(TWO_STATES)
    if kind == "ballot":
        return ballot(two, [], 1, 300, tmp)["rss"]
    if kind == "rumur":
        return rumur(two, 300, tmp)["rss"]
    prepared = cmurphi(two, bits, 300, tmp)
    return cmurphi_run(prepared, 2, 300)["rss"] if prepared else 0


def per_state(rss_kib, base_kib, states):
    return (rss_kib - base_kib) * 1024 / states if states > 0 else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", nargs="*", default=DEFAULT_MODELS)
    ap.add_argument("--bits", type=int, default=40)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--const", action="append", default=[], help="--const NAME=VALUE for ballot (e.g. N=8)")
    ap.add_argument("--no-cmurphi", action="store_true")
    ap.add_argument("--no-rumur", action="store_true")
    ap.add_argument("--only-ballot-hc", action="store_true", help="only ballot --hash-compaction (the 10^8 run)")
    ap.add_argument("--hc-states", type=int, default=0,
                    help="with --only-ballot-hc: size --memory for this many states, as the exact run sizes it "
                         "(no table growth: at 10^9 a grown table recomputes every state and holds two tables)")
    ap.add_argument("--timeout", type=int, default=3600)
    args = ap.parse_args()
    if not JAR.exists():
        sys.exit(f"{JAR} is missing: build it first (./mvnw -pl cli -am package -DskipTests)")
    os.environ["BALLOT_DAEMON"] = "off"
    consts = [x for c in args.const for x in ("--const", c)]
    with tempfile.TemporaryDirectory() as tmp:
        base = {"ballot": baseline("ballot", tmp, None)}
        if not args.only_ballot_hc:
            if not args.no_rumur:
                base["rumur"] = baseline("rumur", tmp, None)
            if not args.no_cmurphi:
                base["cmurphi"] = baseline("cmurphi", tmp, None)
                base["cmurphi-hc"] = baseline("cmurphi", tmp, args.bits)
        print("baseline peak RSS (2-state model), KiB:", base)
        print("tool\tmodel\tstates\twall s\tpeak RSS MiB\tmarginal B/state\taccounted B/state\tbound\tload")
        for m in args.models:
            model = (ROOT / m) if not Path(m).is_absolute() else Path(m)
            rows = []
            if not args.only_ballot_hc:
                rows.append(("ballot exact", ballot(model, consts, args.threads, args.timeout, tmp), base["ballot"]))
            hc = ["--hash-compaction", str(args.bits)]
            if rows:
                # --memory sized as CMurphi's -m is: the signature table takes half of an explicit --memory up front
                # (no growth), here for the exact run's count at 78 % load; the other half, at least what the exact
                # run accounted at its peak, holds the frontier.
                exact = rows[0][1]
                table = int(exact["states"] / 0.78 * args.bits / 8) + (1 << 20)
                hc += ["--memory", str(table + max(table, exact["peak"]))]
            elif args.hc_states:
                table = int(args.hc_states / 0.78 * args.bits / 8) + (1 << 20)
                hc += ["--memory", str(2 * table)]
            rows.append((f"ballot hc{args.bits}", ballot(model, consts + hc, args.threads, args.timeout, tmp),
                         base["ballot"]))
            states = rows[0][1]["states"]
            if not args.only_ballot_hc and not args.no_rumur:
                rows.append(("rumur", rumur(model, args.timeout, tmp), base["rumur"]))
            if not args.only_ballot_hc and not args.no_cmurphi:
                for name, bits in (("cmurphi full", None), (f"cmurphi b{args.bits}", args.bits)):
                    prepared = cmurphi(model, bits, args.timeout, tmp)
                    if prepared is None:
                        print(f"{name}\t{model.name}\t(mu cannot compile this model)")
                        continue
                    rows.append((name + " (-m sized)", cmurphi_run(prepared, states, args.timeout),
                                 base["cmurphi" if bits is None else "cmurphi-hc"]))
            for name, r, b in rows:
                accounted = r["peak"] / r["states"] if "peak" in r and r["states"] > 0 else float("nan")
                print(f"{name}\t{model.name}\t{r['states']}\t{r['wall']:.1f}\t{r['rss'] / 1024:.0f}\t"
                      f"{per_state(r['rss'], b, r['states']):.1f}\t{accounted:.1f}\t{r.get('bound')}\t{load():.1f}",
                      flush=True)


if __name__ == "__main__":
    main()
