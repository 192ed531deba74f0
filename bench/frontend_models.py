#!/usr/bin/env python3
"""Generates the front end's stress models (see docs/benchmarks.md, "Front end: input size").

  bench/frontend_models.py rules N       N rules, each with its own guard and assignment
  bench/frontend_models.py sum N         one assignment x := 1 + 1 + ... + 1 of N terms
  bench/frontend_models.py parens N      an expression inside N nested parentheses
  bench/frontend_models.py ifs N         N nested if statements

The model is printed on stdout. Not part of the test suite.
"""
import sys


def rules(n):
    out = ["const N: %d;" % n, "type r: 0 .. 3;", "var"]
    out += ["  v%d: r;" % i for i in range(n)]
    out += ["startstate", "begin"]
    out += ["  v%d := 0;" % i for i in range(n)]
    out += ["end;", ""]
    for i in range(n):
        out += [
            'rule "step %d"' % i,
            "  v%d < 3 ==>" % i,
            "begin",
            "  v%d := v%d + 1;" % (i, i),
            "end;",
            "",
        ]
    out += ["invariant \"bounded\" v0 <= 3;"]
    return "\n".join(out) + "\n"


def header():
    return "var x: 0 .. 1000000;\nstartstate begin x := 0; end;\n"


def total(n):
    # x is at most 1,000,000; 1+...+1 of n terms is n, so the rule stays within range for n <= 1,000,000.
    body = " + ".join(["1"] * n)
    return header() + 'rule "sum" x = 0 ==> begin x := %s; end;\n' % body


def parens(n):
    return header() + 'rule "deep" x = 0 ==> begin x := %s1%s; end;\n' % ("(" * n, ")" * n)


def ifs(n):
    body = "if x = 0 then " * n + "x := 1;" + " end;" * n
    return header() + 'rule "deep" x = 0 ==> begin %s end;\n' % body


def main():
    kinds = {"rules": rules, "sum": total, "parens": parens, "ifs": ifs}
    if len(sys.argv) != 3 or sys.argv[1] not in kinds or not sys.argv[2].isdigit():
        sys.exit(__doc__)
    sys.stdout.write(kinds[sys.argv[1]](int(sys.argv[2])))


if __name__ == "__main__":
    main()
