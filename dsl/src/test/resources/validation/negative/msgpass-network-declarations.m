-- Message-passing extensions: network declarations that cannot be lowered.
type
  Node: scalarset(2);
  Payload: record x: boolean; end;

-- error: needs a capacity
network a: unordered of
  Ping(n: Node);
end;

-- error: an ordered network needs its endpoint type
network b: ordered capacity 2 of
  Ping(n: Node);
end;

network c: set of
  -- error: must have a simple type
  Data(p: Payload);
end;

-- error: cannot be lossy or duplicating
network d: set lossy of
  Ping(n: Node);
end;

network e: unordered capacity 2 of
  Ping(n: Node);
  -- error: fields of the same name need the same type
  Pong(n: boolean);
  -- error: is declared twice
  Ping;
end;

network f: unordered capacity 2 of
  -- error: 'kind' is reserved
  Tagged(kind: Node);
end;

-- error: a network capacity must be at least 1
network g: unordered capacity 0 of
  Ping;
end;

-- error: only an ordered network has an endpoint type
network h: unordered [Node] capacity 1 of
  Ping;
end;

startstate begin end;
