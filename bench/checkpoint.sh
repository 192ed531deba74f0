#!/usr/bin/env bash
# Checkpoint overhead, size and resume time on one model, alternating runs with and without --checkpoint so that
# the machine's drift hits both alike.
#
#   bench/checkpoint.sh MODEL ROUNDS [JAR] [-- CHECK OPTIONS]
#   e.g. bench/checkpoint.sh bench/models/counters.m 3 cli/target/ballot.jar -- --threads 2
#   with the disk store (issue 25.5), 10^7 states, a checkpoint at every level:
#   EVERY=0 bench/checkpoint.sh bench/models/counters.m 3 cli/target/ballot.jar -- --const N=7 --threads 2 \
#     --store disk --memory 256M
#
# Per round: (1) a plain run; (2) the same with --checkpoint DIR --checkpoint-every 10s (EVERY to change it);
# (3) --resume DIR of that finished checkpoint: the time to read, check and re-insert every state, then report;
# (4) a run stopped by --time-limit HALF (half the plain run's exploration time) with --checkpoint, then (5) its
# --resume to the end: the split run's total against the plain one. Prints the exploration time the check
# reports, the wall time, the checkpoint's bytes and bytes per state, and the load average; quote medians and the
# load with any figure (bench/LOG.md, docs/benchmarks.md). SPLIT=0 leaves (4) and (5) out.
set -euo pipefail
model=$1 rounds=$2
shift 2
jar=cli/target/ballot.jar
if (($#)) && [[ $1 != -- ]]; then jar=$1; shift; fi
[[ ${1:-} == -- ]] && shift
every=${EVERY:-10s}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# run a copy: a build that replaces the jar during the runs would break the JVM's lazy class loading
cp "$jar" "$work/ballot.jar"
java=(java -Xss16m -XX:+UseParallelGC -jar "$work/ballot.jar" check "$model" "$@")

run() { # label, then extra options; prints one line
  local label=$1 start end code
  shift
  start=$(date +%s.%N)
  code=0
  "${java[@]}" "$@" >"$work/out" 2>&1 || code=$?
  end=$(date +%s.%N)
  printf '%-10s exit %-2s %-26s wall %6.2f s  load %s\n' "$label" "$code" \
    "$(grep -o 'Time: [0-9.]* s' "$work/out" | head -1 || echo 'no time')" "$(echo "$end - $start" | bc)" \
    "$(cut -d' ' -f1 /proc/loadavg)"
}

for ((i = 1; i <= rounds; i++)); do
  echo "round $i"
  run plain
  plain=$(grep -o 'Time: [0-9.]*' "$work/out" | grep -o '[0-9.]*$')
  states=$(grep -o 'States: [0-9]*' "$work/out" | grep -o '[0-9]*$')
  rm -rf "$work/ck"
  run checkpoint --checkpoint "$work/ck" --checkpoint-every "$every"
  bytes=$(cat "$work/ck/states" "$work/ck/manifest" | wc -c)
  printf '           checkpoint %d bytes, %d states: %.2f bytes/state\n' "$bytes" "$states" \
    "$(echo "$bytes / $states" | bc -l)"
  run resume --resume "$work/ck"
  [[ ${SPLIT:-1} == 0 ]] && continue
  rm -rf "$work/ck2"
  half=$(echo "$plain / 2" | bc -l)
  run half --checkpoint "$work/ck2" --checkpoint-every "$every" --time-limit "$(printf '%.1f' "$half")"
  run rest --resume "$work/ck2"
done
