#!/usr/bin/env bash
# The cluster engine over the whole corpus (and the protocol library's models in the test): runs the cluster
# module's SparkCorpusTest (one local[2] Spark context, every corpus model on the local explorer and on Spark, results
# compared) and prints what it measured: each test class's time, the ten slowest models on Spark, the totals, and
# the least-squares fit of Spark's time per model, c + a * levels + b * states (c the per-model overhead, a the
# per-level overhead, b the per-state cost), with the load average before and after.
#
#   bench/cluster-corpus.sh [ROUNDS] [-- MAVEN OPTIONS]
#   e.g. bench/cluster-corpus.sh 1 -- -Dcluster.partitions=2
#
# Runs Maven offline (./mvnw -o); on a shared machine wrap it in the machine's build-slot wrapper. The test's times
# are printed, never asserted: quote them with the load (bench/LOG.md, docs/cluster.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-1}
(($#)) && shift
[[ ${1:-} == -- ]] && shift
cd "$root"
for ((i = 1; i <= rounds; i++)); do
  log=$(mktemp)
  echo "round $i: $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  start=$(date +%s.%N)
  ./mvnw -o -B -pl cluster -am test -Dtest='SparkCorpusTest' -Dsurefire.failIfNoSpecifiedTests=false \
    -DfailIfNoTests=false "$@" >"$log" 2>&1 || { tail -40 "$log" >&2; echo "bench/cluster-corpus.sh: the test failed ($log)" >&2; exit 1; }
  end=$(date +%s.%N)
  grep -E '^cluster-(total|slowest|fit)' "$log" || true
  grep -E 'Tests run: .*in io.ballot.cluster' "$log" || true
  printf 'round %d: maven wall %.1f s, load after %s\n' "$i" "$(echo "$end - $start" | bc)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "round $i: every run's line (cluster-run) and the whole output: $log"
done
