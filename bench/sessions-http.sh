#!/usr/bin/env bash
# Sessions in PostgreSQL (communedx.sessions=jdbc, what several instances need) against sessions in memory, over HTTP.
# From the repository root, with a PostgreSQL server at 127.0.0.1:5432 that user postgres reaches without a password:
#
#   ./mvnw -B -q package -DskipTests
#   bench/sessions-http.sh
#
# It creates two scratch databases, communedx_sessions_memory and communedx_sessions_jdbc, starts the packaged jar
# twice side by side on them with the demo data (one with each session store: the guard lets an instance with sessions
# in memory have a database to itself only), logs in to each as xa.yenphu, and runs wrk with BENCH_CONNECTIONS
# connections on Yên Phú's scorecard of the current period (as the application keeps it between writes: what a
# second visit meets) and on /account (rendered on every request), each after a warm-up; then, for each page, the two
# jars back to back BENCH_ROUNDS times for BENCH_PAIR_DURATION each, because the host's load moves the figures from
# one minute to the next. wrk, both jars and PostgreSQL share the machine's cores; the idle jar costs next to nothing.
# It drops the databases at the end. Only ever point it at 127.0.0.1. Needs curl, wrk, createdb and dropdb.
set -euo pipefail

DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
WARMUP=${BENCH_WARMUP:-20s}
ROUNDS=${BENCH_ROUNDS:-5}
PAIR_DURATION=${BENCH_PAIR_DURATION:-10s}
THREADS=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))
JAR=${BENCH_JAR:-web-ui/target/commune-dx-tracker.jar}
PASSWORD='Demo@2025!'   # the demo accounts'

source "$(dirname "$0")/lib.sh"

declare -A pid port cookie
port[memory]=18081
port[jdbc]=18082
stop_all() {
    for mode in memory jdbc; do
        if [[ -n ${pid[$mode]:-} ]] && kill -0 "${pid[$mode]}" 2>/dev/null; then
            kill "${pid[$mode]}"
            wait "${pid[$mode]}" 2>/dev/null || true
        fi
        dropdb -h "$DB_HOST" -U postgres --if-exists "communedx_sessions_$mode" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap stop_all EXIT

for mode in memory jdbc; do
    dropdb -h "$DB_HOST" -U postgres --if-exists "communedx_sessions_$mode"
    createdb -h "$DB_HOST" -U postgres "communedx_sessions_$mode"
    mkdir -p "$work/$mode"
    SPRING_DATASOURCE_URL=jdbc:postgresql://$DB_HOST:5432/communedx_sessions_$mode SPRING_DATASOURCE_USERNAME=postgres \
        COMMUNEDX_DATA_DIR=$work/$mode COMMUNEDX_DEMODATA=true COMMUNEDX_SESSIONS=$mode \
        COMMUNEDX_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64) \
        java -jar "$JAR" --server.address=127.0.0.1 --server.port="${port[$mode]}" > "$work/$mode.log" 2>&1 &
    pid[$mode]=$!
done
for mode in memory jdbc; do
    app=${pid[$mode]}
    cp /dev/null "$work/app.log"
    await_up "http://127.0.0.1:${port[$mode]}"
    app=
    form_login "http://127.0.0.1:${port[$mode]}" xa.yenphu "$PASSWORD" "$work/cookies-$mode"
    cookie[$mode]=$session_cookie
    echo "$mode: logged in with ${session_cookie%%=*}"
done

# The scorecard the staff land on: the current period's, where the login sends them.
landing=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Cookie: ${cookie[memory]}" "http://127.0.0.1:${port[memory]}/")
path=${landing#http://127.0.0.1:${port[memory]}}
if [[ $path != /communes/05305/periods/* ]]; then
    echo "xa.yenphu lands on '$landing', not a scorecard of Yên Phú; the figures would mean nothing" >&2
    exit 1
fi
for mode in memory jdbc; do
    status=$(curl -s -o "$work/page-$mode.html" -w '%{http_code}' -H "Cookie: ${cookie[$mode]}" \
        "http://127.0.0.1:${port[$mode]}$path")
    if [[ $status != 200 ]] || ! grep -q 'Yên Phú' "$work/page-$mode.html"; then
        echo "$mode: $path answered $status, not Yên Phú's scorecard" >&2
        exit 1
    fi
done

run() { # mode, path, duration: wrk's report
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --timeout 10s --latency -H "Cookie: ${cookie[$1]}" \
        "http://127.0.0.1:${port[$1]}$2"
}
rate() { awk '/^Requests\/sec/ { print $2 }'; }
p99() { awk '$1 == "99%" { print $2 }'; }

for page in "$path" /account; do
    for mode in memory jdbc; do
        run "$mode" "$page" "$WARMUP" > /dev/null
    done
    echo "== $page, $CONNECTIONS connections, pairs of $PAIR_DURATION: sessions in memory, then in PostgreSQL"
    for round in $(seq 1 "$ROUNDS"); do
        run memory "$page" "$PAIR_DURATION" > "$work/memory.out"
        run jdbc "$page" "$PAIR_DURATION" > "$work/jdbc.out"
        awk -v r="$round" -v m="$(rate < "$work/memory.out")" -v j="$(rate < "$work/jdbc.out")" \
            -v mp="$(p99 < "$work/memory.out")" -v jp="$(p99 < "$work/jdbc.out")" \
            'BEGIN { printf "pair %d: memory %.1f/s (p99 %s), PostgreSQL %.1f/s (p99 %s), ratio %.1f%%\n", r, m, mp, j, jp, 100 * j / m }'
    done
done
