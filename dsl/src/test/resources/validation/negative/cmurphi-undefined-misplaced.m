-- CMurphi's UNDEFINED is only the whole right side of ':=' or a whole argument for a value parameter.
type
  T: 0 .. 3;
var
  t: T;
  b: boolean;

procedure set(var v: T);
begin
  v := 1;
end;

function f(v: T): T;
begin
  -- error: may only be the whole right side of ':=' or a whole argument of a call
  return UNDEFINED;
end;

startstate begin
  -- error: may only be the whole right side of ':=' or a whole argument of a call
  t := UNDEFINED + 1;
  -- error: cannot be undefined, because 'v' is a var parameter
  set(UNDEFINED);
  -- error: may only be the whole right side of ':=' or a whole argument of a call
  if UNDEFINED then t := 0; end;
  -- error: may only be the whole right side of ':=' or a whole argument of a call
  b := t = UNDEFINED;
  -- error: may only be the whole right side of ':=' or a whole argument of a call
  UNDEFINED := 2;
end;

-- error: may only be the whole right side of ':=' or a whole argument of a call
invariant "never" undefined
