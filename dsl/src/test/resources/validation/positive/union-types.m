-- CMurphi union types: union { T1, T2, ... } of named scalarset/enum types (or anonymous enums).
-- Note: rumur cannot judge this (v2022.08.20: "union types are not supported" in the lexer;
-- >= 2025 parses unions but its code generator rejects them). Syntax per CMurphi's mu.y.
type
  proc: scalarset(2);
  home: enum { Home };
  node: union { proc, home };

var
  owner: node;
  last: proc;

startstate begin
  owner := Home;
  undefine last;
end;

ruleset p: proc do
  rule owner = Home ==> begin
    owner := p;
    last := p;
  end;
end;

rule owner != Home ==> begin
  owner := Home;
end;
