-- Symmetry benchmark: a three-hop MSI directory protocol with a blocking home, N = 6 caches (a scalarset).
-- A cache asks the home for a shared (GetS) or modified (GetM) copy, or writes a modified copy back (PutM). The
-- home serves one request at a time: it answers with data itself, or forwards the request to the owner, which
-- sends the data straight to the requester; for GetM it tells the requester how many invalidation
-- acknowledgements to expect and invalidates the sharers, which acknowledge to the requester. The requester
-- unblocks the home when it has its copy. Shared copies are evicted silently, so the home may invalidate a cache
-- that no longer holds the line; a write-back can race with a forwarded request (states MIA, SIA, IIA).
-- Every message names its requester by cache id; the home's owner and current requester are cache ids,
-- undefined when there is none. Property: one writer or any number of readers.
-- bench-symmetry: no-rumur-exhaustive (at N = 6 Rumur's exhaustive mode, 720 permutations per state, takes hours)
const
  N: 6;   -- caches

type
  NODE: scalarset(N);
  count_t: 0 .. N - 1;
  cache_state: enum { I, S, M, ISD, IMAD, SMAD, IMA, MIA, SIA, IIA };
  dir_state: enum { DI, DS, DM };
  req_t: enum { NoReq, GetS, GetM, PutM };
  fwd_t: enum { NoFwd, FwdGetS, FwdGetM, Inv, PutAck };
  fwd_msg: record
    kind: fwd_t;
    req: NODE;      -- the requester to answer (FwdGetS, FwdGetM, Inv)
  end;
  data_msg: record
    valid: boolean;
    acks: count_t;  -- invalidation acknowledgements the requester must wait for
  end;

var
  cache: array [NODE] of cache_state;
  needed: array [NODE] of count_t;   -- acknowledgements still expected (IMA)
  acks: array [NODE] of count_t;     -- acknowledgements received and not yet accounted for
  reqChan: array [NODE] of req_t;    -- cache to home
  fwdChan: array [NODE] of fwd_msg;  -- home to cache
  dataChan: array [NODE] of data_msg;  -- data to a requester, from the home or the owner
  ackChan: array [NODE] of count_t;  -- invalidation acknowledgements in flight to a requester
  unblock: array [NODE] of boolean;  -- requester to home
  sharers: array [NODE] of boolean;
  invPending: array [NODE] of boolean;  -- sharers the home has still to invalidate
  dir: dir_state;
  owner: NODE;
  busy: boolean;
  cur: NODE;                         -- the requester the home is serving

startstate
begin
  for i: NODE do
    cache[i] := I;
    needed[i] := 0;
    acks[i] := 0;
    reqChan[i] := NoReq;
    fwdChan[i].kind := NoFwd;
    undefine fwdChan[i].req;
    dataChan[i].valid := false;
    dataChan[i].acks := 0;
    ackChan[i] := 0;
    unblock[i] := false;
    sharers[i] := false;
    invPending[i] := false;
  end;
  dir := DI;
  undefine owner;
  busy := false;
  undefine cur;
end;

-- The cache side.
ruleset i: NODE do
  rule "load miss"
    cache[i] = I & reqChan[i] = NoReq ==>
  begin
    reqChan[i] := GetS;
    cache[i] := ISD;
  end;

  rule "store miss"
    cache[i] = I & reqChan[i] = NoReq ==>
  begin
    reqChan[i] := GetM;
    cache[i] := IMAD;
  end;

  rule "upgrade"
    cache[i] = S & reqChan[i] = NoReq ==>
  begin
    reqChan[i] := GetM;
    cache[i] := SMAD;
  end;

  rule "evict shared (silently)"
    cache[i] = S ==>
  begin
    cache[i] := I;
  end;

  rule "evict modified (write back)"
    cache[i] = M & reqChan[i] = NoReq ==>
  begin
    reqChan[i] := PutM;
    cache[i] := MIA;
  end;

  rule "receive data"
    dataChan[i].valid ==>
  begin
    assert cache[i] = ISD | cache[i] = IMAD | cache[i] = SMAD "data for a cache that did not ask";
    if cache[i] = ISD then
      cache[i] := S;
      unblock[i] := true;
    elsif acks[i] = dataChan[i].acks then
      cache[i] := M;
      acks[i] := 0;
      unblock[i] := true;
    else
      needed[i] := dataChan[i].acks - acks[i];
      acks[i] := 0;
      cache[i] := IMA;
    end;
    dataChan[i].valid := false;
    dataChan[i].acks := 0;
  end;

  rule "receive invalidation acknowledgement"
    ackChan[i] > 0 ==>
  begin
    ackChan[i] := ackChan[i] - 1;
    if cache[i] = IMA then
      needed[i] := needed[i] - 1;
      if needed[i] = 0 then
        cache[i] := M;
        unblock[i] := true;
      end;
    else
      assert cache[i] = IMAD | cache[i] = SMAD "acknowledgement for a cache that is not upgrading";
      acks[i] := acks[i] + 1;
    end;
  end;

  rule "receive forwarded or invalidation"
    fwdChan[i].kind = Inv | ((fwdChan[i].kind = FwdGetS | fwdChan[i].kind = FwdGetM) & !dataChan[fwdChan[i].req].valid) ==>
  var r: NODE;
  begin
    r := fwdChan[i].req;
    switch fwdChan[i].kind
    case FwdGetS:
      assert cache[i] = M | cache[i] = MIA "FwdGetS to a cache that does not own the line";
      dataChan[r].valid := true;
      dataChan[r].acks := 0;
      if cache[i] = M then
        cache[i] := S;
      else
        cache[i] := SIA;
      end;
    case FwdGetM:
      assert cache[i] = M | cache[i] = MIA "FwdGetM to a cache that does not own the line";
      dataChan[r].valid := true;
      dataChan[r].acks := 0;
      if cache[i] = M then
        cache[i] := I;
      else
        cache[i] := IIA;
      end;
    case Inv:
      assert cache[i] != M & cache[i] != MIA & cache[i] != IMA "invalidation of an owner";
      ackChan[r] := ackChan[r] + 1;
      if cache[i] = S then
        cache[i] := I;
      elsif cache[i] = SMAD then
        cache[i] := IMAD;
      elsif cache[i] = SIA then
        cache[i] := IIA;
      end;
    else
      error "unexpected message";
    end;
    fwdChan[i].kind := NoFwd;
    undefine fwdChan[i].req;
  end;

  rule "receive put acknowledgement"
    fwdChan[i].kind = PutAck ==>
  begin
    assert cache[i] = MIA | cache[i] = SIA | cache[i] = IIA "PutAck to a cache that did not write back";
    cache[i] := I;
    fwdChan[i].kind := NoFwd;
  end;
end;

-- The home side.
ruleset i: NODE do
  rule "home: GetS"
    !busy & reqChan[i] = GetS & !dataChan[i].valid & (dir != DM | fwdChan[owner].kind = NoFwd) ==>
  begin
    reqChan[i] := NoReq;
    busy := true;
    cur := i;
    if dir = DM then
      fwdChan[owner].kind := FwdGetS;
      fwdChan[owner].req := i;
      sharers[owner] := true;
      undefine owner;
    else
      dataChan[i].valid := true;
      dataChan[i].acks := 0;
    end;
    sharers[i] := true;
    dir := DS;
  end;

  rule "home: GetM"
    !busy & reqChan[i] = GetM & !dataChan[i].valid & (dir != DM | fwdChan[owner].kind = NoFwd) ==>
  var n: count_t;
  begin
    reqChan[i] := NoReq;
    busy := true;
    cur := i;
    if dir = DM then
      assert owner != i "GetM from the owner";
      fwdChan[owner].kind := FwdGetM;
      fwdChan[owner].req := i;
    else
      n := 0;
      for j: NODE do
        if sharers[j] & j != i then
          invPending[j] := true;
          n := n + 1;
        end;
        sharers[j] := false;
      end;
      dataChan[i].valid := true;
      dataChan[i].acks := n;
    end;
    dir := DM;
    owner := i;
  end;

  rule "home: PutM"
    !busy & reqChan[i] = PutM & fwdChan[i].kind = NoFwd ==>
  begin
    reqChan[i] := NoReq;
    if dir = DM & owner = i then
      dir := DI;
      undefine owner;
    else
      sharers[i] := false;
      if dir = DS & (forall j: NODE do !sharers[j] end) then
        dir := DI;
      end;
    end;
    fwdChan[i].kind := PutAck;
  end;

  rule "home: send invalidation"
    invPending[i] & fwdChan[i].kind = NoFwd ==>
  begin
    invPending[i] := false;
    fwdChan[i].kind := Inv;
    fwdChan[i].req := cur;
  end;

  rule "home: unblock"
    unblock[i] ==>
  begin
    assert busy & cur = i "unblock from a cache the home is not serving";
    unblock[i] := false;
    busy := false;
    undefine cur;
  end;
end;

invariant "single writer, multiple readers"
  forall i: NODE do
    forall j: NODE do
      i != j -> (cache[i] = M -> (cache[j] != M & cache[j] != S))
    end
  end;

invariant "a modified copy is the directory's owner or is being forwarded away"
  forall i: NODE do
    cache[i] = M -> ((dir = DM & owner = i) | fwdChan[i].kind = FwdGetS | fwdChan[i].kind = FwdGetM)
  end;
