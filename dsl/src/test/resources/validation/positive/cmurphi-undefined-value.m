-- CMurphi's UNDEFINED value (any case): the whole right side of ':=' (of any type: it undefines the target) and a
-- whole argument for a value parameter (of any type: the parameter starts undefined), of a procedure or function.
type
  T: 0 .. 3;
  E: enum { A, B };
  R: record x: T; e: E; end;
var
  t: T;
  e: E;
  r: R;
  b: boolean;

procedure send(v: T; w: E; rec: R);
begin
  t := v;
  e := w;
  r := rec;
end;

function pick(v: T; d: T): T;
begin
  if isundefined(v) then return d; end;
  return v;
end;

startstate begin
  t := UNDEFINED;
  r.x := undefined;
  r := Undefined;
  b := UNDEFINED;
  send(UNDEFINED, A, UNDEFINED);
  t := pick(UNDEFINED, 2);
end;

rule "resend" true ==>
  send(t, UNDEFINED, r);
end;
