#!/usr/bin/env python3
"""Differential testing of Ballot against Rumur on random Murphi models.

For every seed in a range this script generates one small, valid Murphi model
(deterministically from the seed), checks it with Rumur (the reference) and
with Ballot, and reports every disagreement:

  * the verdict class differs (holds vs. violated), or
  * both hold but the numbers of states differ, or
  * Ballot rejects (exit 3), crashes (exit 1), reports a soundness failure
    (exit 5) or times out on a model Rumur accepted and checked.

When both tools report a violation nothing more is compared (a violated run
stops early, so its counts are partial).

Each disagreeing model is written to FINDINGS/seed-N.m with a comment header
giving both outcomes, and a summary line is printed for it. Models Rumur
rejects (or whose generated C does not compile) are skipped and counted as
"rumur-rejected"; a sample of their first error lines is printed so that the
generator can be fixed.

The generator (class Gen) covers: subranges with negative bounds, booleans,
enums, records, arrays indexed by ranges, enums and booleans, arrays of
records; + - * / % on negative operands, comparisons, & | ! -> && ||, ?:,
forall/exists (also `i := a to b by s`), variable array indexes, isundefined
with undefine and clear; assignment, if/elsif/else, switch, for (negative
steps too), bounded while, procedures with var parameters (sometimes the same
variable twice), functions, assert, error, return, rule-local variables,
aliases; rules, nested rulesets, several start states (some in rulesets),
invariants. Assignments may go out of range, divisors may be zero and
undefined values may be read, each with a small, seed-chosen probability, so
some models must be reported as violated by both tools. Expressions are
printed with full, minimal (Rumur's precedence table) or random parentheses.

Generated models avoid the differences Ballot documents on purpose
(docs/language.md): a `for`/`exists`/`forall` range `a to b` with a > b
(Rumur counts down) or a step in the wrong direction at run time, and
`x := y` with `y` an undefined whole variable (Ballot copies the undefined
value as CMurphi does; Rumur reports an error).

Rumur is run as
    rumur --output m.c --threads 1 --symmetry-reduction off
          --deadlock-detection off --value-type int32_t model.m
    cc -std=c11 -O1 -march=native -mcx16 -o m m.c -lpthread -latomic && ./m
(`--value-type int32_t`: with its default `auto`, Rumur computes in the
narrowest type that holds the model's declared ranges, unsigned when none is
negative, and reports `x - 5` on a 0..3 variable as an integer overflow;
int_fast32_t is 64 bits on x86-64 Linux, so intermediate results behave as
mathematical integers, as in Murphi and in Ballot). Ballot is run as
    java -Xss16m -jar JAR check model.m --threads 1 --symmetry-reduction off
         --deadlock-detection off --json out.json
(`--deadlock-detection stuck|stuttering` sets both tools' mode instead of off;
`--temporal` adds cover and liveness properties, compared when the search
completes.) Only one model runs at a time.

Usage:
  scripts/rumur-differential.py --seeds 0-299
  scripts/rumur-differential.py --seeds 1000-1999 --jar /tmp/diff/ballot.jar \\
      --findings /tmp/diff/findings --keep /tmp/diff/models --timeout 60
  scripts/rumur-differential.py --print 17        # print seed 17's model and exit
  scripts/rumur-differential.py --seeds 0-149 --wide --ballot-args '--compact-states on --threads 2'
                                                  # states over 63 bits, Ballot's tree-compressed store
  scripts/rumur-differential.py --seeds 0-149 --deadlock-detection stuttering
  scripts/rumur-differential.py --seeds 0-199 --temporal   # covers and liveness too

Exits 1 when there is a finding, else 0. Python 3 standard library only;
needs `rumur`, `cc` and `java` on PATH.
"""
import argparse
import shlex
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JAR = REPO_ROOT / "cli" / "target" / "ballot.jar"

# Parsing of Rumur's closing summary, as in rumur-golden.py.
SUMMARY = re.compile(r"State Space Explored:\s*\n\s*(\d+) states, (\d+) rules fired")
ENV = dict(os.environ, LC_ALL="C")
CC = ["cc", "-std=c11", "-O1", "-march=native", "-mcx16"]
RUMUR_FLAGS = ["--threads", "1", "--symmetry-reduction", "off", "--deadlock-detection", "off",
               "--value-type", "int32_t"]
BALLOT_FLAGS = ["--threads", "1", "--symmetry-reduction", "off", "--deadlock-detection", "off"]


# --------------------------------------------------------------------------------------------
# Types
# --------------------------------------------------------------------------------------------

class RangeT:
    def __init__(self, lo, hi, name=None):
        self.lo, self.hi, self.name = lo, hi, name

    def size(self):
        return self.hi - self.lo + 1

    def text(self):
        return self.name or f"{self.lo}..{self.hi}"


class BoolT:
    name = None

    def size(self):
        return 2

    def text(self):
        return "boolean"


class EnumT:
    def __init__(self, name, members):
        self.name, self.members = name, members

    def size(self):
        return len(self.members)

    def text(self):
        return self.name


class RecT:
    def __init__(self, name, fields):
        self.name, self.fields = name, fields  # fields: [(fname, type)]

    def text(self):
        return self.name


class ArrT:
    def __init__(self, name, idx, elem):
        self.name, self.idx, self.elem = name, idx, elem

    def text(self):
        return self.name


BOOL = BoolT()


def is_simple(t):
    return isinstance(t, (RangeT, BoolT, EnumT))


def state_count(t):
    """Values of a type, counting 'undefined' for each simple part (an upper bound)."""
    if is_simple(t):
        return t.size() + 1
    if isinstance(t, RecT):
        n = 1
        for _, ft in t.fields:
            n *= state_count(ft)
        return n
    return state_count(t.elem) ** t.idx.size()


def index_values(t):
    """Literal texts of the values of an index type."""
    if isinstance(t, RangeT):
        return [str(v) for v in range(t.lo, t.hi + 1)]
    if isinstance(t, EnumT):
        return list(t.members)
    return ["false", "true"]


# --------------------------------------------------------------------------------------------
# Expressions (a tiny AST printed with Rumur's precedence table)
# --------------------------------------------------------------------------------------------

# Rumur's parser.yy, lowest first: ?: (nonassoc), -> (nonassoc), ||, &&, |, ^, &, ! (prefix),
# comparisons (nonassoc), << >>, + -, * / % (and unary minus).
LEVEL = {"?:": 1, "->": 2, "||": 3, "&&": 4, "|": 5, "&": 7, "!": 8,
         "<": 9, "<=": 9, ">": 9, ">=": 9, "=": 9, "!=": 9,
         "+": 11, "-": 11, "*": 12, "/": 12, "%": 12, "neg": 12}
NONASSOC = {"?:", "->", "<", "<=", ">", ">=", "=", "!="}
ATOM = 13


class E:
    """kind: lit (v), atom (text), bin (op, l, r), not (e), neg (e), tern (c, a, b)."""
    __slots__ = ("kind", "a", "b", "c", "op")

    def __init__(self, kind, a=None, b=None, c=None, op=None):
        self.kind, self.a, self.b, self.c, self.op = kind, a, b, c, op

    def level(self):
        k = self.kind
        if k == "lit":
            return LEVEL["neg"] if isinstance(self.a, int) and self.a < 0 else ATOM
        if k == "atom":
            return ATOM
        if k == "bin":
            return LEVEL[self.op]
        if k == "not":
            return LEVEL["!"]
        if k == "neg":
            return LEVEL["neg"]
        return LEVEL["?:"]


def lit(v):
    return E("lit", v)


def atom(text):
    return E("atom", text)


def binop(op, l, r):
    return E("bin", l, r, op=op)


def tern(c, a, b):
    return E("tern", c, a, b)


def neg(e):
    return E("neg", e)


def enot(e):
    return E("not", e)


class Printer:
    """mode: full (every compound operand in parentheses), minimal (only where Rumur's
    precedence needs them) or random (minimal plus random extra parentheses)."""

    def __init__(self, mode, rng):
        self.mode, self.rng = mode, rng

    def wrap(self, e, need):
        s = self.p(e)
        if need or (e.level() < ATOM and (self.mode == "full" or
                                          (self.mode == "random" and self.rng.random() < 0.4))):
            return "(" + s + ")"
        return s

    def p(self, e):
        k = e.kind
        if k == "lit":
            if isinstance(e.a, bool):
                return "true" if e.a else "false"
            return str(e.a)
        if k == "atom":
            return e.a
        if k == "neg":
            return "-" + self.wrap(e.a, e.a.level() < ATOM)
        if k == "not":
            return "!" + self.wrap(e.a, e.a.level() < LEVEL["!"])
        if k == "tern":
            return (self.wrap(e.a, e.a.level() <= 1) + " ? " + self.wrap(e.b, e.b.level() <= 1)
                    + " : " + self.wrap(e.c, e.c.level() <= 1))
        lv = LEVEL[e.op]
        if e.op in NONASSOC:
            ln, rn = e.a.level() <= lv, e.b.level() <= lv
        else:  # left associative
            ln, rn = e.a.level() < lv, e.b.level() <= lv
        return self.wrap(e.a, ln) + " " + e.op + " " + self.wrap(e.b, rn)


# --------------------------------------------------------------------------------------------
# Scope
# --------------------------------------------------------------------------------------------

class Sym:
    def __init__(self, name, ty, writable, kind, undefable=False, lo=None, hi=None):
        self.name, self.ty, self.writable, self.kind = name, ty, writable, kind
        self.undefable = undefable      # may be undefined: reads are guarded by isundefined
        self.lo, self.hi = lo, hi       # static range of an integer quantifier variable


def leaf_range(t):
    return (t.lo, t.hi) if isinstance(t, RangeT) else None


# --------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------

class SeededChoices:
    """A generator's draws: self.r (random.Random), self.n (names made so far), self.risk (per model)."""

    def fresh(self, prefix):
        self.n += 1
        return f"{prefix}{self.n}"

    def chance(self, p):
        return self.r.random() < p

    def unsafe(self):
        """Whether to leave a store, divisor or read unguarded this time (the model's risk)."""
        return self.risk > 0 and self.r.random() < self.risk


class Gen(SeededChoices):
    MAX_STATES = 60000   # bound on the product of the global variables' value counts

    def __init__(self, seed, temporal=False):
        self.seed = seed
        self.temporal = temporal  # also cover and liveness properties
        r = self.r = random.Random(seed)
        self.pr = Printer(r.choice(["full", "minimal", "minimal", "random"]), r)
        # Per-model risk: probability that a potentially failing operation is left unguarded.
        self.risk = r.choice([0.0, 0.0, 0.02, 0.05, 0.1, 0.2])
        self.use_undef = r.random() < 0.4
        self.use_andand = r.random() < 0.3
        self.n = 0
        self.types, self.consts, self.globals = [], [], []
        self.funcs, self.procs = [], []     # (name, [(pname, type, is_var)], rettype|None, reads globals)
        self.in_init = False                # generating a start state's initial values
        self.out = []

    # ---------------------------------------------------------------- declarations

    def gen_decls(self):
        r = self.r
        for _ in range(r.randint(0, 2)):
            self.consts.append((self.fresh("c"), r.randint(-3, 5)))
        ranges = []
        for _ in range(r.randint(1, 3)):
            lo = r.choice([-4, -3, -2, -1, 0, 0, 0, 1])
            hi = lo + r.randint(1, 6)
            t = RangeT(lo, hi, self.fresh("r"))
            ranges.append(t)
            self.types.append(t)
        enums = []
        for _ in range(r.choice([0, 1, 1, 2])):
            name = self.fresh("e")
            t = EnumT(name, [f"{name}_{ch}" for ch in "abcd"[:r.randint(2, 4)]])
            enums.append(t)
            self.types.append(t)
        simples = ranges + enums + [BOOL]
        recs = []
        for _ in range(r.choice([0, 1, 1, 2])):
            fields = [(self.fresh("f"), self.small_simple(simples)) for _ in range(r.randint(1, 3))]
            t = RecT(self.fresh("rec"), fields)
            recs.append(t)
            self.types.append(t)
        self.arrs = []
        for _ in range(r.choice([0, 1, 1, 2])):
            idxs = [t for t in ranges if t.size() <= 3] + [t for t in enums if t.size() <= 3] + [BOOL]
            idx = r.choice(idxs) if r.random() < 0.7 else RangeT(r.choice([-1, 0, 1]), 0, None)
            if idx.name is None and isinstance(idx, RangeT):
                idx.hi = idx.lo + r.randint(1, 2)
            elem = r.choice([self.small_simple(simples)] * 3 + recs)
            t = ArrT(self.fresh("arr"), idx, elem)
            self.arrs.append(t)
            self.types.append(t)
        self.ranges, self.enums, self.recs, self.simples = ranges, enums, recs, simples
        # global variables
        total = 1
        want = r.randint(3, 7)
        for _ in range(12):
            if len(self.globals) >= want:
                break
            pool = simples * 2 + recs + self.arrs + [RangeT(*self.anon_bounds())]
            t = r.choice(pool)
            undef = self.use_undef and r.random() < (0.4 if is_simple(t) else 0.25)
            n = state_count(t)
            if total * n > self.MAX_STATES:
                continue
            total *= n
            self.globals.append(Sym(self.fresh("v"), t, True, "global", undefable=undef))
        if not self.globals:
            self.globals.append(Sym(self.fresh("v"), BOOL, True, "global"))

    def anon_bounds(self):
        lo = self.r.randint(-3, 1)
        return lo, lo + self.r.randint(1, 5)

    def small_simple(self, simples):
        t = self.r.choice(simples)
        if isinstance(t, RangeT) and t.size() > 5 and self.r.random() < 0.5:
            return BOOL
        return t

    def emit_decls(self):
        o = self.out
        if self.consts:
            o.append("const")
            for name, v in self.consts:
                o.append(f"  {name}: {v};")
        if self.types:
            o.append("type")
            for t in self.types:
                if isinstance(t, RangeT):
                    lo = str(t.lo)
                    hi = str(t.hi)
                    # sometimes write a bound with a constant
                    for cname, cv in self.consts:
                        if cv == t.hi and self.chance(0.5):
                            hi = cname
                    o.append(f"  {t.name}: {lo}..{hi};")
                elif isinstance(t, EnumT):
                    o.append(f"  {t.name}: enum {{ {', '.join(t.members)} }};")
                elif isinstance(t, RecT):
                    fs = " ".join(f"{f}: {ft.text()};" for f, ft in t.fields)
                    o.append(f"  {t.name}: record {fs} end;")
                else:
                    o.append(f"  {t.name}: array [{t.idx.text()}] of {t.elem.text()};")
        o.append("var")
        for s in self.globals:
            o.append(f"  {s.name}: {s.ty.text()};")
        o.append("")

    # ---------------------------------------------------------------- designators

    def contains(self, t, want):
        if want(t):
            return True
        if isinstance(t, RecT):
            return any(self.contains(ft, want) for _, ft in t.fields)
        if isinstance(t, ArrT):
            return self.contains(t.elem, want)
        return False

    def designator(self, scope, want, writable=False, depth=0, for_var_arg=False):
        """A random designator whose type satisfies want: (text, type, sym, whole) or None."""
        cands = [s for s in scope if (s.writable or not writable) and self.contains(s.ty, want)
                 and not (for_var_arg and (s.undefable or s.kind in ("quant", "alias_expr")))]
        if not cands:
            return None
        s = self.r.choice(cands)
        text, t, whole = s.name, s.ty, True
        while not want(t) or (not is_simple(t) and self.contains_deeper(t, want) and self.chance(0.5)):
            if isinstance(t, RecT):
                f, ft = self.r.choice([(f, ft) for f, ft in t.fields if self.contains(ft, want)])
                text, t = f"{text}.{f}", ft
            elif isinstance(t, ArrT):
                text, t = f"{text}[{self.index_expr(scope, t.idx, depth + 1)}]", t.elem
            else:
                break
            whole = False
        return text, t, s, whole

    def contains_deeper(self, t, want):
        if isinstance(t, RecT):
            return any(self.contains(ft, want) for _, ft in t.fields)
        if isinstance(t, ArrT):
            return self.contains(t.elem, want)
        return False

    def index_expr(self, scope, idx, depth):
        r = self.r
        if isinstance(idx, RangeT):
            if depth < 3 and self.unsafe():
                return self.pr.p(self.int_expr(scope, depth + 1))
            safe = [s for s in scope if self.int_range_of(s) and not s.undefable
                    and idx.lo <= self.int_range_of(s)[0] and self.int_range_of(s)[1] <= idx.hi]
            if safe and depth < 3 and r.random() < 0.6:
                return r.choice(safe).name
            if depth < 2 and r.random() < 0.2:
                # an in-range computed index: lo + ((e % n) + n) % n
                n = idx.size()
                e = self.int_expr(scope, depth + 2)
                inner = binop("%", binop("+", binop("%", e, lit(n)), lit(n)), lit(n))
                return self.pr.p(binop("+", lit(idx.lo), inner) if idx.lo else inner)
            return str(r.randint(idx.lo, idx.hi))
        if isinstance(idx, EnumT):
            safe = [s for s in scope if s.ty is idx and not s.undefable]
            if safe and depth < 3 and r.random() < 0.5:
                return r.choice(safe).name
            return r.choice(idx.members)
        if depth < 3 and r.random() < 0.4:
            return self.pr.p(self.bool_expr(scope, depth + 2))
        return r.choice(["true", "false"])

    @staticmethod
    def int_range_of(s):
        if s.kind == "quant" and s.lo is not None:
            return s.lo, s.hi
        if isinstance(s.ty, RangeT):
            return s.ty.lo, s.ty.hi
        return None

    def read(self, scope, want, depth, default):
        """An rvalue of a designator of simple type satisfying want, guarding undefined ones."""
        d = self.designator(scope, want, depth=depth)
        if d is None:
            return None
        text, t, s, whole = d
        # An unguarded read may be an error (both tools must say so), but never `x := u` with u a
        # whole variable, alias or parameter: Ballot copies the undefined value there on purpose.
        if s.undefable and (whole or s.kind == "alias" or not self.unsafe()):
            return tern(atom(f"isundefined({text})"), default, atom(text))
        return atom(text)

    # ---------------------------------------------------------------- expressions

    def int_expr(self, scope, depth=0):
        r = self.r
        if depth >= 3 or r.random() < 0.25 + 0.15 * depth:
            return self.int_leaf(scope, depth)
        k = r.random()
        if k < 0.45:
            op = r.choice(["+", "-", "*", "+", "-", "/", "%"])
            a = self.int_expr(scope, depth + 1)
            if op in "/%":
                return binop(op, a, self.divisor(scope, depth + 1))
            return binop(op, a, self.int_expr(scope, depth + 1))
        if k < 0.55:
            return neg(self.int_expr(scope, depth + 1))
        if k < 0.68:
            return tern(self.bool_expr(scope, depth + 1), self.int_expr(scope, depth + 1),
                        self.int_expr(scope, depth + 1))
        if k < 0.8:
            f = self.pick_func(lambda t: isinstance(t, RangeT))
            if f:
                return self.call(scope, f, depth)
        return self.int_leaf(scope, depth)

    def divisor(self, scope, depth):
        r = self.r
        if self.unsafe():
            return self.int_expr(scope, depth)
        k = r.random()
        if k < 0.5:
            return lit(r.choice([-3, -2, -1, 1, 2, 3, 4]))
        d = self.int_expr(scope, depth + 1)
        if k < 0.8:  # d = 0 ? 1 : d
            return tern(binop("=", d, lit(0)), lit(r.choice([1, -1, 2])), d)
        return binop("+", binop("*", d, d), lit(1))   # always >= 1

    def int_leaf(self, scope, depth):
        r = self.r
        k = r.random()
        if k < 0.55:
            e = self.read(scope, lambda t: isinstance(t, RangeT), depth, lit(0))
            if e is not None:
                return e
            qs = [s for s in scope if s.kind == "quant" and s.lo is not None]
            if qs:
                return atom(r.choice(qs).name)
        if k < 0.65 and self.consts:
            return atom(r.choice(self.consts)[0])
        if self.risk > 0 and r.random() < 0.01:
            return lit(r.choice([3037000500, 4611686018427387904, 9223372036854775807]))
        return lit(r.randint(-5, 6))

    def enum_expr(self, scope, et, depth=0):
        r = self.r
        if depth < 3 and r.random() < 0.15:
            return tern(self.bool_expr(scope, depth + 1), self.enum_expr(scope, et, depth + 1),
                        self.enum_expr(scope, et, depth + 1))
        if r.random() < 0.6:
            e = self.read(scope, lambda t: t is et, depth, atom(et.members[0]))
            if e is not None:
                return e
        return atom(r.choice(et.members))

    def bool_expr(self, scope, depth=0):
        r = self.r
        if depth >= 3:
            return self.bool_leaf(scope, depth)
        k = r.random()
        if k < 0.3:
            op = r.choice(["<", "<=", ">", ">=", "=", "!="])
            return binop(op, self.int_expr(scope, depth + 1), self.int_expr(scope, depth + 1))
        if k < 0.5:
            ops = ["&", "|", "->", "&", "|"] + (["&&", "||"] if self.use_andand else [])
            return binop(r.choice(ops), self.bool_expr(scope, depth + 1), self.bool_expr(scope, depth + 1))
        if k < 0.58:
            return enot(self.bool_expr(scope, depth + 1))
        if k < 0.64 and self.enums:
            et = r.choice(self.enums)
            return binop(r.choice(["=", "!="]), self.enum_expr(scope, et, depth + 1),
                         self.enum_expr(scope, et, depth + 1))
        if k < 0.72:
            return self.quantified(scope, depth)
        if k < 0.76:
            return tern(self.bool_expr(scope, depth + 1), self.bool_expr(scope, depth + 1),
                        self.bool_expr(scope, depth + 1))
        if k < 0.8:
            return binop(r.choice(["=", "!="]), self.bool_expr(scope, depth + 1),
                         self.bool_expr(scope, depth + 1))
        if k < 0.86:
            f = self.pick_func(lambda t: t is BOOL)
            if f:
                return self.call(scope, f, depth)
        if k < 0.93:
            e = self.short_circuit(scope, depth)
            if e is not None:
                return e
        if k < 0.97:
            e = self.composite_eq(scope, depth)
            if e is not None:
                return e
        return self.bool_leaf(scope, depth)

    def short_circuit(self, scope, depth):
        """An operand that is an error to evaluate, protected by the left operand of &, |, ->."""
        r = self.r
        k = r.random()
        if k < 0.5:
            d = self.designator([s for s in scope if s.undefable], is_simple, depth=depth + 1)
            if d is None:
                return None
            text, t = d[0], d[1]
            if isinstance(t, RangeT):
                test = binop(r.choice(["<", ">=", "=", "!="]), atom(text), lit(r.randint(t.lo, t.hi)))
            elif t is BOOL:
                test = atom(text)
            else:
                test = binop("=", atom(text), atom(r.choice(t.members)))
            undef = atom(f"isundefined({text})")
            form = r.choice(["|", "&", "->"])
            if form == "|":
                return binop("|", undef, test)
            return binop(form, enot(undef), test)
        if k < 0.8:
            a = self.int_expr(scope, depth + 1)
            dv = self.int_expr(scope, depth + 2)
            q = binop(r.choice(["/", "%"]), a, dv)
            test = binop(r.choice(["<", ">=", "=", "!="]), q, lit(r.randint(-2, 2)))
            if r.random() < 0.5:
                return binop("&", binop("!=", dv, lit(0)), test)
            return binop("|", binop("=", dv, lit(0)), test)
        # an index checked before it is used
        arrs = [s for s in scope if isinstance(s.ty, ArrT) and isinstance(s.ty.idx, RangeT)
                and is_simple(s.ty.elem) and not s.undefable]
        if not arrs:
            return None
        s = r.choice(arrs)
        t = s.ty
        i = self.int_expr(scope, depth + 2)
        el = atom(f"{s.name}[{self.pr.p(i)}]")
        if isinstance(t.elem, RangeT):
            test = binop(r.choice(["<", ">=", "="]), el, lit(r.randint(t.elem.lo, t.elem.hi)))
        elif t.elem is BOOL:
            test = el
        else:
            test = binop("!=", el, atom(t.elem.members[0]))
        rng = binop("&", binop(">=", i, lit(t.idx.lo)), binop("<=", i, lit(t.idx.hi)))
        return binop("&", rng, test)

    def composite_eq(self, scope, depth):
        r = self.r
        comp = [s for s in scope if isinstance(s.ty, (RecT, ArrT)) and not s.undefable]
        if not comp:
            return None
        s = r.choice(comp)
        d1 = self.designator([x for x in scope if not x.undefable], lambda t: t is s.ty, depth=depth + 1)
        d2 = self.designator([x for x in scope if not x.undefable], lambda t: t is s.ty, depth=depth + 1)
        return binop(r.choice(["=", "!="]), atom(d1[0]), atom(d2[0]))

    def bool_leaf(self, scope, depth):
        r = self.r
        k = r.random()
        if k < 0.55:
            e = self.read(scope, lambda t: t is BOOL, depth, lit(False))
            if e is not None:
                return e
        if k < 0.7:
            d = self.designator([s for s in scope if s.undefable], is_simple, depth=depth + 1)
            if d:
                return atom(f"isundefined({d[0]})")
        if k < 0.85:
            return binop(r.choice(["<", ">=", "=", "!="]), self.int_leaf(scope, depth), lit(r.randint(-2, 3)))
        return lit(r.random() < 0.5)

    def quant_spec(self, scope, allow_var_bounds=True, type_only=False):
        """(header text, quantifier Sym) for a for/exists/forall/ruleset quantifier.
        type_only: only `i: T` forms (Rumur 2022.08.20 crashes on `ruleset i := a to b`)."""
        r = self.r
        name = self.fresh("i")
        k = r.random() * (0.4 if type_only else 1)
        if k < 0.3:
            t = r.choice(self.ranges + self.enums + [BOOL])
            lo, hi = leaf_range(t) or (None, None)
            return f"{name}: {t.text()}", Sym(name, t, False, "quant", lo=lo, hi=hi)
        if k < 0.4:
            lo, hi = self.anon_bounds()
            return f"{name}: {lo}..{hi}", Sym(name, RangeT(lo, hi), False, "quant", lo=lo, hi=hi)
        lo = r.randint(-4, 2)
        hi = lo + r.randint(0, 5)
        step = r.choice([None, None, 1, 2, 3, -1, -2])
        if step is None:
            return f"{name} := {lo} to {hi}", Sym(name, RangeT(lo, hi), False, "quant", lo=lo, hi=hi)
        # variable bound: a range designator whose type keeps the direction right
        if allow_var_bounds and r.random() < 0.35:
            # a variable bound, with a constant other bound that keeps the direction right
            # whatever the variable's value (the body may change the variable)
            cand = [s for s in scope if isinstance(s.ty, RangeT) and not s.undefable
                    and s.kind in ("global", "local", "param")]
            if cand:
                s = r.choice(cand)
                v, vlo, vhi = s.name, s.ty.lo, s.ty.hi
                by = "" if step == 1 and r.random() < 0.5 else f" by {step}"
                if step > 0 and r.random() < 0.5:
                    top = max(hi, vhi)
                    return f"{name} := {v} to {top}{by}", Sym(name, RangeT(vlo, top), False, "quant", lo=vlo, hi=top)
                if step > 0:
                    bot = min(lo, vlo)
                    return f"{name} := {bot} to {v}{by}", Sym(name, RangeT(bot, vhi), False, "quant", lo=bot, hi=vhi)
                if r.random() < 0.5:
                    top = max(hi, vhi)
                    return f"{name} := {top} to {v}{by}", Sym(name, RangeT(vlo, top), False, "quant", lo=vlo, hi=top)
                bot = min(lo, vlo)
                return f"{name} := {v} to {bot}{by}", Sym(name, RangeT(bot, vhi), False, "quant", lo=bot, hi=vhi)
        if step > 0:
            return f"{name} := {lo} to {hi} by {step}", Sym(name, RangeT(lo, hi), False, "quant", lo=lo, hi=hi)
        return f"{name} := {hi} to {lo} by {step}", Sym(name, RangeT(lo, hi), False, "quant", lo=lo, hi=hi)

    def quantified(self, scope, depth):
        head, q = self.quant_spec(scope)
        body = self.bool_expr(scope + [q], depth + 1)
        kw = self.r.choice(["exists", "forall"])
        return atom(f"{kw} {head} do {self.pr.p(body)} end{kw if self.chance(0.5) else ''}")

    def pick_func(self, want_ret):
        fs = [f for f in self.funcs if want_ret(f[2]) and not (self.in_init and f[3])]
        return self.r.choice(fs) if fs else None

    def call(self, scope, f, depth):
        name, params = f[0], f[1]
        args = [self.pr.p(self.in_range(scope, pt, depth + 1)) for _, pt, _ in params]
        return atom(f"{name}({', '.join(args)})")

    def expr_of(self, scope, t, depth=0):
        if isinstance(t, RangeT):
            return self.int_expr(scope, depth)
        if t is BOOL:
            return self.bool_expr(scope, depth)
        return self.enum_expr(scope, t, depth)

    def in_range(self, scope, t, depth=0):
        """An expression of simple type t whose value is (mostly) within t."""
        r = self.r
        if not isinstance(t, RangeT):
            return self.expr_of(scope, t, depth)
        e = self.int_expr(scope, depth)
        if self.unsafe():
            return e
        k = r.random()
        n = t.size()
        if k < 0.35:   # lo + ((e % n) + n) % n
            inner = binop("%", binop("+", binop("%", e, lit(n)), lit(n)), lit(n))
            return binop("+", lit(t.lo), inner) if t.lo else inner
        if k < 0.7:    # clamp
            return tern(binop("<", e, lit(t.lo)), lit(t.lo), tern(binop(">", e, lit(t.hi)), lit(t.hi), e))
        if k < 0.85:
            return lit(r.randint(t.lo, t.hi))
        d = self.designator(scope, lambda x: isinstance(x, RangeT) and t.lo <= x.lo and x.hi <= t.hi)
        if d and not d[2].undefable:
            return atom(d[0])
        return lit(r.randint(t.lo, t.hi))

    # ---------------------------------------------------------------- statements

    def stmts(self, scope, ctx, depth, n=None):
        r = self.r
        n = n if n is not None else r.randint(1, 4 if depth == 0 else 2)
        out = []
        for _ in range(n):
            out += self.stmt(scope, ctx, depth)
        return out

    def stmt(self, scope, ctx, depth):
        """ctx: dict(kind=rule|start|proc|func, ret=type, locals=[...])."""
        r = self.r
        k = r.random()
        if depth >= 3:
            k = k * 0.35
        if k < 0.35:
            return self.assign(scope, depth)
        if k < 0.45:
            c = self.bool_expr(scope, 1)
            body = [f"if {self.pr.p(c)} then"] + self.ind(self.stmts(scope, ctx, depth + 1))
            for _ in range(r.choice([0, 0, 1, 2])):
                body += [f"elsif {self.pr.p(self.bool_expr(scope, 1))} then"] + \
                    self.ind(self.stmts(scope, ctx, depth + 1))
            if r.random() < 0.5:
                body += ["else"] + self.ind(self.stmts(scope, ctx, depth + 1))
            return body + [r.choice(["end;", "endif;"])]
        if k < 0.52:
            return self.switch(scope, ctx, depth)
        if k < 0.6:
            head, q = self.quant_spec(scope)
            return [f"for {head} do"] + self.ind(self.stmts(scope + [q], ctx, depth + 1)) + \
                [r.choice(["end;", "endfor;"])]
        if k < 0.64:
            return self.while_loop(scope, ctx, depth)
        if k < 0.72 and self.procs:
            return self.proc_call(scope)
        if k < 0.78:
            return self.alias_stmt(scope, ctx, depth)
        if k < 0.82:
            d = self.designator(scope, lambda t: True, writable=True)
            if d:
                return [f"clear {d[0]};"]
        if k < 0.86:
            d = self.designator([s for s in scope if s.undefable], lambda t: True, writable=True, depth=1)
            if d:
                out = [f"undefine {d[0]};"]
                if is_simple(d[1]) and r.random() < 0.5:
                    out.append(f"{d[0]} := {self.pr.p(self.in_range(scope, d[1], 1))};")
                return out
        if k < 0.9:
            return [self.assertion(scope)]
        if k < 0.92 and ctx["kind"] in ("rule", "proc", "start"):
            return [f"if {self.pr.p(self.bool_expr(scope, 1))} then", "  return;", "end;"]
        if k < 0.93 and ctx["kind"] == "func":
            return [f"if {self.pr.p(self.bool_expr(scope, 1))} then",
                    f"  return {self.pr.p(self.in_range(scope, ctx['ret'], 1))};", "end;"]
        if k < 0.94 and self.unsafe():
            return [f"if {self.pr.p(self.bool_expr(scope, 1))} then", f'  error "e{self.fresh("")}";', "end;"]
        return self.assign(scope, depth)

    @staticmethod
    def ind(lines):
        return ["  " + l for l in lines]

    def assign(self, scope, depth):
        r = self.r
        if r.random() < 0.08:
            # whole copy of a composite value between designators of the same named type
            comp = [s for s in scope if isinstance(s.ty, (RecT, ArrT)) and s.writable]
            if comp:
                s = r.choice(comp)
                d = self.designator([x for x in scope if s.undefable or not x.undefable], lambda t: t is s.ty)
                if d:
                    return [f"{s.name} := {d[0]};"]
        d = self.designator(scope, is_simple, writable=True, depth=1)
        if d is None:
            return []
        text, t, s, whole = d
        if isinstance(t, RangeT) and r.random() < 0.3:
            # counter-style update, sometimes unguarded (can go out of range)
            step = r.choice([1, 1, -1, 2])
            upd = binop("+" if step > 0 else "-", atom(text), lit(abs(step)))
            if s.undefable and not self.unsafe():
                return [f"if !isundefined({text}) then", f"  {text} := {self.pr.p(self.in_range(scope, t, 1))};",
                        "end;"]
            if self.unsafe():
                return [f"{text} := {self.pr.p(upd)};"]
            bound = binop("<=" if step > 0 else ">=", upd, lit(t.hi if step > 0 else t.lo))
            return [f"if {self.pr.p(bound)} then", f"  {text} := {self.pr.p(upd)};",
                    "else", f"  {text} := {self.pr.p(lit(t.lo if step > 0 else t.hi))};", "end;"]
        return [f"{text} := {self.pr.p(self.in_range(scope, t, 1))};"]

    def switch(self, scope, ctx, depth):
        r = self.r
        if self.enums and r.random() < 0.4:
            et = r.choice(self.enums)
            subj = self.enum_expr(scope, et, 1)
            labels = list(et.members)
        else:
            subj = self.int_expr(scope, 1)
            labels = [str(v) for v in range(-3, 5)]
            if self.consts and r.random() < 0.3:
                cn, cv = r.choice(self.consts)
                labels = [l for l in labels if l != str(cv)] + [cn]
        r.shuffle(labels)
        out = [f"switch {self.pr.p(subj)}"]
        pos = 0
        for _ in range(r.randint(1, 3)):
            take = labels[pos:pos + r.randint(1, 2)]
            pos += len(take)
            if not take:
                break
            out += [f"case {', '.join(take)}:"] + self.ind(self.stmts(scope, ctx, depth + 1))
        if r.random() < 0.6:
            out += ["else"] + self.ind(self.stmts(scope, ctx, depth + 1))
        return out + [r.choice(["end;", "endswitch;"])]

    def while_loop(self, scope, ctx, depth):
        r = self.r
        w = self.fresh("w")
        bound = r.randint(1, 4)
        ctx["locals"].append((w, RangeT(0, bound)))
        cond = binop("&", binop("<", atom(w), lit(bound)), self.bool_expr(scope, 1))
        body = self.stmts(scope, ctx, depth + 1) + [f"{w} := {w} + 1;"]
        return [f"{w} := 0;", f"while {self.pr.p(cond)} do"] + self.ind(body) + [r.choice(["end;", "endwhile;"])]

    def proc_call(self, scope):
        r = self.r
        name, params = r.choice(self.procs)[:2]
        args = []
        prev_var = None
        for _, pt, is_var in params:
            if is_var:
                if prev_var and prev_var[1] is pt and r.random() < 0.3:
                    args.append(prev_var[0])   # the same variable passed twice
                    continue
                d = self.designator(scope, lambda t, pt=pt: t is pt, writable=True, for_var_arg=True)
                if d is None:
                    return []
                args.append(d[0])
                prev_var = (d[0], pt)
            else:
                args.append(self.pr.p(self.in_range(scope, pt, 1)))
        return [f"{name}({', '.join(args)});"]

    def alias_stmt(self, scope, ctx, depth):
        r = self.r
        a = self.fresh("a")
        if r.random() < 0.25:
            e = self.int_expr(scope, 1)
            sym = Sym(a, RangeT(-99, 99), False, "alias_expr")
            return [f"alias {a}: {self.pr.p(e)} do"] + self.ind(self.stmts(scope + [sym], ctx, depth + 1)) + \
                [r.choice(["end;", "endalias;"])]
        d = self.designator(scope, lambda t: True, writable=r.random() < 0.8)
        if d is None:
            return []
        text, t, s, whole = d
        sym = Sym(a, t, s.writable, "alias", undefable=s.undefable)
        return [f"alias {a}: {text} do"] + self.ind(self.stmts(scope + [sym], ctx, depth + 1)) + \
            [r.choice(["end;", "endalias;"])]

    def assertion(self, scope):
        r = self.r
        k = r.random()
        if k < 0.4:
            # truncating division identity: (e / d) * d + e % d = e
            e = self.int_expr(scope, 1)
            d = lit(r.choice([-3, -2, 2, 3, 4]))
            c = binop("=", binop("+", binop("*", binop("/", e, d), d), binop("%", e, d)), e)
        elif k < 0.6:
            d = self.designator(scope, lambda t: isinstance(t, RangeT))
            if d and not d[2].undefable:
                c = binop("&", binop(">=", atom(d[0]), lit(d[1].lo)), binop("<=", atom(d[0]), lit(d[1].hi)))
            else:
                c = lit(True)
        elif k < 0.75:
            e = self.int_expr(scope, 1)
            m = r.choice([2, 3, -3])
            c = binop("<", binop("%", e, lit(m)), lit(abs(m)))
        else:
            c = self.bool_expr(scope, 1) if self.risk > 0 and r.random() < 0.3 else lit(True)
        return f'assert {self.pr.p(c)} "a{self.fresh("")}";'

    # ---------------------------------------------------------------- procedures and functions

    def gen_subprograms(self):
        r = self.r
        for _ in range(r.choice([0, 0, 1, 1, 2])):
            self.gen_func()
        for _ in range(r.choice([0, 1, 1, 2])):
            self.gen_proc()

    def named_for_param(self):
        return [t for t in self.types if t.name] + [BOOL]

    def gen_func(self):
        r = self.r
        name = self.fresh("fn")
        params = []
        for _ in range(r.randint(1, 2)):
            params.append((self.fresh("p"), r.choice(self.simples), False))
        ret = r.choice(self.simples)
        reads_globals = r.random() < 0.5
        scope = list(self.globals) if reads_globals else []
        scope += [Sym(p, t, False, "param") for p, t, _ in params]
        ctx = {"kind": "func", "ret": ret, "locals": []}
        loc = []
        if r.random() < 0.5:
            line, sym = self.initialised_local(scope, ctx)
            loc = [line]
            scope = scope + [sym]
        # Function bodies change only their locals (no side effects in guards or invariants).
        body_scope = [s if s.kind == "local" else Sym(s.name, s.ty, False, s.kind, s.undefable, s.lo, s.hi)
                      for s in scope]
        body = loc + (self.stmts(body_scope, ctx, 1) if r.random() < 0.6 else [])
        body.append(f"return {self.pr.p(self.in_range(body_scope, ret, 1))};")
        ps = "; ".join(f"{p}: {t.text()}" for p, t, _ in params)
        text = [f"function {name}({ps}): {ret.text()};"]
        if ctx["locals"]:
            text.append("var")
            text += [f"  {n}: {t.text()};" for n, t in ctx["locals"]]
        text += ["begin"] + self.ind(body) + [r.choice(["end;", "endfunction;"]), ""]
        self.out += text
        self.funcs.append((name, params, ret, reads_globals))

    def gen_proc(self):
        r = self.r
        name = self.fresh("pr")
        params = []
        for _ in range(r.randint(1, 3)):
            if r.random() < 0.6:
                params.append((self.fresh("p"), r.choice(self.named_for_param()), True))
            else:
                params.append((self.fresh("p"), r.choice(self.simples), False))
        scope = list(self.globals) + [Sym(p, t, is_var, "param") for p, t, is_var in params]
        ctx = {"kind": "proc", "locals": []}
        body = self.stmts(scope, ctx, 1, n=r.randint(1, 3))
        ps = "; ".join(f"{'var ' if v else ''}{p}: {t.text()}" for p, t, v in params)
        text = [f"procedure {name}({ps});"]
        if ctx["locals"]:
            text.append("var")
            text += [f"  {n}: {t.text()};" for n, t in ctx["locals"]]
        text += ["begin"] + self.ind(body or ["clear " + self.globals[0].name + ";"]) + \
            [r.choice(["end;", "endprocedure;"]), ""]
        self.out += text
        self.procs.append((name, params, None, True))

    # ---------------------------------------------------------------- rules

    def init_stmts(self, scope, s):
        """Statements giving global s a value (no reads of other globals)."""
        r = self.r
        t = s.ty
        if s.undefable and r.random() < 0.3:
            return [f"undefine {s.name};"]
        if not is_simple(t) and r.random() < 0.3:
            return [f"clear {s.name};"]
        return self.init_value(scope, s.name, t)

    def init_value(self, scope, text, t):
        r = self.r
        if is_simple(t):
            if r.random() < 0.15:
                return [f"clear {text};"]
            return [f"{text} := {self.pr.p(self.in_range(scope, t, 2))};"]
        if isinstance(t, RecT):
            out = []
            for f, ft in t.fields:
                out += self.init_value(scope, f"{text}.{f}", ft)
            return out
        q = self.fresh("i")
        lo, hi = leaf_range(t.idx) or (None, None)
        qs = Sym(q, t.idx, False, "quant", lo=lo, hi=hi)
        return [f"for {q}: {t.idx.text()} do"] + self.ind(self.init_value(scope + [qs], f"{text}[{q}]", t.elem)) + \
            ["end;"]

    def startstate(self, params):
        r = self.r
        scope = list(params)
        body = []
        self.in_init = True
        for s in self.globals:
            body += self.init_stmts(scope, s)
        self.in_init = False
        if r.random() < 0.3:
            ctx = {"kind": "start", "locals": []}
            more = self.stmts(list(self.globals) + scope, ctx, 1, n=1)
            body += more
            loc = ctx["locals"]
        else:
            loc = []
        name = f'"s{self.fresh("")}" ' if r.random() < 0.7 else ""
        text = [f"startstate {name}"]
        if loc:
            text += ["var"] + [f"  {n}: {t.text()};" for n, t in loc]
        text += ["begin"] + self.ind(body) + [r.choice(["end;", "endstartstate;"])]
        return text

    def initialised_local(self, scope, ctx):
        """A new local of a simple type, declared in ctx: its assignment from an in-range expression over scope, and
        its symbol."""
        lv = self.fresh("l")
        lt = self.r.choice(self.simples)
        ctx["locals"].append((lv, lt))
        return f"{lv} := {self.pr.p(self.in_range(scope, lt, 1))};", Sym(lv, lt, True, "local")

    def rule(self, params):
        r = self.r
        scope = list(self.globals) + list(params)
        ctx = {"kind": "rule", "locals": []}
        pre = []
        if r.random() < 0.35:
            line, sym = self.initialised_local(scope, ctx)
            pre = [line]
            scope.append(sym)
        gscope = scope[:len(scope) - (1 if pre else 0)]
        g = r.random()
        guard = None
        if g < 0.3:
            guard = self.bool_expr(gscope, 1)
        elif g < 0.7:
            guard = self.simple_guard(gscope)
        body = pre + self.movers(scope, params) + self.stmts(scope, ctx, 0)
        head = f'rule "r{self.fresh("")}"'
        if guard is not None:
            head += f" {self.pr.p(guard)} ==>"
        text = [head]
        if ctx["locals"]:
            text += ["var"] + [f"  {n}: {t.text()};" for n, t in ctx["locals"]]
        text += ["begin"] + self.ind(body) + [r.choice(["end;", "endrule;"])]
        return text

    def simple_guard(self, scope):
        """A guard that holds in many states: a bound on one value, or a boolean."""
        r = self.r
        d = self.designator(scope, lambda t: isinstance(t, (RangeT, BoolT)), depth=1)
        if d is None or d[2].undefable:
            return lit(True)
        text, t = d[0], d[1]
        if t is BOOL:
            return atom(text) if r.random() < 0.5 else enot(atom(text))
        v = r.randint(t.lo, t.hi)
        return binop(r.choice(["!=", "<=", ">=", "!="]), atom(text), lit(v))

    def movers(self, scope, params):
        """Statements that spread the reachable states: a leaf takes a ruleset parameter's
        value, or steps up or down with wrap-around."""
        r = self.r
        out = []
        for _ in range(r.choice([1, 1, 2])):
            d = self.designator(scope, is_simple, writable=True, depth=1)
            if d is None:
                break
            text, t, s, whole = d
            if s.undefable:
                continue
            fit = [q for q in params if q.ty is t or (isinstance(t, RangeT) and q.lo is not None
                                                      and t.lo <= q.lo and q.hi <= t.hi)]
            if fit and r.random() < 0.6:
                out.append(f"{text} := {r.choice(fit).name};")
            elif isinstance(t, RangeT):
                up = r.random() < 0.6
                nxt = binop("+" if up else "-", atom(text), lit(1))
                wrap = lit(t.lo if up else t.hi)
                edge = binop("=", atom(text), lit(t.hi if up else t.lo))
                out.append(f"{text} := {self.pr.p(tern(edge, wrap, nxt))};")
            elif t is BOOL:
                out.append(f"{text} := {self.pr.p(enot(atom(text)))};")
            else:
                m = t.members
                e = atom(m[0])
                for a, b in zip(reversed(m[:-1]), reversed(m[1:])):
                    e = tern(binop("=", atom(text), atom(a)), atom(b), e)
                out.append(f"{text} := {self.pr.p(e)};")
        return out

    def in_rulesets(self, make, nest):
        r = self.r
        params, heads = [], []
        for _ in range(nest):
            head, q = self.quant_spec([], allow_var_bounds=False, type_only=True)
            params.append(q)
            heads.append(head)
        text = make(params)
        for h in reversed(heads):
            text = [f"ruleset {h} do"] + self.ind(text) + [r.choice(["end;", "endruleset;"])]
        return text

    def invariant(self):
        r = self.r
        scope = list(self.globals)
        k = r.random()
        if k < 0.15:
            e = self.bool_expr(scope, 0)
        elif k < 0.5:
            # an identity that holds whatever the state
            x = self.int_expr(scope, 1)
            d = lit(r.choice([-3, -2, 2, 3]))
            e = binop("=", binop("+", binop("*", binop("/", x, d), d), binop("%", x, d)), x)
        elif k < 0.75:
            # a bound that the types already guarantee
            d = self.designator(scope, lambda t: isinstance(t, RangeT))
            if d is None or d[2].undefable:
                e = lit(True)
            else:
                e = binop("<=", atom(d[0]), lit(d[1].hi))
                if d[0].count("[") and r.random() < 0.5:
                    e = binop("->", self.bool_expr(scope, 2), e)
        else:
            # a relation between two values, which may fail
            a = self.int_leaf(scope, 1)
            b = self.int_leaf(scope, 1)
            e = binop("<=", binop("-", a, b), lit(r.randint(1, 6)))
        name = f'"inv{self.fresh("")}" ' if r.random() < 0.8 else ""
        return [f"invariant {name}{self.pr.p(e)};"]

    def temporal_property(self, kind):
        """A cover (hit in some reachable state) or a liveness property (Rumur's meaning: from every reachable state
        one where it holds can be reached), named, as an invariant's expression may be: some hold, some not."""
        r = self.r
        scope = list(self.globals)
        if r.random() < 0.5:
            e = self.bool_expr(scope, 1)
        else:
            d = self.designator(scope, lambda t: isinstance(t, RangeT))
            if d is None or d[2].undefable:
                e = self.bool_expr(scope, 1)
            else:
                e = binop(r.choice(["=", "<=", ">="]), atom(d[0]), lit(r.randint(d[1].lo, d[1].hi)))
        return [f'{kind} "{kind[:3]}{self.fresh("")}" {self.pr.p(e)};']

    # ---------------------------------------------------------------- the model

    def model(self):
        r = self.r
        self.gen_decls()
        self.emit_decls()
        self.gen_subprograms()
        for _ in range(r.choice([1, 1, 1, 2])):
            nest = r.choice([0, 0, 0, 1])
            self.out += self.in_rulesets(self.startstate, nest) + [""]
        for _ in range(r.randint(2, 6)):
            nest = r.choice([0, 0, 1, 1, 2])
            self.out += self.in_rulesets(self.rule, nest) + [""]
        for _ in range(r.choice([1, 1, 2, 3])):
            self.out += self.invariant()
        if self.temporal:
            for _ in range(r.choice([0, 1, 1, 2, 3])):
                self.out += self.temporal_property(r.choice(["cover", "liveness", "liveness"]))
        head = [f"-- rumur-differential.py seed {self.seed} (parens {self.pr.mode}, risk {self.risk})", ""]
        return "\n".join(head + self.out) + "\n"


def generate(seed, temporal=False):
    return Gen(seed, temporal).model()


# --------------------------------------------------------------------------------------------
# Running the tools
# --------------------------------------------------------------------------------------------

def run(cmd, timeout, cwd=None):
    """(returncode | 'timeout', combined output)."""
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, errors="backslashreplace",
                           timeout=timeout, cwd=cwd, env=ENV)
        return p.returncode, p.stdout + p.stderr
    except subprocess.TimeoutExpired:
        return "timeout", ""


def first_error_line(output):
    lines = [l.strip() for l in output.splitlines() if l.strip()]
    pick = next((l for l in lines if re.search(r"\berror\b", l, re.IGNORECASE)),
                lines[0] if lines else "(no output)")
    return re.sub(r"\s+", " ", pick)[:200]


def rumur_check(model, tmp, timeout, flags=RUMUR_FLAGS):
    """dict(status=ok|rejected|cc-failed|timeout|crash, verdict, states, note); flags: rumur's options."""
    res = {"status": "ok", "verdict": "-", "states": None, "note": ""}
    rc, out = run(["rumur", "--output", f"{tmp}/m.c", *flags, str(model)], timeout)
    if rc != 0:
        res["status"] = "timeout" if rc == "timeout" else "rejected"
        res["note"] = first_error_line(out)
        return res
    rc, out = run([*CC, "-o", f"{tmp}/m", f"{tmp}/m.c", "-lpthread", "-latomic"], timeout)
    if rc != 0:
        res["status"] = "timeout" if rc == "timeout" else "cc-failed"
        res["note"] = first_error_line(out)
        return res
    rc, out = run([f"{tmp}/m"], timeout, cwd=tmp)
    if rc == "timeout":
        res["status"] = "timeout"
        return res
    found = SUMMARY.findall(out)
    if found:
        res["states"] = int(found[-1][0])
    if rc in (0, 1):
        res["verdict"] = "holds" if rc == 0 else "violated"
        res["covers"] = {n: int(h or 0) for n, h in re.findall(r'cover "([^"]*)" (?:not hit|hit (\d+) times)', out)}
        res["liveness"] = set(re.findall(r'liveness property "([^"]*)" violated', out))
        res["safety"] = "error trace for the error" in out
        if rc == 1:
            m = re.search(r"error trace for the error:\s*\n\s*(.*)", out)
            res["note"] = re.sub(r"\s+", " ", m.group(1)).strip()[:200] if m else first_error_line(out)
            res["kind"] = "invariant" if m and m.group(1).startswith("invariant ") else "other"
            res["depth"] = len(re.findall(r"^(?:Startstate|Rule) .* fired\.$", out, re.MULTILINE))
    else:
        res["status"] = "crash"
        res["note"] = f"checker exit {rc}"
    return res


def ballot_check(jar, model, tmp, timeout, extra=()):
    """dict(status=ok|rejected|incomplete|error|timeout, verdict, states, note, rc); extra: more check options."""
    res = {"status": "ok", "verdict": "-", "states": None, "note": "", "rc": None}
    js = Path(tmp) / "ballot.json"
    if js.exists():
        js.unlink()
    rc, out = run(["java", "-Xss16m", "-jar", str(jar), "check", str(model), *ballot_flags(extra), *extra,
                   "--json", str(js)], timeout)
    res["rc"] = rc
    if rc == "timeout":
        res["status"] = "timeout"
        return res
    rep = None
    if js.exists():
        try:
            rep = json.loads(js.read_text(encoding="utf-8"))
        except ValueError:
            rep = None
    if rep:
        res["states"] = rep.get("states")
        v = rep.get("violations") or []
        res["covers"] = {c["property"]: c["hits"] for c in rep.get("covers") or []}
        res["liveness"] = {x.get("property") for x in v if x.get("kind") == "liveness"}
        res["safety"] = any(x.get("kind") not in ("liveness", "cover") for x in v)
        if v:
            res["note"] = f"{v[0].get('kind')}: {v[0].get('message')} at {v[0].get('location')}"
            res["kind"] = "invariant" if v[0].get("kind") == "invariant" else "other"
            res["depth"] = len(v[0].get("trace") or [])
    if rc == 0:
        res["verdict"] = "holds"
    elif isinstance(rc, int) and 10 <= rc <= 19:
        res["verdict"] = "violated"
    elif rc == 3:
        res["status"] = "rejected"
        res["note"] = first_error_line(out)
    elif rc == 4:
        res["status"] = "incomplete"
        res["note"] = first_error_line(out)
    else:
        res["status"] = "error"
        res["note"] = f"exit {rc}: " + first_error_line(out)
    if res["note"]:
        res["note"] = res["note"].replace(str(model), model.name)
    return res


def temporal_disagreement(ru, ba):
    """What differs in covers and liveness, or None. Compared when Ballot's whole search found no safety violation
    (it runs with --max-errors, so it reports every liveness violation): then Rumur's search is complete too, with
    the same states, the same hits per cover (each state counted once) and, when Rumur found every cover hit (it
    reports an unhit cover before it checks liveness), the same violated liveness properties."""
    if ba["safety"]:
        return None
    if ru["safety"]:
        return "rumur found a safety violation, ballot's complete search none"
    if ba["states"] != ru["states"]:
        return f"states: rumur {ru['states']}, ballot {ba['states']}"
    if ba["covers"] != ru["covers"]:
        return f"cover hits: rumur {ru['covers']}, ballot {ba['covers']}"
    if all(ru["covers"].values()) and ba["liveness"] != ru["liveness"]:
        return f"liveness violated: rumur {sorted(ru['liveness'])}, ballot {sorted(ba['liveness'])}"
    return None


def with_option(flags, name, value):
    """flags with option name's value replaced by value."""
    out = list(flags)
    out[out.index(name) + 1] = value
    return out


def ballot_flags(extra):
    """BALLOT_FLAGS less the options that `extra` gives itself (an option may be given once)."""
    flags = []
    for name, value in zip(BALLOT_FLAGS[::2], BALLOT_FLAGS[1::2]):
        if name not in extra:
            flags += [name, value]
    return flags


def widened(text):
    """text with a never-assigned (undefined) 64-bit array declared amid its variables: the state count is the same,
    and the variables after it sit past the first 64 bits of the packed state, across word boundaries."""
    lines = text.split("\n")
    start = lines.index("var") + 1
    end = start
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    at = start + (end - start) // 2
    lines.insert(at, "  wide_pad_: array [0..3] of 0..65535;")
    return "\n".join(lines)


def describe(name, r):
    s = f"{name}: {r['status']}"
    if r["status"] == "ok":
        s = f"{name}: {r['verdict']}, {r['states']} states"
    return s + (f" ({r['note']})" if r["note"] else "")


def parse_seeds(text):
    out = []
    for part in text.split(","):
        if "-" in part.strip()[1:]:
            a, b = part.split("-", 1)
            out += list(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="See the module docstring (top of the file) for details.")
    ap.add_argument("--seeds", default="0-99", help="seeds, e.g. 0-299 or 5,7,100-120 (default 0-99)")
    ap.add_argument("--jar", default=str(DEFAULT_JAR), help=f"Ballot's jar (default {DEFAULT_JAR})")
    ap.add_argument("--findings", default="/tmp/diff/findings",
                    help="where disagreeing models go (default /tmp/diff/findings)")
    ap.add_argument("--keep", help="also keep every generated model in this directory")
    ap.add_argument("--timeout", type=int, default=60, help="seconds per tool step (default 60)")
    ap.add_argument("--deadlock-detection", default="off", choices=["off", "stuck", "stuttering"],
                    help="both tools' deadlock detection (default off; stuck: no rule enabled; stuttering: no "
                         "enabled rule changes the state, as both define it)")
    ap.add_argument("--print", type=int, metavar="SEED", help="print the model of SEED and exit")
    ap.add_argument("--ballot-args", default="", metavar="'OPTIONS'",
                    help="more options for Ballot's check, e.g. '--compact-states on --threads 2'")
    ap.add_argument("--wide", action="store_true",
                    help="add a never-assigned 64-bit variable amid the model's variables, so that its states "
                         "are over 63 bits (the records or the tree-compressed store, not the inline set)")
    ap.add_argument("--temporal", action="store_true",
                    help="also cover and liveness properties: their hits and violations are compared (other seeds' "
                         "models than without it; Ballot runs with --max-errors 1000 to report every liveness "
                         "violation, as Rumur does)")
    a = ap.parse_args()
    ballot_extra = shlex.split(a.ballot_args)
    if "--deadlock-detection" not in ballot_extra:
        ballot_extra += ["--deadlock-detection", a.deadlock_detection]
    if a.temporal and "--max-errors" not in ballot_extra:
        ballot_extra += ["--max-errors", "1000"]

    if a.print is not None:
        text = generate(a.print, a.temporal)
        sys.stdout.write(widened(text) if a.wide else text)
        return 0

    seeds = parse_seeds(a.seeds)
    findings_dir = Path(a.findings)
    findings_dir.mkdir(parents=True, exist_ok=True)
    keep = Path(a.keep) if a.keep else None
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
    jar = Path(a.jar).resolve()
    counts = {}
    rejected, findings = [], []
    start = time.time()
    with tempfile.TemporaryDirectory(prefix="rumur-diff-") as tmp:
        for seed in seeds:
            text = generate(seed, a.temporal)
            if a.wide:
                text = widened(text)
            model = Path(tmp) / f"seed-{seed}.m"
            model.write_text(text, encoding="utf-8")
            if keep:
                (keep / model.name).write_text(text, encoding="utf-8")
            ru = rumur_check(model, tmp, a.timeout, with_option(RUMUR_FLAGS, "--deadlock-detection",
                                                                a.deadlock_detection))
            if ru["status"] in ("rejected", "cc-failed"):
                counts["rumur-rejected"] = counts.get("rumur-rejected", 0) + 1
                rejected.append((seed, ru["status"], ru["note"].replace(str(model), model.name)))
                print(f"seed {seed}: rumur-rejected", file=sys.stderr, flush=True)
                continue
            if ru["status"] != "ok":
                key = f"rumur-{ru['status']}"
                counts[key] = counts.get(key, 0) + 1
                print(f"seed {seed}: {key}", file=sys.stderr, flush=True)
                continue
            ru["note"] = ru["note"].replace(str(model), model.name)
            ba = ballot_check(jar, model, tmp, a.timeout, ballot_extra)
            why = None
            if ba["status"] in ("rejected", "error"):
                why = f"ballot {ba['status']}"
            elif ba["status"] in ("timeout", "incomplete"):
                key = f"ballot-{ba['status']}"
                counts[key] = counts.get(key, 0) + 1
                why = f"ballot {ba['status']}"
            elif ba["verdict"] != ru["verdict"]:
                why = f"verdict: rumur {ru['verdict']}, ballot {ba['verdict']}"
            elif ru["verdict"] == "holds" and ba["states"] != ru["states"]:
                why = f"states: rumur {ru['states']}, ballot {ba['states']}"
            elif a.temporal:
                why = temporal_disagreement(ru, ba)
            if why is None:
                key = f"agree-{ru['verdict']}"
                counts[key] = counts.get(key, 0) + 1
                extra = f"; {ru['note']}" if ru["verdict"] == "violated" else ""
                if a.temporal and not ba["safety"] and (ru["covers"] or ru["liveness"]):
                    counts["temporal-compared"] = counts.get("temporal-compared", 0) + 1
                    extra += f"; covers {ru['covers']}, liveness violated {sorted(ru['liveness'])}"
                print(f"seed {seed}: {key} ({ru['states']} states{extra})", file=sys.stderr, flush=True)
                continue
            counts["finding"] = counts.get("finding", 0) + 1
            head = [f"-- finding: {why}",
                    "-- " + describe("Rumur", ru),
                    "-- " + describe("Ballot", ba)]
            out = findings_dir / f"seed-{seed}.m"
            out.write_text("\n".join(head) + "\n" + text, encoding="utf-8")
            findings.append((seed, why, out))
            print(f"FINDING seed {seed}: {why} -> {out}", flush=True)
    elapsed = time.time() - start
    print(f"{len(seeds)} seeds in {elapsed:.0f}s: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    if rejected:
        print(f"rumur-rejected ({len(rejected)}), first lines of up to 10:")
        for seed, st, note in rejected[:10]:
            print(f"  seed {seed} {st}: {note}")
    if findings:
        print(f"{len(findings)} finding(s):")
        for seed, why, out in findings:
            print(f"  seed {seed}: {why}  ({out})")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
