-- alias of alias, alias shadowing a variable, alias rules, aliases of array elements and record fields.
type
  r_t: record f: 0 .. 3; end;

var
  x: 0 .. 3;
  r: array [0 .. 1] of r_t;

startstate begin
  x := 0;
  clear r;
  alias x: r[1].f do       -- an alias may shadow a state variable
    x := 1;
  end;
  alias a: r[0]; b: a.f; c: b do   -- alias of alias
    c := 2;
  end;
end;

alias q: r[1].f do
  rule q < 3 ==> begin
    q := q + 1;
  end;
end;

alias k: 2 do              -- alias of a literal is a read-only, constant value
  rule begin
    x := k;
  end;
end;

rule begin
  x := 3 - x;
  r[1].f := 0;
end;
