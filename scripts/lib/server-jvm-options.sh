# Sourced by scripts/server and scripts/load-benchmark.sh: sets server_jvm_options, the reference
# server's JVM options. Shenandoah keeps its GC pauses under a millisecond; with G1, young
# collections of 50-100 ms at thousands of connections were the whole tail of command fan-out
# (docs/benchmarks/sync.md, section 3). SYNCER_JAVA_OPTS, when set (even empty), replaces it.
if [ -n "${SYNCER_JAVA_OPTS+set}" ]; then
  server_jvm_options=$SYNCER_JAVA_OPTS
elif java -XX:+UseShenandoahGC -version >/dev/null 2>&1; then
  server_jvm_options=-XX:+UseShenandoahGC
else
  server_jvm_options=
fi
