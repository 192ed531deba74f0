-- 'return <expr>' is not allowed in a procedure.
var
  x: 0 .. 3;

procedure p(); begin
  -- error: cannot return a value
  return 1;
end;

startstate begin
  x := 0;
end;
