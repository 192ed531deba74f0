-- Scalarset parameters take values of their own scalarset type only, and scalarset values do not go into integer
-- parameters. Rumur rejects the integer cases ("function call contains parameter of incorrect type") and accepts
-- the same-size scalarset case.
type
  p: scalarset(2);
  q: scalarset(2);
  idx: 0 .. 3;

var
  x: p;
  y: q;
  b: boolean;

procedure takesP(n: p);
begin
  x := n;
end;

procedure takesRange(n: idx);
begin
  b := n = 0;
end;

startstate begin
  undefine x;
  undefine y;
  -- error: passing a value of type integer as argument 1 of 'takesp'
  takesP(1);
  -- error: passing a value of type q as argument 1 of 'takesp' (parameter 'n' has type p) breaks symmetry
  takesP(y);
  -- error: passing a value of type p as argument 1 of 'takesrange'
  takesRange(x);
end;
