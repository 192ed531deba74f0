-- Keywords (and true/false, boolean) are case-insensitive; identifiers are not.
TYPE
  t: BOOLEAN;
VAR
  x: 0 .. 3;
  X: Boolean;              -- distinct from 'x'
  b: t;

PROCEDURE Reset(VAR v: 0 .. 3); BEGIN
  v := 0;
ENDPROCEDURE;

StartState "init" Begin
  x := 1;
  X := TRUE;
  b := False;
EndStartState;

RULE "step" x < 3 ==> BEGIN
  IF x = 2 THEN Reset(x); ELSE x := x + 1; ENDIF;
  X := !X;
EndRule;

RuleSet i: 0 .. 1 Do
  Rule "toggle" b | !b ==> Begin b := !b; End;
EndRuleSet;

INVARIANT "bound" x <= 3;
