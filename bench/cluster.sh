#!/usr/bin/env bash
# The cluster engine (check --engine spark, Spark in local mode) against the local explorer on one model, alternating
# runs so that the machine's drift hits both alike.
#
#   bench/cluster.sh MODEL ROUNDS [MASTER] [-- CHECK OPTIONS]
#   e.g. bench/cluster.sh bench/models/two-phase.m 3 'local[2]' -- --const N=7 --deadlock-detection off
#
# Needs cli/target/ballot.jar and cluster/target/spark-classpath.txt (Spark's jars, written by
# ./mvnw -o -B -q -pl cli -am package -DskipTests). Runs ballot.jar on Spark as spark-submit does (Spark's jars first,
# with Spark's Java 17 flags), so no Spark distribution is needed. Prints, per run, the engine, the states, the
# exploration time and states/s the check reports, the process's wall and CPU seconds and the load average; quote
# medians and the load with any figure (bench/LOG.md, docs/cluster.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
model=$1 rounds=$2
shift 2
master='local[2]'
if (($#)) && [[ $1 != -- ]]; then master=$1; shift; fi
[[ ${1:-} == -- ]] && shift
jar=$root/cli/target/ballot.jar
sparkcp=$(cat "$root/cluster/target/spark-classpath.txt")
opens=$(sed -n 's|.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*|\1|p' "$root/cluster/pom.xml")
out=$(mktemp) times=$(mktemp)
trap 'rm -f "$out" "$times"' EXIT
run() { # engine, then the java command line
  local engine=$1
  shift
  /usr/bin/time -f "%e %U %S" -o "$times" "$@" >"$out" 2>&1 || true
  printf '%s\t%s\t%s\twall %s s\tcpu %s s\tload %s\n' "$engine" \
    "$(grep -o 'States: [0-9]*' "$out" || echo 'no states (see the run)')" \
    "$(grep -o 'Time: [0-9.]* s  ([0-9]* states/s)' "$out" || tail -3 "$out")" \
    "$(tail -1 "$times" | awk '{print $1}')" "$(tail -1 "$times" | awk '{print $2 + $3}')" "$(cut -d' ' -f1 /proc/loadavg)"
}
for ((i = 1; i <= rounds; i++)); do
  run "local --threads 2" java -Xss16m -jar "$jar" check --threads 2 "$model" "$@"
  # shellcheck disable=SC2086 # the flags are words
  run "spark $master" java -Xss16m $opens -cp "$sparkcp:$jar" io.ballot.cli.Main check --engine spark \
    --master "$master" "$model" "$@"
done
