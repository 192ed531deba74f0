#!/usr/bin/env bash
# Compares ballot builds on one model, alternating runs so that the machine's drift hits each build alike.
#
#   bench/compare-jars.sh MODEL ROUNDS JAR... [-- CHECK OPTIONS]
#   e.g. bench/compare-jars.sh bench/models/counters.m 3 /tmp/old/ballot.jar cli/target/ballot.jar -- --threads 2
#
# Build an old jar with: git worktree add /tmp/old REV && (cd /tmp/old && ./mvnw -o -B -q -pl cli -am package
# -DskipTests). Prints, per run, the exploration time the check reports, the process's wall and CPU seconds (user +
# sys), its peak RSS and the load average; quote medians and the load with any figure (bench/LOG.md). Since interpret first
# (issue 24) the exploration time includes javac's (it runs in the background while the interpreter explores), so
# compare the wall time too.
set -euo pipefail
model=$1 rounds=$2
shift 2
jars=()
while (($#)) && [[ $1 != -- ]]; do jars+=("$1"); shift; done
[[ ${1:-} == -- ]] && shift
out=$(mktemp) times=$(mktemp)
trap 'rm -f "$out" "$times"' EXIT
for ((i = 1; i <= rounds; i++)); do
  for jar in "${jars[@]}"; do
    /usr/bin/time -f "%U %S %e %M" -o "$times" java -Xss16m -XX:+UseParallelGC -jar "$jar" check "$model" "$@" >"$out" 2>&1 || true
    printf '%s\t%s\twall %s s\tcpu %s s\tpeak RSS %s MiB\tload %s\n' "$jar" \
      "$(grep -o 'Time: [0-9.]* s' "$out" || echo 'no time (see the run)')" "$(tail -1 "$times" | awk '{print $3}')" \
      "$(tail -1 "$times" | awk '{print $1 + $2}')" "$(tail -1 "$times" | awk '{printf "%d", $4 / 1024}')" \
      "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
