#!/usr/bin/env bash
# Builds the VS Code extension: installs its npm packages (exact versions from package-lock.json), runs its unit
# tests and packages editors/vscode/ballot-murphi.vsix. Not part of './mvnw verify' (it needs the npm registry and
# takes about a minute on a fresh machine); run it by hand or in a release job.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
npm test
npm run -s package
echo "built $(pwd)/ballot-murphi.vsix"
