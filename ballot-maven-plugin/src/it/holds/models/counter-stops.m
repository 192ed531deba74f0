-- A counter that stops at N: every run ends in a state where no rule is enabled, which the default deadlock
-- detection reports. The model says so itself: the plugin must honour its header (and its constant).
-- ballot: deadlock-detection off
-- ballot: const N=4

const N: 2;
var x: 0 .. 9;
startstate begin x := 0 end;
rule "inc" x < N ==> begin x := x + 1 end;
invariant "at most 4" x <= 4;
