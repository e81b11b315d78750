#!/usr/bin/env bash
# CPU time per rendered scorecard: the application's process CPU seconds (user + system, from /proc) over a wrk run,
# divided by the requests it answered, with the kept pages off (communedx.page-cache.max-size=0), so that every
# request renders, as the first request after a write does. See docs/performance.md ("Rendering").
#
#   ./mvnw -B -q package -DskipTests
#   bench/render-cpu.sh                     # the demo's Yên Phú scorecard of 2025, as xa.yenphu
#
# It starts the packaged jar with the embedded database and the demo data in a scratch data directory on
# 127.0.0.1, logs in, warms up (the JIT needs about half a minute of load), then measures BENCH_ROUNDS runs of
# BENCH_DURATION each and prints each run's requests, CPU seconds and milliseconds of CPU per request. The embedded
# PostgreSQL runs in processes of its own; its CPU is printed apart. Only ever point it at 127.0.0.1.
# Needs curl and wrk (Debian: apt-get install -y wrk). BENCH_APP_ARGS adds arguments to the jar's command line.
set -euo pipefail

PORT=${BENCH_PORT:-18081}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-40s}
ROUNDS=${BENCH_ROUNDS:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-4}
JAR=${BENCH_JAR:-web-ui/target/commune-dx-tracker.jar}
USERNAME=${BENCH_USER:-xa.yenphu}
PASSWORD=${BENCH_PASSWORD:-Demo@2025!}
BASE=http://127.0.0.1:$PORT
TICKS=$(getconf CLK_TCK)

source "$(dirname "$0")/lib.sh"

java -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" --communedx.data-dir="$work/data" \
    --communedx.page-cache.max-size=0 ${BENCH_APP_ARGS:-} > "$work/app.log" 2>&1 &
app=$!
await_up "$BASE"
form_login "$BASE" "$USERNAME" "$PASSWORD"
# The scorecard that the user lands on, unless BENCH_PATH names another page.
path=${BENCH_PATH:-$(curl -fs -o /dev/null -w '%{redirect_url}' -b "$work/cookies" "$BASE/" | sed "s|^$BASE||")}
[[ -n $path ]] || { echo "No page to measure: set BENCH_PATH" >&2; exit 1; }
status=$(curl -s -o "$work/page.html" -w '%{http_code}' -b "$work/cookies" "$BASE$path")
[[ $status == 200 ]] || { echo "$path answered $status" >&2; exit 1; }
echo "Page: $path, $(wc -c < "$work/page.html") bytes"

cpu_of() { # pid... -> clock ticks of user + system time
    local total=0
    for pid in "$@"; do
        read -r -a stat < "/proc/$pid/stat" || continue
        total=$(( total + stat[13] + stat[14] ))
    done
    echo "$total"
}
postgres_pids() { # the postmaster of this data directory and its backends
    local postmaster
    postmaster=$(pgrep -f "postgres -D $work" || true)
    [[ -n $postmaster ]] && { echo "$postmaster"; pgrep -P "$postmaster" || true; }
}

wrk -t 2 -c "$CONNECTIONS" -d "$WARMUP" -H "Cookie: $session_cookie" -H 'Accept: text/html' \
    -H 'Accept-Encoding: gzip' "$BASE$path" > /dev/null
for round in $(seq 1 "$ROUNDS"); do
    mapfile -t pg < <(postgres_pids)
    before=$(cpu_of "$app"); pg_before=$(cpu_of "${pg[@]}")
    requests=$(wrk -t 2 -c "$CONNECTIONS" -d "$DURATION" -H "Cookie: $session_cookie" -H 'Accept: text/html' \
        -H 'Accept-Encoding: gzip' "$BASE$path" | awk '/requests in/ { print $1 }')
    after=$(cpu_of "$app"); pg_after=$(cpu_of "${pg[@]}")
    awk -v r="$round" -v n="$requests" -v c=$(( after - before )) -v p=$(( pg_after - pg_before )) -v t="$TICKS" \
        'BEGIN { printf "Round %d: %d requests, %.2f s CPU of the JVM = %.2f ms a request (PostgreSQL %.2f ms)\n",
                 r, n, c / t, 1000 * c / t / n, 1000 * p / t / n }'
done
