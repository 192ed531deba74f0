#!/usr/bin/env bash
# The disk store (--store disk, issue 25.2) against the in-memory search on one model, alternating the two so that
# the machine's drift hits both alike.
#
#   bench/disk.sh MODEL ROUNDS DISK_MEMORY [JAR] [-- CHECK OPTIONS]
#   e.g. bench/disk.sh bench/models/counters.m 3 256M -- --const N=7 --threads 2
#
# Per round: (1) --store memory with the default memory limit (HEAP sets -Xmx, default 12g); (2) --store disk:DIR
# with --memory DISK_MEMORY. Prints the states, the exploration time the check reports and its states/s, the wall
# time, the peak RSS (GNU time), for the disk run the bytes its files took at the end (they are kept, as DIR was
# given, and removed by this script), and the load average. Quote medians, the ratio disk/memory states/s and the
# load with any figure (bench/LOG.md, docs/benchmarks.md): this is a shared machine.
#
# The CPU time (user + sys, GNU time) is printed too: on a shared machine it is the steadier figure. JAVA_OPTS adds
# JVM options, e.g. a JFR recording, or -Dballot.diskStats=1: each partition's counts at the end (batches looked
# up, lookups that reached the runs and how many found the state there, run probes, blocks read, records written
# including merges, runs, filter bits).
#
# DISK_ONLY=1 skips the memory leg (a model whose states do not fit in memory). The 10^9-state run of issue 25
# (counters.m N=9: 10^9 states of one word, about 24 GB on disk, so give STORE_PARENT a file system with 30 GB
# free; it needs about 370,000 states/s to end within 45 min), on a quiet machine:
#   DISK_ONLY=1 STORE_PARENT=/var/tmp bench/disk.sh bench/models/counters.m 1 2G -- --const N=9 --threads 2
# and the same model's first 10^8 states in memory and on disk, for the ratio:
#   bench/disk.sh bench/models/counters.m 1 2G -- --const N=8 --threads 2
set -euo pipefail
model=$1 rounds=$2 small=$3
shift 3
jar=cli/target/ballot.jar
if (($#)) && [[ $1 != -- ]]; then jar=$1; shift; fi
[[ ${1:-} == -- ]] && shift
heap=${HEAP:-12g}
work=$(mktemp -d "${STORE_PARENT:-${TMPDIR:-/tmp}}/ballot-disk-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
# run a copy: a build that replaces the jar during a long run would break the JVM's lazy class loading
cp "$jar" "$work/ballot.jar"
# JAVA_OPTS: extra JVM options (e.g. a JFR recording); word-split.
java=(java -Xss16m -Xmx"$heap" -XX:+UseParallelGC ${JAVA_OPTS:-} -jar "$work/ballot.jar" check "$model" "$@")

run() { # label, then extra options; prints one line
  local label=$1 start end code disk
  shift
  rm -rf "$work/store"
  start=$(date +%s.%N)
  code=0
  /usr/bin/time -f 'rss %M KiB cpu %U %S' "${java[@]}" "$@" >"$work/out" 2>"$work/err" || code=$?
  end=$(date +%s.%N)
  disk=0
  [[ -d $work/store ]] && disk=$(du -sb "$work/store" | cut -f1)
  printf '%-7s exit %-2s %-16s %-20s %-24s wall %7.2f s  %-16s cpu %8.2f s  disk %12s B  load %s\n' "$label" "$code" \
    "$(grep -o 'States: [0-9]*' "$work/out" | head -1 || echo 'no states')" \
    "$(grep -o 'Time: [0-9.]* s' "$work/out" | head -1 || echo 'no time')" \
    "$(grep -o '([0-9]* states/s)' "$work/out" | head -1 || echo '')" \
    "$(echo "$end - $start" | bc)" "$(grep -o 'rss [0-9]* KiB' "$work/err" | tail -1)" \
    "$(grep -o 'cpu [0-9.]* [0-9.]*' "$work/err" | tail -1 | awk '{print $2 + $3}')" "$disk" \
    "$(cut -d' ' -f1 /proc/loadavg)"
  grep -i 'warning\|error' "$work/err" | grep -v '^rss' | head -3 || true
  grep '^disk store partition' "$work/err" || true # with JAVA_OPTS=-Dballot.diskStats
}

for ((i = 1; i <= rounds; i++)); do
  echo "round $i"
  [[ ${DISK_ONLY:-0} == 1 ]] || run memory --store memory
  run disk --store "disk:$work/store" --memory "$small"
done
