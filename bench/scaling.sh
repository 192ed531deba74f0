#!/usr/bin/env bash
# Steady-state 1- and 2-thread exploration throughput of one model, in one warmed-up JVM (see bench/Scaling.java).
#   bench/scaling.sh bench/models/two-phase.m [WARMUP_ROUNDS [MEASURED_ROUNDS]]
# Not part of the test suite. Builds the CLI jar first if needed (through ./ballot). JVM options: BALLOT_JAVA_OPTS,
# default the launcher's (-Xss16m -XX:+UseParallelGC) and -Xmx8g.
set -euo pipefail
root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
"$root/ballot" --version >/dev/null
java=java
[[ -n ${JAVA_HOME:-} ]] && java=$JAVA_HOME/bin/java
# shellcheck disable=SC2086
exec "$java" ${BALLOT_JAVA_OPTS:--Xss16m -XX:+UseParallelGC -Xmx8g} -cp "$root/cli/target/ballot.jar" \
  "$root/bench/Scaling.java" "$@"
