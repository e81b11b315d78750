#!/usr/bin/env bash
# Time from `java -jar` on an empty data directory to health UP and to a working demo login (HTTP Basic on the API),
# polled every 0.2 s; see docs/performance.md ("Start-up"). From the repository root, after
# `./mvnw -B -q package -DskipTests`:
#
#   bench/start-up.sh                                  # with the demo
#   NOLOGIN=1 bench/start-up.sh --communedx.demo-data=false
#   CDS=1 bench/start-up.sh                            # the jar unpacked, with a class data sharing archive
#
# Extra arguments go to the jar. BENCH_PORT picks the HTTP port (18912). The data directory is a fresh temporary one.
set -euo pipefail
jar=web-ui/target/commune-dx-tracker.jar
port=${BENCH_PORT:-18912}
data=$(mktemp -d)
log=$(mktemp)
launch=(-jar "$jar")
if [ "${CDS:-}" = 1 ]; then
    # Prepared before the clock starts, as it is once per build (README, "A faster start").
    bin/extract-with-cds.sh "$jar" "$data.app" >/dev/null
    launch=(-XX:SharedArchiveFile="$data.app/application.jsa" -jar "$data.app/$(basename "$jar")")
fi
started=$(date +%s.%N)
java "${launch[@]}" --communedx.data-dir="$data" --server.port="$port" "$@" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data" "$data.app" "$log"' EXIT
elapsed() { echo "$(date +%s.%N) - $started" | bc; }
health="" login=""
while kill -0 $pid 2>/dev/null; do
    if [ -z "$health" ] && curl -s -m 2 "http://127.0.0.1:$port/actuator/health" | grep -q '"UP"'; then
        health=$(elapsed)
    fi
    if [ "${NOLOGIN:-}" != 1 ] && [ -z "$login" ] && [ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' \
            -u admin:'Demo@2025!' "http://127.0.0.1:$port/api/v1/frameworks")" = 200 ]; then
        login=$(elapsed)
    fi
    if [ -n "$health" ] && { [ -n "$login" ] || [ "${NOLOGIN:-}" = 1 ]; }; then break; fi
    if (( $(echo "$(elapsed) > 300" | bc) )); then break; fi
    sleep 0.2
done
echo "health UP: ${health:-never} s; demo login: ${login:-not tried or never} s; load average $(cut -d' ' -f1 /proc/loadavg)"
grep -o 'Sample assessments for the demo.*' "$log" || true
