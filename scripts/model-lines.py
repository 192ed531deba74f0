#!/usr/bin/env python3
"""Lines of model code of each protocol model and its extension-based twin (*-ext.m).

A line of model code is a line that is neither blank nor only a comment ('--' to end of line, '/* ... */').
Prints one row per plain model that has a twin: plain lines, twin lines and the ratio; exits 1 when a twin is
above the limit (default 60%). Usage: scripts/model-lines.py [--limit 0.6] [protocols/models]
"""
import argparse
import pathlib
import re
import sys


def code_lines(text: str) -> int:
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    count = 0
    for line in text.splitlines():
        line = re.sub(r"--.*", "", line).strip()
        if line:
            count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default=str(pathlib.Path(__file__).resolve().parent.parent / "protocols" / "models"))
    parser.add_argument("--limit", type=float, default=0.6)
    args = parser.parse_args()
    rows, over = [], False
    for twin in sorted(pathlib.Path(args.root).rglob("*-ext.m")):
        plain = twin.with_name(twin.name.replace("-ext.m", ".m"))
        if not plain.exists():
            print(f"{twin}: no plain twin {plain.name}", file=sys.stderr)
            over = True
            continue
        p, t = code_lines(plain.read_text()), code_lines(twin.read_text())
        ratio = t / p
        over |= ratio > args.limit
        rows.append((str(plain.relative_to(args.root)), p, twin.name, t, ratio))
    print(f"| plain model | lines | extension twin | lines | ratio |")
    print(f"|---|---:|---|---:|---:|")
    for plain, p, twin, t, ratio in rows:
        flag = "" if ratio <= args.limit else " (over the limit)"
        print(f"| {plain} | {p} | {twin} | {t} | {ratio:.0%}{flag} |")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
