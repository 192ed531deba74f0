-- Field access with a name the record does not have.
var
  r: record a: boolean; end;

startstate begin
  -- error: no field
  r.b := true;
end;
