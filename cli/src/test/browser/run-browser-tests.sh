#!/usr/bin/env bash
# Runs the trace viewer's browser tests (viewer.test.mjs) in headless Chromium; the Maven build calls this in the
# cli module's integration-test phase, after ballot.jar is built. Without node, npm or Chromium (e.g. on a user's
# machine) the tests are skipped with a message, not failed; .ci/run installs Chromium. npm ci runs only when
# package-lock.json changed since the last install. Set CHROMIUM to use another Chromium binary.
set -euo pipefail
cd "$(dirname "$0")"
skip() {
  echo "SKIPPED: trace viewer browser tests: $1"
  exit 0
}
command -v node >/dev/null 2>&1 || skip "node is not installed"
command -v npm >/dev/null 2>&1 || skip "npm is not installed"
chromium="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || skip "no Chromium at $chromium (apt-get install chromium, or set CHROMIUM)"
if ! cmp -s package-lock.json node_modules/.ballot-installed-lock 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.ballot-installed-lock
fi
exec node --test --test-reporter=spec viewer.test.mjs expr.test.mjs
