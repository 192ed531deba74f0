-- The body of forall/exists must be boolean.
var
  b: boolean;

startstate begin
  -- error: must be boolean
  b := forall i := 0 to 3 do i end;
end;
