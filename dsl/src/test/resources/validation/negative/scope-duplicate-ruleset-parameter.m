-- Quantifiers of one ruleset share a scope (nesting a second ruleset with the same name is fine).
var
  x: 0 .. 3;

-- error: already declared
ruleset i: 0 .. 1; i: 0 .. 2 do
  startstate begin
    x := i;
  end;
end;
