-- Different values stored under conditions that depend on the loop variable: the last iteration decides, so the
-- result depends on the iteration order. Accepted, with a warning.
type
  node: scalarset(3);

var
  busy: array [node] of boolean;
  any: boolean;
  mode: 0 .. 2;

startstate begin
  clear busy;
  for n: node do
    if busy[n] then
      -- warning: is assigned different values under conditions that depend on it
      any := true;
    else
      any := false;
    end;
  end;
  for n: node do
    switch busy[n]
    case true:
      -- warning: iteration order
      mode := 1;
    else
      mode := 2;
    end;
  end;
end;
