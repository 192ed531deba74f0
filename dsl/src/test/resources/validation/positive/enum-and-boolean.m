-- Enum constants, enum-indexed arrays, boolean-indexed arrays, enum switch, enum equality, boolean is a keyword type.
type
  colour: enum { Red, Green, Blue, };   -- trailing comma in the member list
  flag: boolean;

const
  favourite: Green;
  on: true;

var
  c: colour;
  seen: array [colour] of boolean;
  by_flag: array [boolean] of 0 .. 2;
  f: flag;

startstate begin
  c := favourite;
  clear seen;
  by_flag[on] := 1;
  by_flag[false] := 0;
  f := c = Green & on;
end;

rule begin
  switch c
    case Red, Blue:
      c := Green;
    else
      c := Red;
  end;
  seen[c] := true;
  f := !f;
end;

invariant "enum equality" c != Blue;
