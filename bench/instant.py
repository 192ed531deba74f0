#!/usr/bin/env python3
"""Instant feedback (issue 24): whole-process wall time of small checks, against Rumur in the same run.

  bench/instant.py [--rounds N] [--sample K] [--selection FILE] [--ballot LABEL=COMMAND ...] [--no-lsp] [MODELS...]

Models (default: every /work/shared/corpus/rumur/*.m and every protocols/models/**/*.m): those whose header does not
skip them, that Rumur accepts, and whose Ballot check reports at most --max-states states (default 10^4; a
selection run, not timed). Per round and model, alternately: `ballot check` and `ballot validate` for each Ballot
command, and Rumur's whole process (`rumur`, `cc -O3 -march=native`, the generated checker), each model's Rumur
flags passed to both tools. Prints per model the medians, then per Ballot command how many models meet the goals
(check <= 1.0 s and <= Rumur's time; validate <= 0.5 s) and the median and worst times.

--ballot LABEL=COMMAND (repeatable; default `daemon=ROOT/ballot`, the launcher as a user runs it, and
`plain=env BALLOT_DAEMON=off ROOT/ballot`, the launcher without its daemon: a JVM per run with the class-data
sharing archive, as before issue 24): the commands compared, alternating in every round. --root ROOT (default this
checkout) is where `ballot` is; point it at a copy holding only `ballot` and `cli/target/ballot.jar` to time a
fixed build while the sources change (the launcher then never rebuilds). Unless --no-lsp, the language server
`ROOT/ballot lsp` is timed too: `initialize` answered after start,
diagnostics published after didOpen, and "Check model" (ballot.checkModel until its progress ends) on a warm
server, on --lsp-models (default three small models), medians over the rounds. The first model is opened as soon as
`initialize` is answered (its diagnostics wait for the rest of the start-up; the time from start to them is printed
too), the others on a ready server (the diagnostics goal); a table against the goals ends the report. --lsp-only skips the command-line
runs; --lsp-root LABEL=ROOT (repeatable) times the language servers of several roots instead, alternating in every
round (e.g. old=/tmp/old new=/tmp/new, each a copy holding `ballot` and `cli/target/ballot.jar`).

Load averages are printed at start and end: the machine is shared. Not part of the test suite.
"""
import argparse
import glob
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADER = re.compile(r"\s*--\s*(?P<key>[a-zA-Z_]\w*)\s*:(?P<value>.*)$")
CTX = {"xml": False, "debug": False, "multithreaded": False, "re": re,
       "smt_args": lambda: None, "smt_bv_args": lambda: None}


def expectations(path):
    out = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = HEADER.match(line)
            if not m:
                break
            try:
                out[m["key"]] = eval(m["value"].strip(), dict(CTX))  # noqa: S307 (test data)
            except Exception:
                out[m["key"]] = None
    return out


def timed(cmd, timeout=120, cwd=ROOT):
    t = time.time()
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout, cwd=cwd)
        return p.returncode, p.stdout.decode(errors="replace") + p.stderr.decode(errors="replace"), time.time() - t
    except subprocess.TimeoutExpired:
        return "timeout", "", time.time() - t


def rumur_whole(model, flags, tmp):
    """Rumur's whole process, as rumur-run does it: generate, compile with -O3, run. None if it rejects the model."""
    t = time.time()
    rc, out, _ = timed(["rumur", "--output", f"{tmp}/m.c", *flags, model])
    if rc != 0:
        return None
    rc, out, _ = timed(["cc", "-std=c11", "-O3", "-march=native", "-mcx16", "-o", f"{tmp}/m", f"{tmp}/m.c",
                        "-lpthread", "-latomic"])
    if rc != 0:
        return None
    timed([f"{tmp}/m"])
    return time.time() - t


def states_of(output):
    m = re.search(r"States:\s*([\d,]+)", output)
    return int(m.group(1).replace(",", "")) if m else None


def load():
    return open("/proc/loadavg").read().split()[:3]


# ---- language server -------------------------------------------------------------------------------------------

class Lsp:
    def __init__(self, command):
        self.p = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, cwd=ROOT)
        self.next_id = 100

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        msg = json.loads(self.p.stdout.read(length))
        if "method" in msg and "id" in msg:  # a request from the server (progress token, configuration): answer it
            self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
        return msg

    def wait_for(self, pred):
        while True:
            m = self.read()
            if pred(m):
                return m

    def request(self, method, params):
        self.next_id += 1
        i = self.next_id
        self.send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
        return self.wait_for(lambda m: m.get("id") == i and "method" not in m)

    def close(self):
        try:
            self.request("shutdown", None)
            self.send({"jsonrpc": "2.0", "method": "exit"})
            self.p.wait(timeout=30)
        except Exception:
            self.p.kill()


def lsp_round(command, models):
    """One server: seconds to initialize after start; per model (diagnostics after didOpen, warm Check model); and
    seconds from start to the first model's diagnostics. The first model is opened as soon as initialize is
    answered, as an editor does, so its diagnostics wait for whatever of the start-up is left; the others are
    opened on a ready server."""
    t0 = time.time()
    s = Lsp(command)
    s.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"processId": os.getpid(), "rootUri": None,
                       "capabilities": {"window": {"workDoneProgress": True}}}})
    s.wait_for(lambda m: m.get("id") == 1)
    init = time.time() - t0
    s.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    per_model = {}
    first_diag = None
    for i, model in enumerate(models):
        uri = "file://" + os.path.abspath(model)
        text = open(model, encoding="utf-8").read()
        t = time.time()
        s.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "murphi", "version": 1, "text": text}}})
        s.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
        diag = time.time() - t
        if first_diag is None:
            first_diag = time.time() - t0
        checks = []
        for _ in range(4):  # the first warms the checker up; the next three are the warm server's
            t = time.time()
            r = s.request("workspace/executeCommand", {"command": "ballot.checkModel", "arguments": [uri]})
            token = (r.get("result") or {}).get("token")
            if token is None:
                raise RuntimeError("check of %s not started: %s" % (model, r))
            s.wait_for(lambda m: m.get("method") == "$/progress" and m["params"]["token"] == token
                       and m["params"]["value"].get("kind") == "end")
            checks.append(time.time() - t)
        per_model[model] = (diag, statistics.median(checks[1:]))
    s.close()
    return init, per_model, first_diag


def throughput(a, ballots):
    for m in a.throughput:
        rates = {label: [] for label, _ in ballots}
        for _ in range(a.rounds):
            for label, cmd in ballots:
                rc, out, wall = timed(cmd + ["check", "--threads", "1", m], timeout=1800)
                r = re.search(r"\((\d+) states/s\)", out)
                rates[label].append(int(r.group(1)) if r else 0)
        base = statistics.median(rates[ballots[-1][0]])
        print("%-36s %s" % (os.path.basename(m), "  ".join(
            "%s %d states/s (%s; %.3f of %s)" % (l, statistics.median(v), " ".join(map(str, v)),
                                                statistics.median(v) / base if base else 0, ballots[-1][0])
            for l, v in rates.items())), flush=True)
    print("load average at end: %s" % " ".join(load()))


# ---- main ------------------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--max-states", type=int, default=10_000)
    ap.add_argument("--sample", type=int, default=0, help="time only K selected models, evenly spaced (0: all)")
    ap.add_argument("--selection", help="a file caching the selection (model, flags, states): read if it exists, "
                    "else written; the selection pass runs a check and Rumur on every model")
    ap.add_argument("--ballot", action="append", default=[], metavar="LABEL=COMMAND")
    ap.add_argument("--no-lsp", action="store_true")
    ap.add_argument("--lsp-only", action="store_true")
    ap.add_argument("--lsp-root", action="append", default=[], metavar="LABEL=ROOT")
    ap.add_argument("--root", default=ROOT)
    ap.add_argument("--lsp-models", nargs="*", default=["protocols/models/peterson.m",
                                                        "protocols/models/two-phase/TwoPhase.m",
                                                        "protocols/models/tcommit/TCommit.m"])
    ap.add_argument("--throughput", nargs="+", metavar="MODEL",
                    help="instead: exploration throughput (the run's own states/s, 1 thread) of these big models "
                         "under each Ballot command, alternating, --rounds times; a daemon that served other models "
                         "must explore as fast as a fresh JVM")
    ap.add_argument("models", nargs="*")
    a = ap.parse_args()
    launcher = os.path.join(os.path.abspath(a.root), "ballot")
    ballots = [(b.split("=", 1)[0], shlex.split(b.split("=", 1)[1])) for b in a.ballot] or [
        ("daemon", [launcher]), ("plain", ["env", "BALLOT_DAEMON=off", launcher])]
    models = a.models or (sorted(glob.glob("/work/shared/corpus/rumur/*.m"))
                          + sorted(glob.glob(os.path.join(ROOT, "protocols/models/**/*.m"), recursive=True)))
    subprocess.run([launcher, "--version"], cwd=ROOT, check=True, capture_output=True)  # builds the jar if needed
    print("load average at start: %s" % " ".join(load()), flush=True)
    if a.throughput:
        return throughput(a, ballots)
    if a.lsp_only:
        return lsp_report(a, launcher)
    tmp = tempfile.mkdtemp()
    first = ballots[0][1]
    selected = []
    if a.selection and os.path.exists(a.selection):
        selected = [(e["model"], e["flags"], e["states"]) for e in json.load(open(a.selection))]
        models = []
    for m in models:
        exp = expectations(m)
        if exp.get("skip_reason") or exp.get("rumur_exit_code"):
            continue
        flags = [str(x) for x in (exp.get("rumur_flags") or [])]
        rc, out, _ = timed(first + ["check", "--time-limit", "20", *flags, m])  # a stopped run has > 10^4 states
        n = states_of(out)
        if rc not in (0,) and not (isinstance(rc, int) and 10 <= rc <= 19) or n is None or n > a.max_states:
            continue
        if rumur_whole(m, flags, tmp) is None:
            continue
        selected.append((m, flags, n))
    if a.selection and not os.path.exists(a.selection):
        json.dump([{"model": m, "flags": f, "states": n} for m, f, n in selected], open(a.selection, "w"), indent=0)
    if a.sample and len(selected) > a.sample:
        selected = [selected[i * len(selected) // a.sample] for i in range(a.sample)]
    print("%d models selected (<= %d states, accepted by Rumur)" % (len(selected), a.max_states), flush=True)

    labels = [l for l, _ in ballots]
    print("%-44s %7s " % ("model", "states") + " ".join("%9s %9s" % (l[:9] + ":chk", l[:5] + ":val")
                                                        for l in labels) + " %8s" % "rumur")
    rows = []
    for m, flags, n in selected:
        times = {(l, k): [] for l in labels for k in ("check", "validate")}
        times["rumur"] = []
        for _ in range(a.rounds):
            for label, cmd in ballots:
                times[(label, "check")].append(timed(cmd + ["check", *flags, m])[2])
                times[(label, "validate")].append(timed(cmd + ["validate", m])[2])
            times["rumur"].append(rumur_whole(m, flags, tmp))
        med = {k: statistics.median(v) for k, v in times.items()}
        rows.append((m, n, med))
        print("%-44s %7d " % (os.path.relpath(m, ROOT) if m.startswith(ROOT) else os.path.basename(m), n)
              + " ".join("%9.2f %9.2f" % (med[(l, "check")], med[(l, "validate")]) for l in labels)
              + " %8.2f" % med["rumur"], flush=True)

    print("\nload average after the CLI runs: %s" % " ".join(load()))
    for l in labels:
        checks = [r[2][(l, "check")] for r in rows]
        vals = [r[2][(l, "validate")] for r in rows]
        if not rows:
            break
        ok1 = sum(c <= 1.0 for c in checks)
        okr = sum(r[2][(l, "check")] <= r[2]["rumur"] for r in rows)
        okv = sum(v <= 0.5 for v in vals)
        print("%-10s check: median %.2f s, worst %.2f s; <= 1.0 s on %d/%d, <= Rumur on %d/%d | "
              "validate: median %.2f s, worst %.2f s; <= 0.5 s on %d/%d"
              % (l, statistics.median(checks), max(checks), ok1, len(rows), okr, len(rows),
                 statistics.median(vals), max(vals), okv, len(rows)))
    if rows:
        n = len(rows)
        print("\ncommand-line goals (%d models, medians of %d rounds):" % (n, a.rounds))
        print("| goal | " + " | ".join(labels) + " |")
        print("|---|" + "---|" * len(labels))
        print("| `check` <= 1.0 s | " + " | ".join(
            "%d / %d (median %.2f s, worst %.2f s)" % (sum(r[2][(l, "check")] <= 1.0 for r in rows), n,
                                                    statistics.median(r[2][(l, "check")] for r in rows),
                                                    max(r[2][(l, "check")] for r in rows)) for l in labels) + " |")
        print("| `check` <= Rumur's whole process | " + " | ".join(
            "%d / %d" % (sum(r[2][(l, "check")] <= r[2]["rumur"] for r in rows), n) for l in labels) + " |")
        print("| `validate` <= 0.5 s | " + " | ".join(
            "%d / %d (median %.2f s, worst %.2f s)" % (sum(r[2][(l, "validate")] <= 0.5 for r in rows), n,
                                                    statistics.median(r[2][(l, "validate")] for r in rows),
                                                    max(r[2][(l, "validate")] for r in rows)) for l in labels)
            + " |")
        rum = [r[2]["rumur"] for r in rows]
        print("%-10s whole process: median %.2f s, fastest %.2f s, worst %.2f s"
              % ("rumur", statistics.median(rum), min(rum), max(rum)))

    if not a.no_lsp:
        return lsp_report(a, launcher)
    print("load average at end: %s" % " ".join(load()))


def lsp_report(a, launcher):
    roots = [(r.split("=", 1)[0], os.path.join(os.path.abspath(r.split("=", 1)[1]), "ballot"))
             for r in a.lsp_root] or [("lsp", launcher)]
    inits = {l: [] for l, _ in roots}
    firsts = {l: [] for l, _ in roots}
    per = {l: {m: ([], []) for m in a.lsp_models} for l, _ in roots}
    for r in range(a.rounds):
        for label, ballot in roots:
            init, pm, first = lsp_round([ballot, "lsp"], a.lsp_models)
            inits[label].append(init)
            firsts[label].append(first)
            for m, (d, c) in pm.items():
                per[label][m][0].append(d)
                per[label][m][1].append(c)
            print("  round %d %-6s initialize %.2f s, first diagnostics %.2f s after start, load %s"
                  % (r + 1, label, init, first, " ".join(load())), flush=True)
    rows = []
    for label, _ in roots:
        print("\nlanguage server (%s lsp): initialize %.2f s (goal 2.0; rounds %s), first model's diagnostics "
              "%.2f s after start (rounds %s)"
              % (label, statistics.median(inits[label]), " ".join("%.2f" % x for x in inits[label]),
                 statistics.median(firsts[label]), " ".join("%.2f" % x for x in firsts[label])))
        for i, (m, (d, c)) in enumerate(per[label].items()):
            print("  %-44s diagnostics %.2f s%s (goal 0.3), warm Check model %.2f s (goal 0.3)"
                  % (m, statistics.median(d), " (opened while the server starts)" if i == 0 else "",
                     statistics.median(c)))
        ready = [statistics.median(d) for d, _ in list(per[label].values())[1:]]
        checks = [statistics.median(c) for _, c in per[label].values()]
        rows.append((label, statistics.median(inits[label]), statistics.median(firsts[label]),
                     statistics.median(list(per[label].values())[0][0]), max(ready) if ready else None,
                     max(checks)))
    print("\nlanguage-server goals (medians of %d rounds; worst model where there are several):" % a.rounds)
    print("| goal | " + " | ".join(r[0] for r in rows) + " |")
    print("|---|" + "---|" * len(rows))

    def line(goal, idx, limit):
        cells = []
        for r in rows:
            v = r[idx]
            cells.append("n/a" if v is None else "%.2f s%s" % (v, "" if limit is None else
                                                                (" **met**" if v <= limit else " not met")))
        print("| %s | %s |" % (goal, " | ".join(cells)))
    line("`initialize` answered after start <= 2.0 s", 1, 2.0)
    line("diagnostics after didOpen on a ready server <= 0.3 s", 4, 0.3)
    line("diagnostics of a model opened as soon as initialize is answered (no goal)", 3, None)
    line("start to the first model's diagnostics (no goal)", 2, None)
    line("warm Check model <= 0.3 s", 5, 0.3)
    print("load average at end: %s" % " ".join(load()))


if __name__ == "__main__":
    sys.exit(main())
