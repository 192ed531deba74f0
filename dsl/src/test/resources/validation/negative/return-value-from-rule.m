-- 'return <expr>' is not allowed in a rule or startstate (a bare 'return' is fine).
var
  x: boolean;

startstate begin
  x := true;
end;

rule begin
  x := true;
  -- error: cannot return a value
  return 3;
end;
