#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0 — nova-agent
# bench/agent-bench.sh — the agent benchmark of issue #4 (start-up, latency through the real
# oxenstored, idle cost). Not part of `mvn verify`. Needs root (oxenstored runs in a private
# mount namespace), xen-utils-4.17, xenstore-utils, gcc and GNU time, and the project installed
# in ~/.m2 first: `mvn -B -DskipTests install` from the repository root.
# Usage: sudo bench/agent-bench.sh [--requests=1000] [--warmup=200] [--idle-seconds=30]
#                                  [--startup-runs=10] [--only=startup,latency,idle,footprint] [--out=FILE]
#        footprint (issue #14) needs the .deb of dist (mvn -B install, or dist/package.sh) and python3-pyxs:
#                                  [--footprint-runs=10] [--burst=1000] [--settle-seconds=30] [--deb=FILE]
#        sudo bench/agent-bench.sh --only=footprint --smoke=1   (CI: one run, a 50-request burst, no timing check)
# The report is printed at the end and kept in agent-tests/target/agent-bench.txt (default --out).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ "$(id -u)" != 0 ]; then
  echo "agent-bench: needs root (oxenstored needs unshare -m, mount and mknod)" >&2
  exit 2
fi
cd "$root"
echo "agent-bench: compiling the benchmark (agent-tests test sources)..." >&2
mvn -B -q -pl agent-tests test-compile
mvn -B -q -pl agent-tests dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >/dev/null
cd agent-tests
out=target/agent-bench.txt
for a in "$@"; do
  case $a in --out=*) out=${a#--out=} ;; esac
done
java -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  -Dbasedir="$PWD" -Dorg.slf4j.simpleLogger.showDateTime=true \
  org.novaagent.tests.bench.AgentBench "$@"
echo
cat "$out"
