-- Direct recursion in functions and procedures is allowed.
var
  x: 0 .. 10;

function fact(n: 0 .. 5): 0 .. 120; begin
  if n = 0 then return 1; end;
  return n * fact(n - 1);
end;

procedure countdown(var v: 0 .. 10); begin
  if v > 0 then
    v := v - 1;
    countdown(v);
  end;
end;

startstate begin
  x := 3;
end;

rule begin
  x := fact(3) - 6 + x;
  countdown(x);
end;

invariant x <= 3;

rule x = 0 ==> begin
  x := 3;
end;
