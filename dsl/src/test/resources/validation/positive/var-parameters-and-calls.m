-- var parameters (including array elements, record fields, loop variables), value parameters of a
-- different range, function results ignored when called as a statement, side-effecting functions.
type
  r_t: record f: 0 .. 3; end;

var
  x: 0 .. 3;
  a: array [0 .. 1] of 0 .. 3;
  r: r_t;
  n: 0 .. 10;

procedure inc(var v: 0 .. 3); begin
  if v < 3 then v := v + 1; end;
end;

procedure set_rec(var rr: r_t; value: 0 .. 10); begin
  rr.f := value % 4;
end;

function bump(): boolean; begin
  x := 0;                  -- functions may modify state
  return true;
end;

startstate begin
  x := 0;
  clear a;
  clear r;
  n := 7;
end;

rule begin
  inc(x);
  inc(a[1]);
  inc(r.f);
  set_rec(r, x);           -- 0..3 argument for a 0..10 value parameter
  for i := 0 to 3 do
    inc(i);                -- a loop variable may be passed as a var parameter
  end;
  if bump() then x := 1; end;
end;

rule begin
  bump();                  -- a function called as a statement: result discarded
end;
