-- Constant folding in bounds: arithmetic, shifts, %, enum and boolean constants, ternaries over constants.
const
  N: 3;
  M: N * 2 - 1;            -- 5
  K: (M << 2) >> 1;        -- 10
  B: N > 2;
  C: B ? K : 0;            -- a ternary of constants is constant
  D: -N;

type
  idx: 0 .. N - 1;
  wide: D .. C + M % 3;
  s: scalarset(N % 2 + 1);

var
  a: array [idx] of wide;
  t: s;

startstate begin
  for i: idx do a[i] := D; end;
  undefine t;
end;

rule begin
  for i := 0 to N - 1 by 2 do a[i] := C; end;
end;

rule begin
  for i := N - 1 to 0 by -1 do if a[i] > D then a[i] := a[i] - 1; end; end;
end;
