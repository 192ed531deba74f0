-- Two processes: 1 sends ping, 2 answers pong, 1 receives it. Per-process logs of it are only valid interleaved.
var ping, pong, got_ping, got_pong: boolean;
startstate begin ping := false; pong := false; got_ping := false; got_pong := false; end;
rule "send ping" !ping ==> begin ping := true; end;
rule "recv ping" ping & !got_ping ==> begin got_ping := true; end;
rule "send pong" got_ping & !pong ==> begin pong := true; end;
rule "recv pong" pong & !got_pong ==> begin got_pong := true; end;
