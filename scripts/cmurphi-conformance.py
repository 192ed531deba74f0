#!/usr/bin/env python3
"""Check every CMurphi example model with CMurphi and with Ballot, and write the comparison table.

CMurphi 5.4.9 is not part of this project (LGPL): build it yourself (docs/conformance.md says how) and pass its
source tree with --cmurphi. For every `*.m` under DIR/ex (or the models given), this script

  1. runs DIR/src/mu on the model, compiles the generated C++ with `g++ -O2 -I DIR/include` and runs it twice,
     with -nosym and with -sym1 (exact symmetry), parsing "N states, M rules fired" and the error it reports;
  2. runs `ballot check --json FILE --threads 1 --symmetry-reduction off|heuristic|exhaustive` on the same file,
     reading the verdict, the first violation and the state count from the JSON report;
  3. writes one Markdown table row per model, and an `agree` column: `yes` when every run that finished gives
     the same verdict (both rejected, both hold, or both report the same kind of violation of the same property)
     and the counts that must be equal are (CMurphi -nosym = Ballot off, CMurphi -sym1 = Ballot exhaustive, on
     models where every property holds; see --table notes), `COUNT` or `VERDICT` otherwise.

The table replaces the text between `<!-- cmurphi-table:begin -->` and `<!-- cmurphi-table:end -->` in
docs/conformance.md (or is printed with --print). Rows are sorted by path, so reruns change only what changed.

  scripts/cmurphi-conformance.py --cmurphi /tmp/cmurphi
  scripts/cmurphi-conformance.py --cmurphi /tmp/cmurphi --print ex/sym/adash.m

Needs Python 3 (standard library), g++, and a built `./ballot` (it builds itself on first use).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BEGIN = "<!-- cmurphi-table:begin -->"
END = "<!-- cmurphi-table:end -->"
MODES = ["off", "heuristic", "exhaustive"]


def run(cmd, cwd=None, timeout=None):
    """(exit code or 'timeout', stdout + stderr)."""
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout,
                           text=True, errors="replace")
        return p.returncode, p.stdout
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        return "timeout", out


class Outcome:
    """One run: status (holds, violated, rejected, timeout, limit, failed), what was violated, states counted."""

    def __init__(self, status, what="", states=None, note=""):
        self.status, self.what, self.states, self.note = status, what, states, note

    def cell(self):
        if self.status == "holds":
            return "holds, {:,}".format(self.states)
        if self.status == "violated":
            return "{} ({:,} states)".format(self.what, self.states) if self.states is not None else self.what
        return self.status + (": " + self.note if self.note else "")


def cmurphi(model, home, timeout, memory_mb, flags=("-nosym", "-sym1")):
    """CMurphi's outcomes for one model, one per entry of flags (by default -nosym and -sym1)."""
    with tempfile.TemporaryDirectory(prefix="cmurphi-") as tmp:
        name = os.path.splitext(os.path.basename(model))[0]
        with open(model, "rb") as f, open(os.path.join(tmp, name + ".m"), "wb") as g:
            g.write(f.read())
        code, out = run([os.path.join(home, "src", "mu"), name + ".m"], cwd=tmp, timeout=timeout)
        if code != 0:
            line = next((l.strip() for l in out.splitlines() if re.match(r"\S+\.m:\d+:(?! warning)", l)),
                        "mu exit %s" % code)
            return tuple(Outcome("rejected", note=line[:90]) for _ in flags)
        code, out = run(["g++", "-O2", "-w", "-fpermissive", "-I", os.path.join(home, "include"), "-o", name,
                         name + ".cpp"], cwd=tmp, timeout=timeout)
        if code != 0:
            failed = Outcome("failed", note="g++: " + out.strip().splitlines()[0][:80] if out.strip() else "g++")
            return tuple(failed for _ in flags)
        return tuple(cmurphi_run(tmp, name, flag, timeout, memory_mb) for flag in flags)


# CMurphi's own resource limits: not a verdict about the model
LIMITS = ("Too many active states", "Closed hash table full", "too many states", "Out of memory")


def cmurphi_run(tmp, name, flag, timeout, memory_mb):
    """One CMurphi run with the options in flag (one or more, e.g. "-ndl -sym1"); when it stops at its own memory
    limit, once more with 4 times the memory (up to 16 GB)."""
    code, out = run(["./" + name, "-m%d" % memory_mb, "-pn", *flag.split()], cwd=tmp, timeout=timeout)
    if code == "timeout":
        return Outcome("timeout")
    limit = next((l for l in LIMITS if l.lower() in out.lower()), None)
    if limit:
        if memory_mb < 16000:
            return cmurphi_run(tmp, name, flag, timeout, min(16000, memory_mb * 4))
        return Outcome("limit", note="%s (-m%d)" % (limit, memory_mb))
    m = re.search(r"(\d+) states, (\d+) rules fired", out)
    states = int(m.group(1)) if m else None
    if "No error found." in out:
        return Outcome("holds", states=states)
    for pattern, kind in ((r'Invariant "([^"]*)" failed', "invariant"), (r"Deadlocked state found", "deadlock"),
                          (r'Assertion "([^"]*)" failed', "assertion"), (r"Assertion failed: (.*)", "assertion"),
                          (r"Error:+ *(.*)", "error"), (r"^\s*(-?\d+ not in range for .*)$", "error"),
                          (r"^\s*(The undefined value at .* is referenced)", "error"),
                          (r"^\s*(Maximum size of MultiSet .* exceeded)", "error"),
                          (r"^\s*(.*) failed\.", "error")):
        e = re.search(pattern, out, re.M)
        if e:
            what = kind + (' "%s"' % e.group(1) if e.groups() else "")
            return Outcome("violated", what=what, states=states)
    line = next((l.strip() for l in out.splitlines() if l.strip()), "")
    return Outcome("failed", note="exit %s: %s" % (code, line[:80]), states=states)


def ballot(model, mode, timeout):
    with tempfile.TemporaryDirectory(prefix="ballot-") as tmp:
        report = os.path.join(tmp, "r.json")
        code, out = run([os.path.join(ROOT, "ballot"), "check", "--threads", "1", "--symmetry-reduction", mode,
                         "--json", report, model], timeout=timeout)
        if code == "timeout":
            return Outcome("timeout")
        if code == 3:
            line = next((l for l in out.splitlines() if "error:" in l), "rejected")
            return Outcome("rejected", note=line.split("error:", 1)[-1].strip()[:90])
        if not os.path.exists(report) or os.path.getsize(report) == 0:
            line = next((l for l in out.splitlines() if l.startswith("ballot:")), "exit %s" % code)
            return Outcome("failed", note="exit %s: %s" % (code, line[:90]))
        with open(report) as f:
            r = json.load(f)
    if r["verdict"] == "holds":
        return Outcome("holds", states=r["states"])
    if r["verdict"] == "violated":
        v = r["violations"][0]
        kind = {"invariant": "invariant", "deadlock": "deadlock"}.get(v["kind"], "assertion")
        what = kind + (' "%s"' % v["property"] if kind != "deadlock" else "")
        return Outcome("violated", what=what, states=r["states"])
    # a limit (memory, time) stopped the search: not a verdict about the model
    return Outcome("limit", note="%s after %s states" % (r.get("stopReason"), "{:,}".format(r["states"])))


def verdict(o):
    """What must agree between two runs: rejected, holds, or the kind and property of the first violation."""
    if o.status == "violated":
        kind = o.what.split(" ", 1)[0]
        # CMurphi reports an error statement or a failed assert the same way ("Error: ..." or the message)
        if kind in ("assertion", "error"):
            return ("violated", "assertion")
        # an unnamed invariant is "Invariant 0" in CMurphi, "invariant 1" in Ballot: the n-th, counted differently
        return ("violated", re.sub(r'^invariant "[Ii]nvariant \d+"$', "invariant (unnamed)", o.what))
    return (o.status,)


def has_multisets(model):
    with open(model, "rb") as f:
        return re.search(rb"\bmultiset\b", f.read(), re.I) is not None


def agreement(model, nosym, sym1, runs):
    finished = [o for o in [nosym, sym1] + runs if o.status not in ("timeout", "limit")]
    if not finished:
        return "-"
    if any(o.status == "failed" for o in finished):
        return "FAILED"
    if len({verdict(o) for o in finished}) > 1:
        return "VERDICT"
    if nosym.status == "holds" and runs[0].status == "holds" and nosym.states != runs[0].states \
            and not has_multisets(model):
        return "COUNT"
    if sym1.status == "holds" and runs[2].status == "holds" and sym1.states != runs[2].states:
        return "COUNT"
    return "yes"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cmurphi", required=True, help="CMurphi 5.4.9 source tree with src/mu built")
    ap.add_argument("--timeout", type=int, default=900, help="seconds per run (default 900)")
    ap.add_argument("--memory", type=int, default=1000, help="CMurphi's -m, in MB (default 1000)")
    ap.add_argument("--print", action="store_true", help="print the table instead of updating the docs")
    ap.add_argument("models", nargs="*", help="models, relative to the CMurphi tree (default: every ex/**/*.m)")
    a = ap.parse_args()
    home = os.path.abspath(a.cmurphi)
    models = a.models or sorted(os.path.relpath(os.path.join(d, f), home)
                                for d, _, fs in os.walk(os.path.join(home, "ex")) for f in fs if f.endswith(".m"))
    rows = ["| model | CMurphi -nosym | CMurphi -sym1 | Ballot off | Ballot heuristic | Ballot exhaustive | agree |",
            "|---|---|---|---|---|---|---|"]
    started = time.time()
    for rel in models:
        path = os.path.join(home, rel)
        print("%s ..." % rel, file=sys.stderr, flush=True)
        nosym, sym1 = cmurphi(path, home, a.timeout, a.memory)
        runs = [ballot(path, mode, a.timeout) for mode in MODES]
        agree = agreement(path, nosym, sym1, runs)
        cells = [nosym.cell(), sym1.cell()] + [o.cell() for o in runs]
        rows.append("| `%s` | %s | %s |" % (rel, " | ".join(c.replace("|", "\\|") for c in cells), agree))
        print("  " + rows[-1], file=sys.stderr, flush=True)
    table = "\n".join(rows)
    print("%d models in %.0f s" % (len(models), time.time() - started), file=sys.stderr)
    if a.print:
        print(table)
        return
    doc = os.path.join(ROOT, "docs", "conformance.md")
    with open(doc) as f:
        text = f.read()
    if BEGIN not in text or END not in text:
        sys.exit("docs/conformance.md has no %s ... %s section" % (BEGIN, END))
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with open(doc, "w") as f:
        f.write(head + BEGIN + "\n" + table + "\n" + END + tail)
    print("updated docs/conformance.md", file=sys.stderr)


if __name__ == "__main__":
    main()
