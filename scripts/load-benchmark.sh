#!/usr/bin/env bash
# Server load benchmark (docs/benchmarks/sync.md, section 3): starts the reference server on a free
# loopback port, runs `benchmarks.jar load` against it, stops the server, and prints the figures
# with both processes' GC pauses. Build the jars first:
#   mvn -B -pl benchmarks,syncer-server-ref -am package -DskipTests
# Usage: [SYNCER_JAVA_OPTS=...] scripts/load-benchmark.sh [CLIENTS [ROOMS [MINUTES]]]   (default 5000 1000 2)
# Output: the load table on stdout; GC logs and load.json in the printed directory.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-5000}
rooms=${2:-1000}
minutes=${3:-2}
out=$(mktemp -d -t syncer-load.XXXXXX)
ulimit -n "$(ulimit -Hn)"

. scripts/lib/server-jvm-options.sh   # SYNCER_JAVA_OPTS="" measures the JVM's default G1
echo "server JVM options: ${server_jvm_options:-(none)}"
# shellcheck disable=SC2086
java $server_jvm_options -Xlog:gc:file="$out/server-gc.log" -jar syncer-server-ref/target/syncer-server.jar \
  --port 0 --allow-guests --data-dir "$out/data" >"$out/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
url=
for _ in $(seq 120); do
  url=$(grep -o 'ws://[^ ]*' "$out/server.log" | head -1 || true)
  [ -n "$url" ] && break
  sleep 0.5
done
[ -n "$url" ] || { echo "server did not start; see $out/server.log" >&2; exit 1; }

java -Xlog:gc:file="$out/generator-gc.log" -jar benchmarks/target/benchmarks.jar load \
  --url "$url" --clients "$clients" --rooms "$rooms" --minutes "$minutes" \
  --server-pid "$server" --json "$out/load.json"

kill "$server"
wait "$server" 2>/dev/null || true
trap - EXIT
# Stop-the-world pauses of each process over the whole run (connect phase included), in ms.
for process in server generator; do
  grep -o 'Pause.* \([0-9.]*\)ms$' "$out/$process-gc.log" | grep -o '[0-9.]*ms$' | tr -d ms \
    | sort -n | awk -v p="$process" '{ v[NR] = $1 } END {
        if (NR == 0) { print p " GC pauses: none"; exit }
        mid = int(NR * 0.5); if (mid < 1) mid = 1
        high = int(NR * 0.99); if (high < 1) high = 1
        printf "%s GC pauses: %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", p, NR, v[mid], v[high], v[NR] }'
done
echo "logs and load.json: $out"
