-- Type compatibility is structural: ranges with any bounds mix freely (checked at run time),
-- identical record/array/enum structures are interchangeable. (Scalarsets are not: each scalarset declaration is
-- its own type; see negative/symmetry-assign-different-scalarset.m.)
type
  r1: record f: boolean; g: 0 .. 3; end;
  r2: record f: boolean; g: 0 .. 3; end;
  a1: array [0 .. 1] of 0 .. 3;
  a2: array [0 .. 1] of 0 .. 3;
  small: 0 .. 3;
  big: -5 .. 10;

var
  p: r1;
  q: r2;
  u: a1;
  v: a2;
  x: small;
  y: big;

startstate begin
  p.f := true;
  p.g := 1;
  q := p;
  clear u;
  v := u;
  y := 2;
  x := y;
  y := x - 5;
end;

rule begin
  x := (x + y + 20) % 4;
  q.g := x;
  p := q;
end;

invariant p = q & u = v;   -- whole records/arrays can be compared with = / !=
