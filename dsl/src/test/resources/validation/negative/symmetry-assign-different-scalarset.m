-- Values of one scalarset type do not go into another scalarset type, even of the same size, nor do arrays indexed
-- by one into arrays indexed by the other (CMurphi's rule; Rumur accepts the same-size cases). Anonymous
-- scalarsets are each their own type too.
type
  p: scalarset(2);
  q: scalarset(2);
  r: scalarset(3);

var
  x: p;
  y: q;
  z: r;
  ap: array [p] of boolean;
  aq: array [q] of boolean;
  u: scalarset(2);
  v: scalarset(2);

startstate begin
  undefine x;
  undefine z;
  undefine u;
  clear ap;
  -- error: assigning a value of type p to a target of type q breaks symmetry
  y := x;
  -- error: not with values of 'r', a different scalarset type
  y := z;
  -- error: assigning a value of type array [p] of boolean to a target of type array [q] of boolean
  aq := ap;
  -- error: declared at
  v := u;
end;
