-- Message-passing extensions: restart needs the initial value of every volatile variable it resets.
type
  Node: scalarset(2);

var
  durable term: array [Node] of 0 .. 3 := 0;
  role: array [Node] of boolean;          -- volatile, and no initial value
  count: array [Node] of 0 .. 3 := 0;
  -- error: initial value of type boolean does not fit
  bad: array [Node] of 0 .. 3 := true;

-- error: must reset volatile 'role', which has no initial value
restart n: Node;

rule "local" true ==>
  -- error: initial values and 'durable' apply to global variables only
  var x: boolean := true;
  begin
    x := false;
  end;
