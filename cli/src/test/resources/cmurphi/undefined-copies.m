-- CMurphi's undefined values: UNDEFINED as an argument and on the right of ':=', and copies of undefined whole
-- variables and parameters (the copy is undefined too, no error). A channel carries a message whose data field is
-- left undefined for acknowledgements.
-- ballot_flags: --symmetry-reduction off --deadlock-detection off
-- expect: holds 49
-- expect_exhaustive: holds 49
-- CMurphi 5.4.9: mu undefined-copies.m && g++ -O2 -I include -o m undefined-copies.cpp && ./m -nosym -ndl
--   prints "49 states, 72 rules fired" and "No error found."
type
  Kind: enum { Data, Ack };
  Val: 0 .. 2;
  Msg: record kind: Kind; data: Val; end;
var
  chan: Msg;
  full: boolean;
  last: Val;
  got: Val;
  count: 0 .. 3;

procedure Send(k: Kind; d: Val);
begin
  chan.kind := k;
  chan.data := d;
  full := true;
end;

startstate begin
  full := false;
  last := UNDEFINED;
  got := UNDEFINED;
  count := 0;
  undefine chan;
end;

ruleset v: Val do
  rule "send data" !full & count < 3 ==>
    Send(Data, v);
    count := count + 1;
  end;
end;

rule "send ack" !full & count < 3 ==>
  Send(Ack, UNDEFINED);
  count := count + 1;
end;

rule "receive" full ==>
  if chan.kind = Data then
    got := chan.data;
  else
    got := last;
  end;
  last := got;
  full := false;
  chan := UNDEFINED;
end;

invariant "ack carries no data" full & chan.kind = Ack -> isundefined(chan.data)
