#!/usr/bin/env bash
# Speed of 'ballot replay' on logs of the example two-phase commit system (examples/, docs/replay-tutorial.md):
# logs of about 10^3, 10^4 and 10^5 events, as one shared log and as four per-node logs (TM + 3 RMs, with clocks),
# with every node's state logged ("full") and with one variable per node left out ("unlogged": the TM's decision,
# each RM's status). Prints one row per replay: events, replay seconds (the JSON's "seconds", model loading
# excluded), events per second, peak frontier (the JSON's "peakFrontier"), verdict, and the whole command's time.
#   bench/replay.sh [SIZES...]        (default: 1000 10000 100000)
# Not part of the test suite. Needs cli/target/ballot.jar and examples/target/ballot-examples.jar:
#   ./mvnw -o -B -q -pl cli,examples -am package -DskipTests   (or BALLOT_EXAMPLES_JAR=another jar of examples/)
# The system runs with 1% message loss and no other fault (--soak: the RMs keep asking for the decision and log
# each answer, so a log can be as long as asked). JVM options for the replay: BALLOT_JAVA_OPTS (default the
# launcher's, -Xss16m -XX:+UseParallelGC); extra 'ballot replay' options: BALLOT_REPLAY_FLAGS (for instance
# "--symmetry-reduction off"); which layouts and states: BENCH_LAYOUTS (default "single per-node") and BENCH_STATES
# (default "full unlogged").
set -euo pipefail
root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cli=$root/cli/target/ballot.jar
sys=${BALLOT_EXAMPLES_JAR:-$root/examples/target/ballot-examples.jar}
for j in "$cli" "$sys"; do
  [[ -f $j ]] || { echo "bench/replay.sh: $j is missing; build it: ./mvnw -o -B -q -pl cli,examples -am package -DskipTests" >&2; exit 2; }
done
model=$root/protocols/models/two-phase/TwoPhase.m
mapping=$root/examples/src/main/resources/twophase/twophase.yaml
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000 100000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2206
jopts=(${BALLOT_JAVA_OPTS:--Xss16m -XX:+UseParallelGC})
# shellcheck disable=SC2206
rflags=(${BALLOT_REPLAY_FLAGS:-})
read -r -a layouts <<<"${BENCH_LAYOUTS:-single per-node}"
read -r -a states <<<"${BENCH_STATES:-full unlogged}"
printf '%-8s %-9s %-9s %9s %9s %12s %6s %-9s %8s\n' size logs state events seconds events/s peak verdict wall_s
for n in "${sizes[@]}"; do
  for layout in "${layouts[@]}"; do
    for state in "${states[@]}"; do
      d=$work/$n-$layout-$state
      flags=(--no-faults --loss 0.01 --seed "$n" --soak "$n")
      [[ $layout == single ]] && flags+=(--single-log)
      [[ $state == unlogged ]] && flags+=(--unlogged)
      read -r -a logs <<<"$(java -cp "$sys" io.ballot.examples.twophase.Main "${flags[@]}" "$d")"
      start=$(date +%s.%N)
      rc=0
      java "${jopts[@]}" -jar "$cli" replay "$model" "${logs[@]}" --mapping "$mapping" --steps 0 "${rflags[@]}" \
        --json "$d/replay.json" >"$d/replay.txt" 2>&1 || rc=$?
      end=$(date +%s.%N)
      python3 - "$d/replay.json" "$n" "$layout" "$state" "$start" "$end" "$rc" <<'PY'
import json, sys
path, n, layout, state, start, end, rc = sys.argv[1:]
try:
    j = json.load(open(path))
except OSError:
    print(f"{n:<8} {layout:<9} {state:<9} replay failed (exit {rc})")
    sys.exit(0)
rate = j["events"] / j["seconds"] if j["seconds"] > 0 else float("inf")
print(f'{n:<8} {layout:<9} {state:<9} {j["events"]:>9} {j["seconds"]:>9.2f} {rate:>12,.0f} {j["peakFrontier"]:>6}'
      f' {j["verdict"]:<9} {float(end) - float(start):>8.2f}')
PY
    done
  done
done
