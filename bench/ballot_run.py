"""One `ballot check --json` run for the bench scripts: the report as a dict (exit codes 0 and 10 accepted)."""
import json, os, subprocess, sys, tempfile
from pathlib import Path


def check_json(jar, model, options):
    """Runs `ballot check --threads 2 --json` on MODEL with OPTIONS under -Xmx3g (JAVA_HEAP overrides) and no daemon;
    exits with the run's output when it fails."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "r.json"
        cmd = ["java", os.environ.get("JAVA_HEAP", "-Xmx3g"), "-Xss16m", "-XX:+UseParallelGC", "-jar", str(jar), "check",
               "--threads", "2", "--json", str(report), *options, str(model)]
        p = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "BALLOT_DAEMON": "off"})
        if p.returncode not in (0, 10):
            sys.exit(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stdout[-1500:]}{p.stderr[-1500:]}")
        return json.loads(report.read_text())
