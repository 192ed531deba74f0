-- Symmetry benchmark: Steven German's directory-based cache-coherence protocol, N = 5 caches, D = 2 data values.
-- Caches are a scalarset (NODE) and so are data values (DATA): two independent symmetries. The home node keeps
-- the current request (CurCmd, with its requester in CurPtr), the sharer list, the set still to invalidate and
-- whether exclusive access has been granted. Channel 1 carries requests to the home, channel 2 the home's
-- invalidations and grants, channel 3 the invalidation acknowledgements (with the data of an exclusive copy).
-- Pointers and data that are not in use are undefined, so that states differ only in what matters.
-- Control property: one exclusive copy or any number of shared ones; data property: every valid copy, and the
-- memory when no exclusive copy is granted, holds the value last written.
const
  N: 5;   -- caches
  D: 2;   -- data values

type
  NODE: scalarset(N);
  DATA: scalarset(D);
  cache_state: enum { I, S, E };
  msg_cmd: enum { Empty, ReqS, ReqE, Inv, InvAck, GntS, GntE };
  cache_t: record
    State: cache_state;
    Data: DATA;
  end;
  msg_t: record
    Cmd: msg_cmd;
    Data: DATA;
  end;

var
  Cache: array [NODE] of cache_t;
  Chan1: array [NODE] of msg_t;
  Chan2: array [NODE] of msg_t;
  Chan3: array [NODE] of msg_t;
  InvSet: array [NODE] of boolean;
  ShrSet: array [NODE] of boolean;
  ExGntd: boolean;
  CurCmd: msg_cmd;
  CurPtr: NODE;
  MemData: DATA;
  AuxData: DATA;

ruleset d: DATA do
  startstate "init"
  begin
    for i: NODE do
      Cache[i].State := I;
      undefine Cache[i].Data;
      Chan1[i].Cmd := Empty;
      undefine Chan1[i].Data;
      Chan2[i].Cmd := Empty;
      undefine Chan2[i].Data;
      Chan3[i].Cmd := Empty;
      undefine Chan3[i].Data;
      InvSet[i] := false;
      ShrSet[i] := false;
    end;
    ExGntd := false;
    CurCmd := Empty;
    undefine CurPtr;
    MemData := d;
    AuxData := d;
  end;
end;

-- A cache writes a new value into its exclusive copy.
ruleset i: NODE; d: DATA do
  rule "Store"
    Cache[i].State = E ==>
  begin
    Cache[i].Data := d;
    AuxData := d;
  end;
end;

ruleset i: NODE do
  rule "SendReqS"
    Chan1[i].Cmd = Empty & Cache[i].State = I ==>
  begin
    Chan1[i].Cmd := ReqS;
  end;

  rule "SendReqE"
    Chan1[i].Cmd = Empty & (Cache[i].State = I | Cache[i].State = S) ==>
  begin
    Chan1[i].Cmd := ReqE;
  end;

  rule "RecvReqS"
    CurCmd = Empty & Chan1[i].Cmd = ReqS ==>
  begin
    CurCmd := ReqS;
    CurPtr := i;
    Chan1[i].Cmd := Empty;
    for j: NODE do
      InvSet[j] := ShrSet[j];
    end;
  end;

  rule "RecvReqE"
    CurCmd = Empty & Chan1[i].Cmd = ReqE ==>
  begin
    CurCmd := ReqE;
    CurPtr := i;
    Chan1[i].Cmd := Empty;
    for j: NODE do
      InvSet[j] := ShrSet[j];
    end;
  end;

  rule "SendInv"
    Chan2[i].Cmd = Empty & InvSet[i] & (CurCmd = ReqE | (CurCmd = ReqS & ExGntd)) ==>
  begin
    Chan2[i].Cmd := Inv;
    InvSet[i] := false;
  end;

  rule "SendInvAck"
    Chan2[i].Cmd = Inv & Chan3[i].Cmd = Empty ==>
  begin
    Chan2[i].Cmd := Empty;
    Chan3[i].Cmd := InvAck;
    if Cache[i].State = E then
      Chan3[i].Data := Cache[i].Data;
    end;
    Cache[i].State := I;
    undefine Cache[i].Data;
  end;

  rule "RecvInvAck"
    Chan3[i].Cmd = InvAck & CurCmd != Empty ==>
  begin
    Chan3[i].Cmd := Empty;
    ShrSet[i] := false;
    if ExGntd then
      ExGntd := false;
      MemData := Chan3[i].Data;
    end;
    undefine Chan3[i].Data;
  end;

  rule "SendGntS"
    CurCmd = ReqS & CurPtr = i & Chan2[i].Cmd = Empty & !ExGntd ==>
  begin
    Chan2[i].Cmd := GntS;
    Chan2[i].Data := MemData;
    ShrSet[i] := true;
    CurCmd := Empty;
    undefine CurPtr;
  end;

  rule "SendGntE"
    CurCmd = ReqE & CurPtr = i & Chan2[i].Cmd = Empty & !ExGntd & (forall j: NODE do !ShrSet[j] end) ==>
  begin
    Chan2[i].Cmd := GntE;
    Chan2[i].Data := MemData;
    ShrSet[i] := true;
    ExGntd := true;
    CurCmd := Empty;
    undefine CurPtr;
  end;

  rule "RecvGntS"
    Chan2[i].Cmd = GntS ==>
  begin
    Cache[i].State := S;
    Cache[i].Data := Chan2[i].Data;
    Chan2[i].Cmd := Empty;
    undefine Chan2[i].Data;
  end;

  rule "RecvGntE"
    Chan2[i].Cmd = GntE ==>
  begin
    Cache[i].State := E;
    Cache[i].Data := Chan2[i].Data;
    Chan2[i].Cmd := Empty;
    undefine Chan2[i].Data;
  end;
end;

invariant "control: one exclusive copy or only shared ones"
  forall i: NODE do
    forall j: NODE do
      i != j ->
        ((Cache[i].State = E -> Cache[j].State = I) &
         (Cache[i].State = S -> (Cache[j].State = I | Cache[j].State = S)))
    end
  end;

invariant "data: memory holds the last value unless a copy is exclusive"
  !ExGntd -> MemData = AuxData;

invariant "data: every valid copy holds the last value"
  forall i: NODE do
    Cache[i].State != I -> Cache[i].Data = AuxData
  end;
