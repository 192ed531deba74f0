#!/usr/bin/env python3
"""Differential testing of Ballot's symmetry reduction against Rumur's, on random scalarset models.

For every seed this script generates one small Murphi model that is symmetric by construction in one or two
scalarset types, and checks it with Rumur 2022.08.20 and with Ballot under each symmetry mode:

  * off: the verdicts agree and, when the model holds, the state counts are equal;
  * exhaustive: the same (each tool keeps one state per orbit, so both count the orbits);
  * heuristic: the verdicts agree (the tools' heuristics may keep different numbers of states), and Ballot's count
    lies between its exhaustive and its off count.

Anything else (a verdict or a count that differs, a Ballot rejection, crash or time-out on a model Rumur checked)
is a finding, written to FINDINGS/seed-N.m with both tools' outcomes in a comment header.

What makes the models symmetric: scalarset values are only compared with = and !=, used as array indexes,
stored, left undefined, bound by rulesets, `for`, `forall` and `exists`; no scalarset is cleared (clear sets its
first value) and none is compared with a constant; start states set every element of a scalarset-indexed array
alike (or as a function of its own index, `link[i] := i`), or come from a ruleset over the scalarset; and a `for`
over a scalarset writes only the elements its loop variable indexes and reads nothing else the loop writes, so
its iterations commute.

What the models hold: scalarsets of 1 to 3 values (a second scalarset in a third of the models), small ranges,
enums, booleans, scalarset-valued variables, arrays indexed by scalarsets, ranges, enums and booleans, arrays of
arrays, records with scalarset fields, arrays mapping a scalarset to itself; rulesets over one or two scalarset
parameters (with `p != q` guards), over ranges too; if/else, switch on enums, `for` over scalarsets, undefine,
assignments of scalarset values between variables; guards and invariants with forall/exists over scalarsets. A
small, seed-chosen risk leaves an out-of-range write or an undefined read unguarded, so some models are violated.

Rumur is run with `--symmetry-reduction MODE --deadlock-detection off --value-type int32_t --threads 1`, Ballot with
`check --symmetry-reduction MODE --deadlock-detection off --threads 1` (plus --ballot-args).

Usage:
  scripts/symmetry-differential.py --seeds 0-199
  scripts/symmetry-differential.py --print 17            # print seed 17's model and exit
  scripts/symmetry-differential.py --seeds 0-99 --ballot-args '--threads 2'

Exits 1 when there is a finding, else 0. Python 3 standard library only; needs `rumur`, `cc` and `java` on PATH.
"""
import argparse
import importlib.util
import random
import shlex
import sys
import tempfile
import time
from pathlib import Path

_spec = importlib.util.spec_from_file_location("rumur_differential", Path(__file__).with_name("rumur-differential.py"))
rd = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rd)
_spec = importlib.util.spec_from_file_location("cmurphi_conformance",
                                               Path(__file__).with_name("cmurphi-conformance.py"))
cc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cc)

MODES = ["off", "exhaustive", "heuristic"]


# ------------------------------------------------------------------------------------------------ types

class Scal:
    def __init__(self, name, size):
        self.name, self.size = name, size

    def text(self):
        return self.name

    def count(self):
        return self.size + 1  # and undefined


class Rng:
    def __init__(self, name, lo, hi):
        self.name, self.lo, self.hi = name, lo, hi

    def text(self):
        return self.name

    def count(self):
        return self.hi - self.lo + 1


class Enm:
    def __init__(self, name, members):
        self.name, self.members = name, members

    def text(self):
        return self.name

    def count(self):
        return len(self.members)


class Bool:
    name = "boolean"

    def text(self):
        return "boolean"

    def count(self):
        return 2


BOOL = Bool()


class Uni:
    """A union of scalarsets and enums (CMurphi)."""

    def __init__(self, name, members):
        self.name, self.members = name, members

    def text(self):
        return self.name

    def count(self):
        return sum(m.size if isinstance(m, Scal) else len(m.members) for m in self.members) + 1


class Ms:
    """A multiset (CMurphi): its elements are read only through a binder (choose, multisetcount, ...)."""

    def __init__(self, size, elem):
        self.size, self.elem = size, elem

    def text(self):
        return f"multiset [{self.size}] of {self.elem.text()}"

    def count(self):
        return (self.elem.count() + 1) ** self.size


class Elem:
    """The type of a binder over a multiset's elements: m[i] is of the multiset's element type."""

    def __init__(self, var, elem):
        self.var, self.elem = var, elem


class Rec:
    def __init__(self, name, fields):
        self.name, self.fields = name, fields

    def text(self):
        return self.name

    def count(self):
        n = 1
        for _, t in self.fields:
            n *= t.count()
        return n


class Arr:
    def __init__(self, idx, elem):
        self.idx, self.elem = idx, elem

    def text(self):
        return f"array [{self.idx.text()}] of {self.elem.text()}"

    def count(self):
        size = self.idx.size if isinstance(self.idx, Scal) else self.idx.count()
        return self.elem.count() ** size


def leaves(t):
    """The simple types inside t."""
    if isinstance(t, Rec):
        return [x for _, ft in t.fields for x in leaves(ft)]
    if isinstance(t, Arr):
        return leaves(t.elem)
    return [t]


def values(t):
    """Literal values of a simple, non-scalarset type."""
    if isinstance(t, Rng):
        return [str(v) for v in range(t.lo, t.hi + 1)]
    if isinstance(t, Enm):
        return list(t.members)
    return ["true", "false"]


# ------------------------------------------------------------------------------------------------ generator

class Gen(rd.SeededChoices):
    MAX_STATES = 200000  # bound on the product of the variables' value counts (symmetry off)

    def __init__(self, seed, rich=False):
        self.r = random.Random(seed)
        self.rich = rich  # CMurphi's unions and multisets too
        self.risk = self.r.choice([0.0, 0.0, 0.0, 0.03, 0.08])
        self.n = 0
        self.out = []

    def unsafe_compare(self):
        """Whether to compare a stored scalarset or union value without testing it defined first: CMurphi compares
        an undefined one as a value of its own, where Rumur and Ballot report the read (docs/language.md), so
        never against CMurphi."""
        return self.unsafe() and not self.rich

    # -------------------------------------------------------------------------------------------- declarations

    def decls(self):
        r = self.r
        self.scals = [Scal("P", r.choice([2, 2, 3, 3, 3]))]
        if self.chance(0.33):
            self.scals.append(Scal("Q", r.choice([1, 2, 2])))
        self.rngs = [Rng(self.fresh("R"), lo, lo + r.randint(1, 3)) for lo in [r.choice([0, 0, 1, -1])]]
        if self.chance(0.4):
            self.rngs.append(Rng(self.fresh("R"), 0, 1))
        self.enms = []
        if self.chance(0.6):
            name = self.fresh("E")
            self.enms.append(Enm(name, [f"{name}_{c}" for c in "abc"[:r.randint(2, 3)]]))
        self.unis = []
        if self.rich and self.chance(0.6) and (self.enms or len(self.scals) > 1):
            use_enum = self.enms and (len(self.scals) == 1 or self.chance(0.6))
            members = [self.scals[0]] + (self.enms[:1] if use_enum else self.scals[1:])
            self.unis.append(Uni(self.fresh("U"), members))
        simple = self.scals + self.rngs + self.enms + [BOOL] + self.unis
        self.recs = []
        if self.chance(0.5):
            fields = [(self.fresh("f"), r.choice(simple)) for _ in range(r.randint(2, 3))]
            self.recs.append(Rec(self.fresh("Rec"), fields))
        self.vars = []
        total = 1
        want = r.randint(3, 6)
        for _ in range(30):
            if len(self.vars) >= want:
                break
            t = self.var_type(simple)
            if total * t.count() > self.MAX_STATES:
                continue
            total *= t.count()
            self.vars.append((self.fresh("v"), t))
        if self.rich and self.chance(0.7):
            elem = r.choice(self.scals[:1] * 2 + self.rngs[:1] + self.unis)
            self.vars.append((self.fresh("m"), Ms(r.choice([2, 2, 3]), elem)))
        if not any(isinstance(t, Arr) and isinstance(t.idx, Scal) for _, t in self.vars):
            t = Arr(self.scals[0], r.choice(self.rngs + [BOOL]))
            self.vars.append((self.fresh("v"), t))

    def var_type(self, simple):
        r = self.r
        k = r.random()
        elem_pool = simple + self.recs
        if k < 0.55:
            idx = r.choice(self.scals)
            elem = r.choice(elem_pool)
            if self.chance(0.2):
                elem = Arr(r.choice(self.scals + self.rngs[:1] + [BOOL]), r.choice(simple))
            return Arr(idx, elem)
        if k < 0.65:
            return Arr(r.choice(self.rngs + self.enms + [BOOL]), r.choice(simple))
        if k < 0.8 and self.recs:
            return self.recs[0]
        return r.choice(simple)

    def emit_decls(self):
        o = self.out
        o.append("type")
        for s in self.scals:
            o.append(f"  {s.name}: scalarset({s.size});")
        for t in self.rngs:
            o.append(f"  {t.name}: {t.lo}..{t.hi};")
        for t in self.enms:
            o.append(f"  {t.name}: enum {{ {', '.join(t.members)} }};")
        for t in self.unis:
            o.append(f"  {t.name}: union {{ {', '.join(m.name for m in t.members)} }};")
        for t in self.recs:
            o.append(f"  {t.name}: record {' '.join(f'{f}: {ft.text()};' for f, ft in t.fields)} end;")
        o.append("var")
        for name, t in self.vars:
            o.append(f"  {name}: {t.text()};")
        o.append("")

    # -------------------------------------------------------------------------------------------- designators

    def binders(self, scope, scal):
        return [n for n, t in scope if t is scal]

    def designator(self, scope, want, loop=None, write=False):
        """(text, type) of a random part of a variable whose type satisfies want, or None. In a loop over a
        scalarset (loop = (var, written vars)), parts of the written variables are only reached through their
        element at the loop variable, and only those are written."""
        r = self.r
        cands = []
        for name, t in self.vars:
            in_loop = loop is not None and name in loop[1]
            if write and loop is not None and not in_loop:
                continue
            if in_loop and not (isinstance(t, Arr) and t.idx is loop[2]):
                continue
            cands.append((name, t, in_loop))
        if not write:
            cands += [(f"{e.var}[{n}]", e.elem, False) for n, e in scope if isinstance(e, Elem)]
        r.shuffle(cands)
        for name, t, in_loop in cands:
            got = self.descend(scope, name, t, want, first_index=loop[0] if in_loop else None)
            if got:
                return got
        return None

    def descend(self, scope, text, t, want, first_index=None):
        r = self.r
        for _ in range(4):
            if want(t) and first_index is None and (not isinstance(t, (Arr, Rec)) or self.chance(0.4)):
                return text, t
            if isinstance(t, Arr):
                if first_index is not None:
                    idx = first_index
                    first_index = None
                else:
                    idx = self.index(scope, t.idx)
                    if idx is None:
                        return None
                text, t = f"{text}[{idx}]", t.elem
            elif isinstance(t, Rec):
                f, ft = r.choice(t.fields)
                text, t = f"{text}.{f}", ft
            else:
                break
        return (text, t) if want(t) and first_index is None else None

    def index(self, scope, idx):
        if isinstance(idx, Scal):
            names = self.binders(scope, idx)
            if not names:
                return None
            return self.r.choice(names)
        return self.r.choice(values(idx))

    # -------------------------------------------------------------------------------------------- expressions

    def scal_expr(self, scope, s, loop):
        """A value of scalarset s that is defined (or, at the model's risk, maybe not): a binder or a stored value
        known defined is not knowable here, so stored values come guarded by the caller."""
        names = self.binders(scope, s)
        if names and (self.chance(0.8) or not self.unsafe()):
            return self.r.choice(names)
        d = self.designator(scope, lambda t: t is s, loop)
        return d[0] if d else (self.r.choice(names) if names else None)

    def int_expr(self, scope, rng, loop, depth=0):
        r = self.r
        k = r.random()
        if depth < 2 and k < 0.3:
            a = self.int_expr(scope, rng, loop, depth + 1)
            b = self.int_expr(scope, rng, loop, depth + 1)
            return f"({a} {r.choice(['+', '+', '-', '*'])} {b})"
        if depth < 2 and k < 0.4 and not self.rich:  # CMurphi's C++ rejects ?: on a range and an integer
            return f"({self.bool_expr(scope, loop, depth + 1)} ? {self.int_expr(scope, rng, loop, depth + 1)} : " \
                   f"{self.int_expr(scope, rng, loop, depth + 1)})"
        if k < 0.75:
            d = self.designator(scope, lambda t: isinstance(t, Rng), loop)
            if d:
                return d[0]
        return str(r.randint(rng.lo, rng.hi))

    def in_range(self, scope, rng, loop):
        """An expression of rng's values, wrapped into the range unless the model's risk says otherwise."""
        e = self.int_expr(scope, rng, loop)
        if self.unsafe() or e.lstrip("-").isdigit():
            return e
        span = rng.hi - rng.lo + 1
        return f"(({e}) % {span} + {span}) % {span} + {rng.lo}" if rng.lo else f"(({e}) % {span} + {span}) % {span}"

    def uni_values(self, scope, u):
        """Values of union u known defined: binders of its scalarset members, its enum members' literals."""
        out = []
        for m in u.members:
            out += self.binders(scope, m) if isinstance(m, Scal) else m.members
        return out

    def multisets(self):
        return [(n, t) for n, t in self.vars if isinstance(t, Ms)]

    def count_expr(self, scope, loop):
        """multisetcount over a multiset with a predicate on its elements (0 .. its size)."""
        name, t = self.r.choice(self.multisets())
        i = self.fresh("e")
        pred = self.bool_expr(scope + [(i, Elem(name, t.elem))], loop, 2) if self.chance(0.7) else "true"
        return f"multisetcount({i}: {name}, {pred})", t.size

    def value(self, scope, t, loop):
        if isinstance(t, Rng):
            return self.in_range(scope, t, loop)
        if isinstance(t, Enm):
            d = self.designator(scope, lambda x: x is t, loop)
            return d[0] if d and self.chance(0.4) else self.r.choice(t.members)
        if isinstance(t, Bool):
            return self.bool_expr(scope, loop, 1)
        return self.scal_expr(scope, t, loop)

    def bool_expr(self, scope, loop, depth=0):
        r = self.r
        k = r.random()
        if depth < 2 and k < 0.25:
            op = r.choice(["&", "|", "->"])
            return f"({self.bool_expr(scope, loop, depth + 1)} {op} {self.bool_expr(scope, loop, depth + 1)})"
        if depth < 2 and k < 0.32:
            return f"!({self.bool_expr(scope, loop, depth + 1)})"  # CMurphi's lexer reads !! as one token
        if depth < 2 and k < 0.42:
            s = r.choice(self.scals)
            v = self.fresh("i")
            body = self.bool_expr(scope + [(v, s)], loop, depth + 1)
            return f"({r.choice(['forall', 'exists'])} {v}: {s.name} do {body} end)"
        if k < 0.6:
            s = r.choice(self.scals)
            return self.scal_compare(scope, s, loop)
        if k < 0.66 and self.unis:
            u = self.unis[0]
            d = self.designator(scope, lambda t: t is u, loop)
            vals = self.uni_values(scope, u)
            if d and vals:
                cmp = f"{d[0]} {r.choice(['=', '!='])} {r.choice(vals)}"
                return cmp if self.unsafe_compare() else f"(!isundefined({d[0]}) & {cmp})"
        if k < 0.7 and self.multisets():
            c, size = self.count_expr(scope, loop)
            return f"{c} {r.choice(['<', '<=', '=', '!=', '>', '>='])} {r.randint(0, size)}"
        if k < 0.75:
            rng = r.choice(self.rngs)
            return f"{self.int_expr(scope, rng, loop, depth + 1)} {r.choice(['<', '<=', '=', '!=', '>', '>='])} " \
                   f"{self.int_expr(scope, rng, loop, depth + 1)}"
        if k < 0.85 and self.enms:
            e = self.enms[0]
            d = self.designator(scope, lambda t: t is e, loop)
            if d:
                return f"{d[0]} {r.choice(['=', '!='])} {r.choice(e.members)}"
        d = self.designator(scope, lambda t: isinstance(t, Bool), loop)
        if d:
            return d[0]
        return r.choice(["true", "false"])

    def scal_compare(self, scope, s, loop):
        r = self.r
        names = self.binders(scope, s)
        d = self.designator(scope, lambda t: t is s, loop)
        if d and self.chance(0.3):
            return f"isundefined({d[0]})" if self.chance(0.5) else f"!isundefined({d[0]})"
        if d and names:
            other = r.choice(names)
            cmp = f"{d[0]} {r.choice(['=', '!='])} {other}"
            return cmp if self.unsafe_compare() else f"(!isundefined({d[0]}) & {cmp})"
        if len(names) >= 2:
            a, b = r.sample(names, 2)
            return f"{a} {r.choice(['=', '!='])} {b}"
        if d:
            d2 = self.designator(scope, lambda t: t is s, loop)
            if d2 and d2[0] != d[0]:
                return f"(!isundefined({d[0]}) & !isundefined({d2[0]}) & {d[0]} = {d2[0]})"
            return f"isundefined({d[0]})"
        return "true"

    # -------------------------------------------------------------------------------------------- statements

    def stmts(self, scope, loop, depth, n):
        out = []
        for _ in range(n):
            out += self.stmt(scope, loop, depth)
        return out

    def stmt(self, scope, loop, depth):
        r = self.r
        k = r.random()
        if depth < 2 and k < 0.15:
            c = self.bool_expr(scope, loop)
            then = self.stmts(scope, loop, depth + 1, r.randint(1, 2))
            lines = [f"if {c} then"] + ind(then)
            if self.chance(0.5):
                lines += ["else"] + ind(self.stmts(scope, loop, depth + 1, 1))
            return lines + ["end;"]
        if depth < 2 and loop is None and k < 0.27:
            s = r.choice(self.scals)
            written = [n for n, t in self.vars if isinstance(t, Arr) and t.idx is s]
            if written:
                v = self.fresh("j")
                own = r.sample(written, r.randint(1, min(2, len(written))))
                body = self.stmts(scope + [(v, s)], (v, set(own), s), depth + 1, r.randint(1, 2))
                return [f"for {v}: {s.name} do"] + ind(body) + ["end;"]
        if depth < 2 and k < 0.35 and self.enms and not self.rich:  # CMurphi's C++ for multiset statements in a
            # case declares temporaries that g++ rejects ("jump to case label")
            e = self.enms[0]
            d = self.designator(scope, lambda t: t is e, loop)
            if d:
                lines = [f"switch {d[0]}"]
                for m in r.sample(e.members, r.randint(1, len(e.members))):
                    lines += [f"  case {m}:"] + ind(ind(self.stmts(scope, loop, depth + 1, 1)))
                if self.chance(0.5):
                    lines += ["  else"] + ind(ind(self.stmts(scope, loop, depth + 1, 1)))
                return lines + ["end;"]
        if k < 0.45 and loop is None and self.multisets():
            return self.multiset_stmt(scope)
        if k < 0.65:
            moved = self.mover(scope, loop)
            if moved:
                return moved
        if k < 0.6:
            d = self.designator(scope, lambda t: isinstance(t, (Scal, Uni)), loop, write=True)
            if d and self.chance(0.5):
                return [f"undefine {d[0]};"]
            if d:
                names = self.binders(scope, d[1]) if isinstance(d[1], Scal) else self.uni_values(scope, d[1])
                if names:
                    return [f"{d[0]} := {r.choice(names)};"]
                src = self.designator(scope, lambda t: t is d[1], loop)
                if src and src[0] != d[0]:
                    if self.unsafe():
                        return [f"{d[0]} := {src[0]};"]
                    return [f"if !isundefined({src[0]}) then {d[0]} := {src[0]}; end;"]
        d = self.designator(scope, lambda t: isinstance(t, (Rng, Enm, Bool)), loop, write=True)
        if d is None:
            return []
        return [f"{d[0]} := {self.value(scope, d[1], loop)};"]

    def mover(self, scope, loop):
        """A step that changes a value the way protocols do: a counter up or down (wrapping), a flag flipped, an
        enum moved to its next member, a scalarset value taken from a parameter."""
        r = self.r
        d = self.designator(scope, lambda t: isinstance(t, (Rng, Enm, Bool, Scal, Uni)), loop, write=True)
        if d is None:
            return []
        text, t = d
        if isinstance(t, Bool):
            return [f"{text} := !{text};"]
        if isinstance(t, Rng):
            if self.unsafe():
                return [f"{text} := {text} + 1;"]
            step = r.choice([f"{text} < {t.hi}", f"{text} > {t.lo}"])
            op = "+" if "<" in step else "-"
            return [f"if {step} then {text} := {text} {op} 1; else {text} := {r.choice(values(t))}; end;"]
        if isinstance(t, Enm):
            ms = t.members
            lines = [f"switch {text}"]
            for a, b in zip(ms, ms[1:] + ms[:1]):
                lines.append(f"  case {a}: {text} := {b};")
            return lines + ["end;"]
        names = self.binders(scope, t) if isinstance(t, Scal) else self.uni_values(scope, t)
        if not names:
            return [f"undefine {text};"]
        return [f"{text} := {r.choice(names)};"]

    def elem_value(self, scope, t):
        """(a value of a multiset's element type t, a condition that it is defined), or None: CMurphi's
        multisetadd takes a designator of exactly that type (a binder, or a part of a variable), not a literal."""
        names = self.binders(scope, t) if isinstance(t, Scal) else []
        if names and self.chance(0.8):
            return self.r.choice(names), None
        d = self.designator(scope, lambda x: x is t, None)
        if d is None:
            return None
        return d[0], None if isinstance(t, Rng) or self.unsafe() else f"!isundefined({d[0]})"

    def multiset_stmt(self, scope):
        """Add an element (when there is room, unless the model's risk says otherwise) or remove the elements a
        predicate holds for."""
        r = self.r
        name, t = r.choice(self.multisets())
        got = self.elem_value(scope, t.elem)
        if got is not None and self.chance(0.6):
            v, defined = got
            room = None if self.unsafe() else f"multisetcount(e: {name}, true) < {t.size}"
            cond = " & ".join(c for c in (defined, room) if c)
            add = f"multisetadd({v}, {name});"
            return [f"if {cond} then {add} end;"] if cond else [add]
        i = self.fresh("e")
        # not the element a choose rule holds: removed in the loop, it would be read after (an error that depends
        # on the slots' order, which multiset reduction changes)
        others = [(n, x) for n, x in scope if not (isinstance(x, Elem) and x.var == name)]
        pred = self.bool_expr(others + [(i, Elem(name, t.elem))], None, 1)
        return [f"multisetremovepred({i}: {name}, {pred});"]

    # -------------------------------------------------------------------------------------------- start states

    def init(self, text, t, scope, depth=0):
        """Statements that set text (of type t) alike in every state's symmetric image."""
        r = self.r
        if isinstance(t, Arr):
            v = self.fresh("k")
            idx = t.idx.name
            inner = self.init(f"{text}[{v}]", t.elem, scope + [(v, t.idx)], depth + 1)
            return [f"for {v}: {idx} do"] + ind(inner) + ["end;"]
        if isinstance(t, Rec):
            return [s for f, ft in t.fields for s in self.init(f"{text}.{f}", ft, scope, depth)]
        if isinstance(t, (Scal, Uni)):
            names = self.binders(scope, t) if isinstance(t, Scal) else self.uni_values(scope, t)
            if names and self.chance(0.5):
                return [f"{text} := {r.choice(names)};"]
            return [f"undefine {text};"]
        if isinstance(t, Ms):
            return [f"undefine {text};"]
        return [f"{text} := {r.choice(values(t))};"]

    def startstates(self):
        o = self.out
        o += ["startstate \"init\""] + ["begin"] + ind([s for n, t in self.vars for s in self.init(n, t, [])]) + \
             ["end;", ""]
        if self.chance(0.5):
            s = self.scals[0]
            p = self.fresh("p")
            scope = [(p, s)]
            body = [x for n, t in self.vars for x in self.init(n, t, scope)]
            tweak = self.stmts(scope, None, 1, self.r.randint(1, 2))
            o += [f"ruleset {p}: {s.name} do", "  startstate \"start_at\"", "  begin"] + ind(ind(body + tweak)) + \
                 ["  end;", "end;", ""]

    # -------------------------------------------------------------------------------------------- rules, invariants

    def rule(self):
        r = self.r
        params = []
        for _ in range(r.choice([1, 1, 1, 1, 2, 2, 2, 0])):
            params.append((self.fresh("p"), r.choice(self.scals)))
        if self.chance(0.15):
            params.append((self.fresh("x"), r.choice(self.rngs)))
        scope = list(params)
        guard = self.bool_expr(scope, None, 1 if self.chance(0.6) else 2) if self.chance(0.8) else "true"
        same = [(a, b) for i, (a, ta) in enumerate(params) for b, tb in params[i + 1:] if ta is tb]
        if same and self.chance(0.6):
            a, b = same[0]
            guard = f"{a} != {b} & {guard}"
        body = self.stmts(scope, None, 0, r.randint(1, 3)) or ["-- nothing"]
        lines = [f"rule \"{self.fresh('r')}\" {guard} ==>", "begin"] + ind(body) + ["end;"]
        for name, t in reversed(params):
            lines = [f"ruleset {name}: {t.name} do"] + ind(lines) + ["end;"]
        return lines + [""]

    def choose_rule(self):
        """A rule for each element of a multiset (choose), which may consume it."""
        r = self.r
        name, t = r.choice(self.multisets())
        i = self.fresh("c")
        params = [(self.fresh("p"), self.scals[0])] if self.chance(0.4) else []
        scope = params + [(i, Elem(name, t.elem))]
        guard = self.bool_expr(scope, None, 1) if self.chance(0.7) else "true"
        body = self.stmts(scope, None, 1, r.randint(0, 2))
        if self.chance(0.6):
            body.append(f"multisetremove({i}, {name});")
        lines = [f"rule \"{self.fresh('r')}\" {guard} ==>", "begin"] + ind(body or ["-- nothing"]) + ["end;"]
        lines = [f"choose {i}: {name} do"] + ind(lines) + ["end;"]
        for p, pt in params:
            lines = [f"ruleset {p}: {pt.name} do"] + ind(lines) + ["end;"]
        return lines + [""]

    def invariant(self):
        s = self.r.choice(self.scals)
        v = self.fresh("i")
        quantified = self.chance(0.6)
        scope = [(v, s)] if quantified else []
        a, b = self.bool_expr(scope, None, 1), self.bool_expr(scope, None, 1)
        e = f"({a} -> {b})" if self.chance(0.5) else f"!({a} & {b})"
        if quantified:
            e = f"forall {v}: {s.name} do {e} end"
        # Over half the invariants are weakened to hold often: a violated model compares only verdicts.
        if self.chance(0.55):
            e = f"({e}) | {self.bool_expr([], None, 1)} | true" if self.chance(0.6) else f"{e} | !({e})"
        return [f"invariant \"{self.fresh('inv')}\" {e};", ""]

    def model(self):
        self.decls()
        self.emit_decls()
        self.startstates()
        for _ in range(self.r.randint(3, 6)):
            self.out += self.rule()
        if self.multisets():
            for _ in range(self.r.randint(1, 2)):
                self.out += self.choose_rule()
        for _ in range(self.r.randint(1, 2)):
            self.out += self.invariant()
        return "\n".join(self.out) + "\n"


ind = rd.Gen.ind  # two spaces more


def generate(seed, rich=False):
    return Gen(seed, rich).model()


# ------------------------------------------------------------------------------------------------ comparison

def rumur_flags(mode):
    return ["--threads", "1", "--symmetry-reduction", mode, "--deadlock-detection", "off", "--value-type", "int32_t"]


def disagreement(peer_name, mode, peer, ba):
    """What differs between the peer's and Ballot's outcome in one mode, or None: Ballot's status, the verdict, and
    in off and exhaustive the count of a model that holds."""
    if ba["status"] != "ok":
        return f"{mode}: ballot {ba['status']}"
    if ba["verdict"] != peer["verdict"]:
        return f"{mode}: verdict {peer_name} {peer['verdict']}, ballot {ba['verdict']}"
    if peer["verdict"] == "holds" and mode != "heuristic" and ba["states"] != peer["states"]:
        return f"{mode}: states {peer_name} {peer['states']}, ballot {ba['states']}"
    return None


def compare(model, tmp, jar, timeout, extra):
    """(why | None, outcomes by mode) for one model; why says what disagrees."""
    seen = {}
    for mode in MODES:
        ru = rd.rumur_check(model, tmp, timeout, rumur_flags(mode))
        if ru["status"] != "ok":
            return ("skip", f"rumur {mode} {ru['status']}: {ru['note']}"), seen
        ba = rd.ballot_check(jar, model, tmp, timeout, ["--symmetry-reduction", mode, *extra])
        seen[mode] = (ru, ba)
        why = disagreement("rumur", mode, ru, ba)
        if why is None and ru["verdict"] == "violated" and ru.get("kind") == ba.get("kind") == "invariant" \
                and ru.get("depth") != ba.get("depth"):
            why = f"{mode}: shortest invariant trace rumur {ru.get('depth')} steps, ballot {ba.get('depth')}"
        if why:
            return ("finding", why), seen
    return check_ballot_modes(seen), seen


# CMurphi's options for Ballot's modes: -nomultiset as well, since Ballot's off reduces no multiset either
CMURPHI_FLAGS = {"off": "-ndl -nosym -nomultiset", "exhaustive": "-ndl -sym1"}


def cmurphi_check(model, timeout, home):
    """CMurphi's outcome for each mode it has an equal of, as rumur_check's dicts; or a skip reason."""
    outcomes = {}
    for (mode, flags), o in zip(CMURPHI_FLAGS.items(),
                                cc.cmurphi(str(model), home, timeout, 64, tuple(CMURPHI_FLAGS.values()))):
        if o.status not in ("holds", "violated"):
            return f"cmurphi {flags}: {o.status} {o.note}"
        outcomes[mode] = {"status": "ok", "verdict": o.status, "states": o.states, "note": o.what}
    return outcomes


def compare_cmurphi(model, tmp, jar, timeout, extra, home):
    """As compare, against CMurphi: off and exhaustive counted alike, heuristic between them."""
    cm = cmurphi_check(model, timeout, home)
    if isinstance(cm, str):
        return ("skip", cm), {}
    seen = {}
    for mode in MODES:
        ba = rd.ballot_check(jar, model, tmp, timeout, ["--symmetry-reduction", mode, *extra])
        peer = cm.get(mode, cm["off"])
        seen[mode] = (peer, ba)
        why = disagreement("cmurphi", mode, peer, ba)
        if why:
            return ("finding", why), seen
    return check_ballot_modes(seen), seen


def check_ballot_modes(seen):
    """What Ballot's three modes must agree on among themselves, or None: the shortest trace's length (symmetry
    keeps one state of each orbit, and every state of an orbit is as deep), and the heuristic's count between the
    exhaustive's and off's."""
    depths = [seen[m][1].get("depth") for m in MODES]
    if seen["off"][1]["verdict"] == "violated" and len(set(depths)) > 1:
        return "finding", f"ballot's shortest traces differ between symmetry modes: {depths}"
    if seen["off"][1]["verdict"] == "holds":
        h, e, f = (seen[m][1]["states"] for m in ("heuristic", "exhaustive", "off"))
        if not e <= h <= f:
            return "finding", f"heuristic keeps {h} states, not between exhaustive {e} and off {f}"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="See the module docstring (top of the file) for details.")
    ap.add_argument("--seeds", default="0-49", help="seeds, e.g. 0-199 or 5,7,100-120 (default 0-49)")
    ap.add_argument("--jar", default=str(rd.DEFAULT_JAR), help=f"Ballot's jar (default {rd.DEFAULT_JAR})")
    ap.add_argument("--findings", default="/tmp/symdiff/findings",
                    help="where disagreeing models go (default /tmp/symdiff/findings)")
    ap.add_argument("--timeout", type=int, default=60, help="seconds per tool step (default 60)")
    ap.add_argument("--print", type=int, metavar="SEED", help="print the model of SEED and exit")
    ap.add_argument("--ballot-args", default="", metavar="'OPTIONS'", help="more options for Ballot's check")
    ap.add_argument("--cmurphi", metavar="DIR",
                    help="compare with CMurphi 5.4.9 built in DIR (DIR/src/mu, DIR/include) instead of Rumur, on models "
                         "that also have unions and multisets")
    a = ap.parse_args()
    if a.print is not None:
        sys.stdout.write(generate(a.print, rich=bool(a.cmurphi)))
        return 0
    extra = shlex.split(a.ballot_args)
    findings_dir = Path(a.findings)
    findings_dir.mkdir(parents=True, exist_ok=True)
    jar = Path(a.jar).resolve()
    counts, findings, skipped = {}, [], []
    start = time.time()
    with tempfile.TemporaryDirectory(prefix="sym-diff-") as tmp:
        for seed in rd.parse_seeds(a.seeds):
            text = generate(seed, rich=bool(a.cmurphi))
            model = Path(tmp) / f"seed-{seed}.m"
            model.write_text(text, encoding="utf-8")
            if a.cmurphi:
                why, seen = compare_cmurphi(model, tmp, jar, a.timeout, extra, a.cmurphi)
            else:
                why, seen = compare(model, tmp, jar, a.timeout, extra)
            if why is None:
                key = f"agree-{seen['off'][0]['verdict']}"
                counts[key] = counts.get(key, 0) + 1
                sizes = "/".join(str(seen[m][1]["states"]) for m in MODES)
                print(f"seed {seed}: {key} (Ballot's off/exhaustive/heuristic states: {sizes})",
                      file=sys.stderr, flush=True)
                continue
            kind, text_why = why
            if kind == "skip":
                counts["skipped"] = counts.get("skipped", 0) + 1
                skipped.append((seed, text_why.replace(str(model), model.name)))
                print(f"seed {seed}: skipped ({skipped[-1][1]})", file=sys.stderr, flush=True)
                continue
            counts["finding"] = counts.get("finding", 0) + 1
            head = [f"-- finding: {text_why}"]
            peer_name = "CMurphi" if a.cmurphi else "Rumur"
            for mode, (ru, ba) in seen.items():
                head += [f"-- {mode}: " + rd.describe(peer_name, ru), f"-- {mode}: " + rd.describe("Ballot", ba)]
            out = findings_dir / f"seed-{seed}.m"
            out.write_text("\n".join(head) + "\n" + text, encoding="utf-8")
            findings.append((seed, text_why, out))
            print(f"FINDING seed {seed}: {text_why} -> {out}", flush=True)
    print(f"{len(rd.parse_seeds(a.seeds))} seeds in {time.time() - start:.0f}s: "
          + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    for seed, note in skipped[:10]:
        print(f"  skipped seed {seed}: {note}")
    for seed, why, out in findings:
        print(f"  finding seed {seed}: {why}  ({out})")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
