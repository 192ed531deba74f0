#!/usr/bin/env python3
"""Produce golden state/rule counts for the conformance corpus by running Rumur.

For every Murphi model in the corpus directory that is neither skipped nor
expected to be rejected (judged from its `-- key: python-expr` header, exactly
as ../shared/tools/corpus.py does), this script

  1. runs `rumur --output m.c <model rumur_flags> --threads 1
     --symmetry-reduction off model.m`,
  2. compiles the generated checker with
     `cc -std=c11 -O2 -march=native -mcx16 -o m m.c -lpthread -latomic`,
  3. runs `./m` and parses its closing summary
         State Space Explored:
                 N states, M rules fired in Xs.
     and its exit code (0 -> holds, 1 -> violated, anything else -> crash).

Models whose text contains the word `scalarset` (case-insensitive) are run a
second time with `--symmetry-reduction exhaustive`.

`--threads 1` is added (unless the model's own flags set --threads) so that
every count, including the partial count of a run that stops at a violation,
is deterministic. A violated run stops early: its `states` are recorded but
are not a full state-space size.

The corpus headers were written for a newer Rumur than the one usually
installed, so a model the header calls valid may be refused by `rumur`
(status `rumur-rejected`) or produce C that does not compile (`cc-failed`);
the first error line goes into the `note` column instead of aborting.

Output: a TSV (default cli/src/test/resources/golden/rumur-counts.tsv under
the repository root), a `#` comment header describing how it was made, then
one row per (model, symmetry) sorted by model name, symmetry `off` first:

  model  symmetry  verdict  states  rules_fired  status  flags  note

  verdict  holds | violated | -
  status   ok | timeout | rumur-rejected | cc-failed | crash
  flags    every rumur flag used (besides --output), space separated
  note     first error line for rejected/cc-failed/crash rows; for ok rows,
           a remark if the verdict differs from the header's expectation;
           `-` otherwise

Usage (from anywhere; the repository root is found from this file's path):

  scripts/rumur-golden.py                       # whole corpus, default paths
  scripts/rumur-golden.py --timeout 300 --jobs 2
  scripts/rumur-golden.py --output /tmp/x.tsv ../shared/corpus/rumur/foo.m

A summary (counts per status, non-ok rows, total time) is printed to stdout.
Needs only the Python 3 standard library, `rumur` and `cc` on PATH.
"""
import argparse
import concurrent.futures
import datetime
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT / ".." / "shared" / "corpus" / "rumur"
DEFAULT_OUTPUT = REPO_ROOT / "cli" / "src" / "test" / "resources" / "golden" / "rumur-counts.tsv"

# Same header convention and evaluation context as ../shared/tools/corpus.py.
HEADER = re.compile(r"\s*--\s*(?P<key>[a-zA-Z_]\w*)\s*:(?P<value>.*)$")
CTX = {"xml": False, "debug": False, "multithreaded": False, "re": re,
       "smt_args": lambda: None, "smt_bv_args": lambda: None}

SUMMARY = re.compile(r"State Space Explored:\s*\n\s*(\d+) states, (\d+) rules fired")
SCALARSET = re.compile(r"\bscalarset\b", re.IGNORECASE)
# C locale: plain ASCII quotes in cc diagnostics, reproducible across machines.
ENV = dict(os.environ, LC_ALL="C")
CC = ["cc", "-std=c11", "-O2", "-march=native", "-mcx16"]


def expectations(path):
    """Header `-- key: expr` lines, evaluated; anything failing to evaluate is None."""
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


def run(cmd, timeout, cwd=None):
    """(returncode | 'timeout', combined output)."""
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, errors="backslashreplace",
                           timeout=timeout, cwd=cwd, env=ENV)
        return p.returncode, p.stdout + p.stderr
    except subprocess.TimeoutExpired:
        return "timeout", ""


def first_error_line(output, tmp, model):
    """The first line that looks like an error (else the first non-blank line),
    with temporary/absolute paths removed so the TSV stays reproducible."""
    lines = [l.strip() for l in output.splitlines() if l.strip()]
    pick = next((l for l in lines if re.search(r"\berror\b", l, re.IGNORECASE)),
                lines[0] if lines else "(no output)")
    pick = pick.replace(str(model), model.name).replace(tmp + "/", "").replace(tmp, "")
    pick = pick.encode("ascii", "backslashreplace").decode("ascii")
    return re.sub(r"\s+", " ", pick)[:300]


def rumur_flags_for(exp, symmetry, threads):
    flags = [str(x) for x in (exp.get("rumur_flags") or [])]
    if threads and not any(f in ("--threads", "-t") or f.startswith("--threads=") for f in flags):
        flags += ["--threads", str(threads)]
    return flags + ["--symmetry-reduction", symmetry]


def check(model, exp, symmetry, threads, timeout):
    """Run one (model, symmetry) job; returns a result dict."""
    flags = rumur_flags_for(exp, symmetry, threads)
    row = {"model": model.name, "symmetry": symmetry, "verdict": "-", "states": "-",
           "rules_fired": "-", "status": "ok", "flags": " ".join(flags), "note": "-"}
    t0 = time.time()
    with tempfile.TemporaryDirectory(prefix="rumur-golden-") as tmp:
        rc, out = run(["rumur", "--output", f"{tmp}/m.c", *flags, str(model)], timeout)
        if rc != 0:
            row["status"] = "timeout" if rc == "timeout" else "rumur-rejected"
            row["note"] = "rumur timed out" if rc == "timeout" else first_error_line(out, tmp, model)
            return finish(row, t0)
        rc, out = run([*CC, "-o", f"{tmp}/m", f"{tmp}/m.c", "-lpthread", "-latomic"], timeout)
        if rc != 0:
            row["status"] = "timeout" if rc == "timeout" else "cc-failed"
            row["note"] = "cc timed out" if rc == "timeout" else first_error_line(out, tmp, model)
            return finish(row, t0)
        rc, out = run([f"{tmp}/m"], timeout, cwd=tmp)
        if rc == "timeout":
            row["status"] = "timeout"
            row["note"] = f"checker exceeded {timeout}s"
            return finish(row, t0)
        found = SUMMARY.findall(out)
        if found:
            row["states"], row["rules_fired"] = found[-1]
        if rc in (0, 1):
            row["verdict"] = "holds" if rc == 0 else "violated"
            want = "violated" if exp.get("checker_exit_code", 0) else "holds"
            if row["verdict"] != want:
                row["note"] = f"header expects {want}"
            if not found:
                row["note"] = "no 'State Space Explored' summary in output"
        else:
            row["status"] = "crash"
            row["note"] = (f"checker killed by signal {-rc}" if rc < 0 else f"checker exit code {rc}")
    return finish(row, t0)


def finish(row, t0):
    row["secs"] = time.time() - t0
    return row


def collect(paths):
    models = []
    for p in paths:
        p = Path(p)
        models += sorted(p.glob("*.m")) if p.is_dir() else [p]
    return sorted(set(m.resolve() for m in models), key=lambda m: m.name)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", default=[str(DEFAULT_CORPUS)],
                    help=f"corpus directories or model files (default {DEFAULT_CORPUS})")
    ap.add_argument("--output", default=str(DEFAULT_OUTPUT), help=f"TSV path (default {DEFAULT_OUTPUT})")
    ap.add_argument("--timeout", type=int, default=120, help="seconds per rumur/cc/checker step (default 120)")
    ap.add_argument("--jobs", type=int, default=2, help="models run in parallel (default 2)")
    ap.add_argument("--threads", type=int, default=1,
                    help="checker threads passed as --threads unless the model sets it; 0 = don't pass (default 1)")
    a = ap.parse_args()

    start = time.time()
    version = subprocess.run(["rumur", "--version"], capture_output=True, text=True).stdout.strip()
    jobs, skipped, rejected = [], [], []
    for m in collect(a.paths):
        exp = expectations(m)
        if exp.get("skip_reason"):
            skipped.append(m.name)
            continue
        if exp.get("rumur_exit_code", 0):
            rejected.append(m.name)
            continue
        jobs.append((m, exp, "off"))
        if SCALARSET.search(m.read_text(encoding="utf-8", errors="replace")):
            jobs.append((m, exp, "exhaustive"))

    rows = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as pool:
        futures = [pool.submit(check, m, exp, sym, a.threads, a.timeout) for m, exp, sym in jobs]
        for fut in concurrent.futures.as_completed(futures):
            r = fut.result()
            rows.append(r)
            print(f"{r['model']}\t{r['symmetry']}\t{r['status']}\t{r['verdict']}\t"
                  f"{r['states']}\t{r['secs']:.1f}s", file=sys.stderr, flush=True)
    sym_order = {"off": 0, "exhaustive": 1}
    rows.sort(key=lambda r: (r["model"], sym_order[r["symmetry"]]))
    elapsed = time.time() - start

    cols = ["model", "symmetry", "verdict", "states", "rules_fired", "status", "flags", "note"]
    out = Path(a.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    cmdline = " ".join(shlex.quote(x) for x in [os.path.relpath(__file__, REPO_ROOT), *sys.argv[1:]])
    header = [
        "# Golden state-space counts from Rumur, the reference Murphi model checker.",
        f"# Produced by: {cmdline}   (run from {REPO_ROOT.name}/; see scripts/README.md)",
        f"# Rumur: {version}",
        f"# Date: {datetime.date.today().isoformat()}",
        f"# Checker built with: {' '.join(CC)} -o m m.c -lpthread -latomic; timeout {a.timeout}s per step",
        "# Models: every corpus model not skipped and not expected to be rejected (per its header);",
        "#   symmetry=off for all, plus symmetry=exhaustive for models mentioning 'scalarset'.",
        "# verdict: holds (checker exit 0) | violated (exit 1; the run stopped early, so states are partial) | -",
        "# status: ok | timeout | rumur-rejected | cc-failed | crash; note: first error line, or '-'",
        "\t".join(cols),
    ]
    tmp_out = out.with_suffix(out.suffix + ".tmp")
    with open(tmp_out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header) + "\n")
        for r in rows:
            f.write("\t".join(str(r[c]).replace("\t", " ") for c in cols) + "\n")
    os.replace(tmp_out, out)

    by_status = {}
    for r in rows:
        by_status[r["status"]] = by_status.get(r["status"], 0) + 1
    verdicts = {v: sum(r["verdict"] == v for r in rows) for v in ("holds", "violated", "-")}
    print(f"Rumur: {version}")
    print(f"models: {len({r['model'] for r in rows})} run ({len(rows)} runs), "
          f"{len(skipped)} skipped, {len(rejected)} expected-rejected (not run)")
    print("status: " + ", ".join(f"{k}={v}" for k, v in sorted(by_status.items())))
    print("verdict: " + ", ".join(f"{k}={v}" for k, v in verdicts.items()))
    bad = [r for r in rows if r["status"] != "ok"]
    if bad:
        print("non-ok rows:")
        for r in bad:
            print(f"  {r['model']}\t{r['symmetry']}\t{r['status']}\t{r['note']}")
    odd = [r for r in rows if r["status"] == "ok" and r["note"] != "-"]
    if odd:
        print("ok rows with remarks:")
        for r in odd:
            print(f"  {r['model']}\t{r['symmetry']}\t{r['verdict']}\t{r['note']}")
    print(f"wrote {out} ({len(rows)} rows) in {elapsed:.0f}s")


if __name__ == "__main__":
    main()
