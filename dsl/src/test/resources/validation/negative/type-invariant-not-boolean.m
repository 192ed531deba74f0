-- Properties (invariant/assert/assume/cover/liveness) must be boolean.
-- Note: rejected by Rumur >= 2023 ("properties must be boolean expressions", corpus assert-record.m);
-- the installed rumur v2022.08.20 still accepts this model.
var
  x: 0 .. 3;

startstate begin
  x := 0;
end;

-- error: must be boolean
invariant x;
