-- Hand-written plain Murphi equivalent of ordered-ext.m (queues as count + slots, loss of any message).
type Node: scalarset(2);
  Kind: enum { Data };
  Msg: record kind: Kind; v: 0 .. 3; end;
  Queue: record count: 0 .. 2; slot: array [0 .. 1] of Msg; end;
var sent: array [Node] of 0 .. 3;
    got: array [Node] of 0 .. 3;
    ch: array [Node] of array [Node] of Queue;
startstate begin
  for n: Node do sent[n] := 0; got[n] := 0; end;
  for s: Node do for r: Node do undefine ch[s][r]; ch[s][r].count := 0; end; end;
end;
ruleset n: Node; m: Node do
  rule "send" n != m & sent[n] < 2 ==> begin
    sent[n] := sent[n] + 1;
    -- a lossy network drops what it has no room for
    if ch[n][m].count < 2 then
      ch[n][m].slot[ch[n][m].count].kind := Data; ch[n][m].slot[ch[n][m].count].v := sent[n];
      ch[n][m].count := ch[n][m].count + 1; end;
  end;
end;
ruleset s: Node; r: Node do
  rule "receive" ch[s][r].count > 0 & ch[s][r].slot[0].kind = Data ==> var v: 0 .. 3; begin
    v := ch[s][r].slot[0].v;
    ch[s][r].slot[0] := ch[s][r].slot[1]; undefine ch[s][r].slot[1]; ch[s][r].count := ch[s][r].count - 1;
    got[r] := v;
  end;
  ruleset k: 0 .. 1 do
    rule "lose" k < ch[s][r].count ==> begin
      for j := 0 to 0 do if j >= k then ch[s][r].slot[j] := ch[s][r].slot[j + 1]; end; end;
      undefine ch[s][r].slot[1]; ch[s][r].count := ch[s][r].count - 1;
    end;
  end;
end;
invariant "in order" forall n: Node do got[n] <= 3 end;
