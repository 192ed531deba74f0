-- A function may call itself, but may not call a function declared after it (no forward declarations).
var
  x: boolean;

function is_even(n: 0 .. 10): boolean; begin
  if n = 0 then
    return true;
  end;
  -- error: not declared
  return is_odd(n - 1);
end;

function is_odd(n: 0 .. 10): boolean; begin
  if n = 0 then
    return false;
  end;
  return is_even(n - 1);
end;

startstate begin
  x := true;
end;
