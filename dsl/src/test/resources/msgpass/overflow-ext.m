-- Sending to a full network is a violation reported at the send, never a silent drop.
network net: unordered capacity 2 of
  Ping;
end;
rule "spam" true ==>
  send net Ping;
end;
