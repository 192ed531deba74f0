#!/usr/bin/env bash
# The cluster engine (check --engine spark) against the local explorer, alternating runs so that the machine's drift
# hits both alike; and the cost model of docs/cluster.md measured.
#
#   bench/cluster.sh MODEL ROUNDS [MASTER] [-- CHECK OPTIONS]
#   e.g. bench/cluster.sh bench/models/two-phase.m 3 'local[2]' -- --const N=7 --deadlock-detection off
#   bench/cluster.sh --cost-model ROUNDS [MASTER]
#
# MASTER is local[N] (default local[2]), spark://HOST:PORT, or `standalone`: a Spark standalone master and two
# one-core workers started here on 127.0.0.1 (child JVMs of Spark's Master and Worker classes from Maven's jars; a
# temporary SPARK_HOME whose jars/ links them, as a distribution's would) and stopped on exit. The executors then load
# ballot from ballot.jar, which the driver ships to them (spark.jars): the jar spark-submit takes.
#
# --cost-model runs three models, ROUNDS times each, local and Spark alternating: a chain of 31 levels of one state
# (counters.m N=1 MAX=30: the per-level overhead alone), counters.m N=6 (10^6 states, 55 levels) and two-phase.m N=8
# (1.6 * 10^6 states, 26 levels), then fits time = levels * a + states * b / cores on the first two and checks the
# prediction against the third (docs/cluster.md, "Cost model").
#
# DRIVER_HEAP=16g sets the Spark run's -Xmx (on local[N] the driver holds the executors: a 10^8-state run needs about
# 5 GB for its levels and seen sets, more than the JVM's default quarter of the RAM leaves after Spark's own).
# NARROW=N sets the engine's narrow-level limit (spark.ballot.narrowLimit: levels of at most N new states run as one
# task without a shuffle; default 8192); --cost-model sets it to 0 unless NARROW is given (empty: the default).
# OLD_JAR=path/to/ballot.jar (e.g. a copy of main's cli/target/ballot.jar) adds a third run to each round: the same
# Spark check with that jar (engine `spark-old` in the output; the cost model is then fitted for both jars).
#
# Needs cli/target/ballot.jar and cluster/target/spark-classpath.txt (Spark's jars, written by
# ./mvnw -o -B -q -pl cli -am package -DskipTests). Runs ballot.jar on Spark as spark-submit does (Spark's jars first,
# with Spark's Java 17 flags), so no Spark distribution is needed. Prints, per run, the engine, the states, the depth,
# the exploration time and states/s the check reports, states/s per core, the process's wall and CPU seconds and the
# load average; quote medians and the load with any figure (bench/LOG.md, docs/cluster.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cost=0
if [[ ${1:-} == --cost-model ]]; then
  cost=1
  shift
  rounds=$1
  shift
else
  model=$1 rounds=$2
  shift 2
fi
master='local[2]'
if (($#)) && [[ $1 != -- ]]; then master=$1; shift; fi
[[ ${1:-} == -- ]] && shift
jar=$root/cli/target/ballot.jar
sparkcp=$(cat "$root/cluster/target/spark-classpath.txt")
opens=$(sed -n 's|.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*|\1|p' "$root/cluster/pom.xml")
work=$(mktemp -d)
out=$work/out times=$work/times
pids=()
cleanup() {
  for p in "${pids[@]}"; do
    pkill -TERM -P "$p" 2>/dev/null || true # a worker's executors
    kill "$p" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
await() { # log, line
  for _ in $(seq 300); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "bench/cluster.sh: $1 never said \"$2\":" >&2
  tail -20 "$1" >&2
  exit 1
}

cores=2
if [[ $master == standalone ]]; then
  home=$work/spark-home
  mkdir -p "$home/jars"
  tr ':' '\n' <<<"$sparkcp" | while read -r j; do ln -sf "$j" "$home/jars/"; done
  printf '%s\n' 'rootLogger.level = info' 'rootLogger.appenderRef.stdout.ref = console' \
    'appender.console.type = Console' 'appender.console.name = console' 'appender.console.layout.type = PatternLayout' \
    'appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n' >"$home/log4j2.properties"
  export SPARK_LOCAL_IP=127.0.0.1 SPARK_HOME=$home SPARK_SCALA_VERSION=2.13
  daemon=(java -Xmx512m -Dspark.master.rest.enabled=false "-Dlog4j2.configurationFile=$home/log4j2.properties"
    -cp "$sparkcp")
  port=$(freeport)
  # shellcheck disable=SC2086 # the flags are words
  "${daemon[@]}" $opens org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" \
    --webui-port "$(freeport)" >"$work/master.log" 2>&1 &
  pids+=($!)
  await "$work/master.log" 'I have been elected leader'
  for w in 1 2; do
    mkdir -p "$work/work$w"
    # shellcheck disable=SC2086
    "${daemon[@]}" $opens org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 3g \
      --webui-port "$(freeport)" --work-dir "$work/work$w" "spark://127.0.0.1:$port" >"$work/worker$w.log" 2>&1 &
    pids+=($!)
  done
  await "$work/worker1.log" 'Successfully registered with master'
  await "$work/worker2.log" 'Successfully registered with master'
  master=spark://127.0.0.1:$port
  echo "standalone cluster: master $master, 2 workers of 1 core (logs in $work)"
elif [[ $master =~ ^local\[([0-9]+) ]]; then
  cores=${BASH_REMATCH[1]}
fi

run() { # engine, then the java command line; prints a line and sets $seconds
  local engine=$1
  shift
  /usr/bin/time -f "%e %U %S" -o "$times" "$@" >"$out" 2>&1 || true
  # the verdict, counts and the counterexample's length (both shortest), to compare the engines' results
  result=$(grep -E '^Result:' "$out" || true)$(grep -oE 'States: [0-9]+  Rules fired: [0-9]+  Depth: [0-9]+' "$out" || true)
  result+=$(grep -oE 'End of the counterexample \([0-9]+ steps\)' "$out" | sed 's/^/; /' || true)
  seconds=$(grep -o 'Time: [0-9.]*' "$out" | awk '{print $2}' || true)
  local states rate
  states=$(grep -o 'States: [0-9]*' "$out" | awk '{print $2}' || true)
  rate=$(grep -o '([0-9]* states/s)' "$out" | tr -d '(' | awk '{print $1}' || true)
  if [[ -z $states ]]; then
    echo "$engine: no result; the run's last lines:" >&2
    tail -5 "$out" >&2
    seconds=
    return
  fi
  printf '%s\tstates %s\tdepth %s\ttime %s s\t%s states/s\t%s states/s/core\twall %s s\tcpu %s s\tload %s\n' \
    "$engine" "$states" "$(grep -o 'Depth: [0-9]*' "$out" | awk '{print $2}')" "$seconds" "$rate" \
    "$((rate / cores))" "$(tail -1 "$times" | awk '{print $1}')" "$(tail -1 "$times" | awk '{print $2 + $3}')" \
    "$(cut -d' ' -f1 /proc/loadavg)"
}
local_run() { run "local --threads 2" java -Xss16m -jar "$jar" check --threads 2 "$@"; }
spark_with() { # label, jar, then the check's arguments
  local label=$1 with=$2
  shift 2
  # shellcheck disable=SC2086 # the flags are words
  run "$label $master" java -Xss16m ${DRIVER_HEAP:+-Xmx$DRIVER_HEAP} ${NARROW:+-Dspark.ballot.narrowLimit=$NARROW} $opens -Dspark.executor.memory=2g -cp "$sparkcp:$with" io.ballot.cli.Main check \
    --engine spark --master "$master" "$@"
}
spark_run() { spark_with spark "$jar" "$@"; }
old_run() { spark_with spark-old "$OLD_JAR" "$@"; }
old=${OLD_JAR:+1}

if ((!cost)); then
  for ((i = 1; i <= rounds; i++)); do
    local_run "$model" "$@"
    expected=$result
    spark_run "$model" "$@"
    if [[ $result != "$expected" || -z $result ]]; then
      echo "DIFFERENT RESULTS: local: $expected; spark: $result" >&2
      exit 1
    fi
    echo "same result: $result"
    if [[ -n $old ]]; then
      old_run "$model" "$@"
      [[ $result == "$expected" ]] || { echo "DIFFERENT RESULTS: local: $expected; spark-old: $result" >&2; exit 1; }
    fi
  done
  exit 0
fi

# the model is of partitioned levels, as a large run's are: narrow levels (one task, no shuffle) would make the chain
# measure their smaller overhead instead (NARROW= empty keeps the engine's default)
NARROW=${NARROW-0}
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
declare -A med
names=(chain counters6 twophase8)
declare -A args=(
  [chain]="$root/bench/models/counters.m --const N=1 --const MAX=30"
  [counters6]="$root/bench/models/counters.m --const N=6"
  [twophase8]="$root/bench/models/two-phase.m --const N=8 --deadlock-detection off"
)
declare -A levels states
for n in "${names[@]}"; do
  : >"$work/$n.local" && : >"$work/$n.spark" && : >"$work/$n.old"
  for ((i = 1; i <= rounds; i++)); do
    # shellcheck disable=SC2086 # the arguments are words
    local_run ${args[$n]} >&2
    [[ -n $seconds ]] && echo "$seconds" >>"$work/$n.local"
    # shellcheck disable=SC2086
    spark_run ${args[$n]} >&2
    [[ -n $seconds ]] && echo "$seconds" >>"$work/$n.spark"
    states[$n]=$(grep -o 'States: [0-9]*' "$out" | awk '{print $2}')
    levels[$n]=$(($(grep -o 'Depth: [0-9]*' "$out" | awk '{print $2}') + 1))
    if [[ -n $old ]]; then
      # shellcheck disable=SC2086
      old_run ${args[$n]} >&2
      [[ -n $seconds ]] && echo "$seconds" >>"$work/$n.old"
    fi
  done
  med[$n.local]=$(median <"$work/$n.local")
  med[$n.spark]=$(median <"$work/$n.spark")
  med[$n.old]=$([[ -n $old ]] && median <"$work/$n.old" || echo 0)
  printf 'median %s: %s states, %s levels: local %s s, spark %s s%s\n' "$n" "${states[$n]}" "${levels[$n]}" \
    "${med[$n.local]}" "${med[$n.spark]}" "${old:+, spark-old ${med[$n.old]} s}"
done
fit() { # label, engine
# time = levels * a + states * b / cores: a from the chain (its states are nothing), b from counters6
awk -v L1="${levels[chain]}" -v T1="${med[chain.$2]}" -v S2="${states[counters6]}" -v L2="${levels[counters6]}" \
  -v T2="${med[counters6.$2]}" -v S3="${states[twophase8]}" -v L3="${levels[twophase8]}" \
  -v T3="${med[twophase8.$2]}" -v c="$cores" -v label="$1" 'BEGIN {
  a = T1 / L1; b = (T2 - L2 * a) * c / S2
  printf "cost model (%s): per-level overhead a = %.2f s, per-state cost b = %.1f us per core (%.0f states/s/core)\n",
    label, a, b * 1e6, 1 / b
  p = L3 * a + S3 * b / c
  printf "check on two-phase N=8: predicted %.1f s, measured %.1f s (%+.0f %%)\n", p, T3, (T3 - p) / p * 100
}'
}
fit spark spark
if [[ -n $old ]]; then fit spark-old old; fi
