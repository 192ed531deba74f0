-- A statement that runs into the next line: the error names the missing ';' at the start of the next line, and
-- the parser's "unexpected 'end'" that follows from it is not reported.
var x: boolean; y: boolean;
startstate begin x := false; y := false; end;
rule "flip" true ==> begin
  x := !x
  -- error: missing ';' after 'x' at the end of line 6
  y := x; end;
