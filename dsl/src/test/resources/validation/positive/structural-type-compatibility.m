-- Type compatibility is structural: ranges with any bounds mix freely (checked at run time),
-- identical record/array/enum structures and same-size scalarsets are interchangeable.
type
  r1: record f: boolean; g: 0 .. 3; end;
  r2: record f: boolean; g: 0 .. 3; end;
  a1: array [0 .. 1] of 0 .. 3;
  a2: array [0 .. 1] of 0 .. 3;
  s1: scalarset(2);
  s2: scalarset(2);
  small: 0 .. 3;
  big: -5 .. 10;

var
  p: r1;
  q: r2;
  u: a1;
  v: a2;
  i: s1;
  j: s2;
  x: small;
  y: big;

startstate begin
  p.f := true;
  p.g := 1;
  q := p;
  clear u;
  v := u;
  undefine i;
  undefine j;
  y := 2;
  x := y;
  y := x - 5;
end;

rule begin
  x := (x + y + 20) % 4;
  q.g := x;
  p := q;
end;

ruleset k: s1 do
  rule begin
    i := k;
    j := i;                -- scalarset(2) named s1 assigned to scalarset(2) named s2
  end;
end;

invariant p = q & u = v;   -- whole records/arrays can be compared with = / !=
