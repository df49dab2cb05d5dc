#!/usr/bin/env bash
# Measures real sync between three headless participants that emulate three machines.
#
# Starts the reference server on 127.0.0.1 (a free port), an owner and two members with
# different clock offsets (-3000, 0, +5000 ms) and skews (+150, 0, -150 ppm), each writing a
# trace of its player against the host's wall clock; the owner plays, seeks, pauses and plays
# again; then compares the traces and prints the p50/p95/max of the largest difference between
# the players during steady playback.
#
# Usage: scripts/sync-trace-demo.sh [OUT_DIR]     (default: target/sync-trace-demo)
# Environment: SKIP_BUILD=1 uses the jars already built;
#              DEMO_SCRIPT overrides the owner's script;
#              POSITION_REPORT=frame makes the players report 40 ms frame steps instead of
#              their continuous media clock (see --position-report).
set -euo pipefail
cd "$(dirname "$0")/.."

out_dir=${1:-target/sync-trace-demo}
script=${DEMO_SCRIPT:-play@0s,seek=300s@15s,pause@30s,play@35s,end@50s}
position_report=${POSITION_REPORT:-clock}
server_jar=syncer-server-ref/target/syncer-server.jar
player_jar=syncer-player-ref/target/syncer-player.jar

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -ntp -q package -DskipTests -pl syncer-server-ref,syncer-player-ref -am
fi
for jar in "$server_jar" "$player_jar"; do
  [ -f "$jar" ] || { echo "missing $jar: build it first (drop SKIP_BUILD)" >&2; exit 1; }
done
mkdir -p "$out_dir"
rm -f "$out_dir"/*.jsonl "$out_dir"/*.log "$out_dir"/*.out

pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

# Waits up to $2 seconds for a line matching $3 in file $1 and prints the match.
await_line() {
  local file=$1 seconds=$2 pattern=$3 match
  for _ in $(seq $((seconds * 10))); do
    match=$(grep -o -m1 -E "$pattern" "$file" 2>/dev/null || true)
    if [ -n "$match" ]; then echo "$match"; return 0; fi
    sleep 0.1
  done
  echo "timed out waiting for '$pattern' in $file" >&2
  return 1
}

java -jar "$server_jar" --host 127.0.0.1 --port 0 --allow-guests --data-dir "$out_dir/server-data" >"$out_dir/server.out" 2>"$out_dir/server.log" &
pids+=($!)
ws=$(await_line "$out_dir/server.out" 30 'ws://[^ ]+')
echo "server: $ws"

java -jar "$player_jar" --headless --server "$ws" --create --name owner --await-members 3 \
  --script "$script" --clock-offset-ms -3000 --clock-skew-ppm 150 \
  --position-report "$position_report" --trace "$out_dir/owner.jsonl" >"$out_dir/owner.out" 2>"$out_dir/owner.log" &
owner=$!
pids+=($owner)
room=$(await_line "$out_dir/owner.out" 30 '^ROOM [A-Za-z0-9]+' | cut -d' ' -f2)
echo "room: $room"

java -jar "$player_jar" --headless --server "$ws" --room "$room" --name steady \
  --clock-offset-ms 0 --clock-skew-ppm 0 --duration 5m \
  --position-report "$position_report" --trace "$out_dir/steady.jsonl" >"$out_dir/steady.out" 2>"$out_dir/steady.log" &
steady=$!
pids+=($steady)
java -jar "$player_jar" --headless --server "$ws" --room "$room" --name ahead \
  --clock-offset-ms 5000 --clock-skew-ppm -150 --duration 5m \
  --position-report "$position_report" --trace "$out_dir/ahead.jsonl" >"$out_dir/ahead.out" 2>"$out_dir/ahead.log" &
ahead=$!
pids+=($ahead)

echo "running the owner's script: $script (players report: $position_report)"
status=0
for pid in $owner $steady $ahead; do
  wait "$pid" || { echo "a participant failed (exit $?); logs in $out_dir" >&2; status=1; }
done
[ $status = 0 ] || exit $status

java -jar "$player_jar" --compare-traces \
  "$out_dir/owner.jsonl" "$out_dir/steady.jsonl" "$out_dir/ahead.jsonl"
