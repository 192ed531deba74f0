#!/usr/bin/env bash
# The front end's time against the size of its input: `ballot validate` on generated models (bench/frontend_models.py)
# of growing size, one fresh JVM per run, as a user runs it. Prints per model the wall seconds (fastest of ROUNDS)
# and, from the second size of a kind on, the ratio to the previous size (linear: the ratio of the sizes).
#   bench/frontend.sh [ROUNDS]          # default 1
# Not part of the test suite. Builds the CLI jar first if needed (through ./ballot). JVM options: BALLOT_JAVA_OPTS,
# default the launcher's (-Xss16m -XX:+UseParallelGC).
set -euo pipefail
root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
rounds=${1:-1}
"$root/ballot" --version >/dev/null
java=java
[[ -n ${JAVA_HOME:-} ]] && java=$JAVA_HOME/bin/java
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { # kind size -> fastest wall seconds
  local f=$tmp/$1-$2.m best= t
  "$root/bench/frontend_models.py" "$1" "$2" >"$f"
  for ((r = 0; r < rounds; r++)); do
    local t0=$(date +%s.%N)
    # shellcheck disable=SC2086
    "$java" ${BALLOT_JAVA_OPTS:--Xss16m -XX:+UseParallelGC} -jar "$root/cli/target/ballot.jar" validate -q "$f" \
      >/dev/null 2>"$tmp/err" || { echo "$1 $2: validate failed:" >&2; head -3 "$tmp/err" >&2; return 1; }
    t=$(echo "$(date +%s.%N) - $t0" | bc)
    if [[ -z $best ]] || (( $(echo "$t < $best" | bc) )); then best=$t; fi
  done
  echo "$best"
}
printf '%-8s %8s %9s %7s\n' kind size seconds ratio
for spec in "rules 2000 5000 10000 20000" "sum 10000 50000 100000"; do
  set -- $spec
  kind=$1
  shift
  prev=
  for n in "$@"; do
    t=$(run "$kind" "$n")
    ratio=
    [[ -n $prev ]] && ratio=$(printf '%.2f' "$(echo "$t / $prev" | bc -l)")
    printf '%-8s %8d %9.2f %7s\n' "$kind" "$n" "$t" "$ratio"
    prev=$t
  done
done
