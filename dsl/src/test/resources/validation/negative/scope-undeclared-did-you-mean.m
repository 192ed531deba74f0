-- A misspelt name: the error names the visible name closest to it.
var
  committed: 0 .. 3;

startstate begin
  -- error: unknown identifier 'comitted': it is not declared before this point (did you mean 'committed'?)
  comitted := 0;
end;
