#!/usr/bin/env bash
# What `--compact-states auto` with `--store auto` (the defaults) does under small memory limits (issue 25.2/25.3):
# for DiskStoreTest's two wide models (deep counters, parts) and each limit, whether the records moved to the tree
# ("tree"), handed their levels over to the disk search ("handover"), or a tree reached the limit and the search
# started again on disk ("RESTART", the outcome WideStoreSwitch.treeFits tries to avoid). Every run must end in
# the same verdict (exit 10).
#
#   bench/handover-sweep.sh [JAR] [LIMIT...]     # default cli/target/ballot.jar, 0.5 to 8 MB
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${1:-$root/cli/target/ballot.jar}
shift || true
limits=("$@")
((${#limits[@]})) || limits=(512K 640K 768K 896K 1M 1152K 1280K 1408K 1536K 1664K 1792K 1920K 2M 2304K 2560K 3M 4M 5M 6M 8M)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/deep.m" <<'M'
const N: 5; MAX: 9;
type idx: 1..N; val: 0..MAX;
var c: array [idx] of val; pad: array [1..4] of 0..65535;
startstate begin for k: 1..4 do pad[k] := 7; end; for i: idx do c[i] := 0; end; end;
ruleset i: idx do
  rule "inc" c[i] < MAX ==> begin c[i] := c[i] + 1; end;
  rule "reset" c[i] = MAX ==> begin c[i] := 0; end;
end;
invariant "bounded" forall i: idx do c[i] <= MAX end & c[1] + c[2] + c[3] + c[4] < 34;
M
cat >"$tmp/parts.m" <<'M'
const MAX: 3;
type val: 0..MAX;
var a: array [1..4] of val; pad: array [1..4] of 0..65535; b: array [1..5] of val;
startstate begin for k: 1..4 do pad[k] := 7; a[k] := 0; end; for k: 1..5 do b[k] := 0; end; end;
ruleset i: 1..4 do rule "a" a[i] < MAX ==> begin a[i] := a[i] + 1; end; end;
ruleset i: 1..5 do rule "b" b[i] < MAX ==> begin b[i] := b[i] + 1; end; end;
invariant "not all full" exists i: 1..5 do b[i] < MAX end | exists i: 1..4 do a[i] < MAX end;
M
for m in deep parts; do
  for mem in "${limits[@]}"; do
    rc=0
    java -Xss16m -jar "$jar" check "$tmp/$m.m" --threads 2 --memory "$mem" >"$tmp/out" 2>"$tmp/err" || rc=$?
    what=""
    grep -q 'moved to the tree-compressed' "$tmp/err" && what+="tree "
    grep -q 'continuing from there with the states on disk' "$tmp/err" && what+="handover "
    grep -q 'searching again with the states on disk' "$tmp/err" && what+="RESTART"
    echo -e "$m\t$mem\texit $rc\t${what:-memory}"
  done
done
