#!/usr/bin/env bash
# HTTP figures of the commune scorecard at national scale, against a static asset of the same application.
# See docs/performance.md ("National scale") for the whole procedure; in short, from the repository root:
#
#   createdb -h 127.0.0.1 -U postgres communedx_bench
#   TEST_DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/communedx_bench \
#     ./mvnw -B -pl tracker-service -am test -Dtest=NationalDashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false
#   ./mvnw -B -q package -DskipTests
#   bench/scorecard-http.sh 14755 3        # commune and period the benchmark printed ("BENCHMARK setup")
#   dropdb -h 127.0.0.1 -U postgres communedx_bench
#
# It starts the packaged jar on 127.0.0.1 against that database, logs in as the commune's staff account that the
# benchmark created (xa.<code>), then runs wrk with 32 connections on the scorecard, on /assets/css/app.css and, for
# scale, on /account (a page with the same layout and one small query), each after a warm-up; then the scorecard and
# the asset in back-to-back pairs (BENCH_ROUNDS, BENCH_PAIR_DURATION) for their ratio. The scorecard is then served
# as the application keeps it between writes (RenderedPages), which is how officials reloading it meet it; so last the
# script starts the jar again with communedx.page-cache.max-size=0 and measures the scorecard rendered on every
# request, as after each write, beside the asset; and stops the jar.
# Only ever point it at 127.0.0.1. Needs curl and wrk (Debian: apt-get install -y wrk).
# BENCH_APP_ARGS adds arguments to the jar's command line, e.g. to try a setting.
set -euo pipefail

COMMUNE=${1:?commune code, e.g. 14755}
PERIOD=${2:?period id, e.g. 3}
DATABASE_URL=${BENCH_DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/communedx_bench}
PORT=${BENCH_PORT:-18080}
DURATION=${BENCH_DURATION:-30s}
# The JIT needs about half a minute of load on two cores before the rendering is compiled: after 10 s the scorecard
# measured half of what it measured after 35 s.
WARMUP=${BENCH_WARMUP:-30s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
ROUNDS=${BENCH_ROUNDS:-5}
PAIR_DURATION=${BENCH_PAIR_DURATION:-10s}
THREADS=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))
JAR=${BENCH_JAR:-web-ui/target/commune-dx-tracker.jar}
PASSWORD=Bench-Scorecard-2026   # NationalData.BENCH_PASSWORD
BASE=http://127.0.0.1:$PORT

source "$(dirname "$0")/lib.sh"

start_app() { # extra arguments of the jar
    SPRING_DATASOURCE_URL=$DATABASE_URL SPRING_DATASOURCE_USERNAME=${BENCH_DATABASE_USERNAME:-postgres} \
        SPRING_DATASOURCE_PASSWORD=${BENCH_DATABASE_PASSWORD:-} COMMUNEDX_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64) \
        COMMUNEDX_DATA_DIR=$work/data java -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
        ${BENCH_APP_ARGS:-} "$@" > "$work/app.log" 2>&1 &
    app=$!
    await_up "$BASE"
    login
}

stop_app() {
    kill "$app"
    wait "$app" 2>/dev/null || true
    app=
}

# Logs in as the commune's staff and checks that the scorecard is the commune's page.
login() {
    form_login "$BASE" "xa.$COMMUNE" "$PASSWORD"
    scorecard="$BASE/communes/$COMMUNE/periods/$PERIOD"
    status=$(curl -s -o "$work/scorecard.html" -w '%{http_code}' -H "Cookie: $session_cookie" "$scorecard")
    if [[ $status != 200 ]] || ! grep -q "$COMMUNE" "$work/scorecard.html"; then
        echo "The scorecard answered $status, not the commune's page; the figures would mean nothing" >&2
        exit 1
    fi
    echo "scorecard $scorecard: $(wc -c < "$work/scorecard.html") bytes; /assets/css/app.css: $(curl -fs "$BASE/assets/css/app.css" | wc -c) bytes"
}

run() { # target duration: wrk's report
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --timeout 10s --latency -H "Cookie: $session_cookie" "$1"
}
rate() { awk '/^Requests\/sec/ { print $2 }'; }

start_app

for target in "$scorecard" "$BASE/assets/css/app.css" "$BASE/account"; do
    run "$target" "$WARMUP" > /dev/null
done
for target in "$scorecard" "$BASE/assets/css/app.css" "$BASE/account"; do
    echo "== $target, $CONNECTIONS connections, $DURATION"
    run "$target" "$DURATION"
done

# The two cores are shared with whatever else runs on the host, and its load moves the figures by half between
# minutes; the ratio of two measurements taken minutes apart would show the host as much as the application. So the
# ratio comes from pairs run back to back: scorecard, then asset, ROUNDS times.
echo "== ratio, scorecard / asset, in pairs of ${PAIR_DURATION} each"
for round in $(seq 1 "$ROUNDS"); do
    card=$(run "$scorecard" "$PAIR_DURATION" | rate)
    asset=$(run "$BASE/assets/css/app.css" "$PAIR_DURATION" | rate)
    awk -v r="$round" -v c="$card" -v a="$asset" \
        'BEGIN { printf "pair %d: scorecard %.1f/s, asset %.1f/s, ratio %.1f%%\n", r, c, a, 100 * c / a }'
done

# The figures above are of the scorecard as the application keeps it between writes (RenderedPages); for scale, the
# same page rendered on every request, as after each write, with the asset measured in the same minute.
stop_app
start_app --communedx.page-cache.max-size=0
for target in "$scorecard" "$BASE/assets/css/app.css"; do
    run "$target" "$WARMUP" > /dev/null
done
echo "== $scorecard rendered on every request (communedx.page-cache.max-size=0), $CONNECTIONS connections, $DURATION"
run "$scorecard" "$DURATION"
echo "== $BASE/assets/css/app.css in the same minute"
run "$BASE/assets/css/app.css" "$DURATION"
