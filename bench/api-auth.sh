#!/usr/bin/env bash
# API requests a second, and CPU time per request, with an API token (Authorization: Bearer) against HTTP Basic on the
# same read endpoint. See docs/performance.md ("API tokens against HTTP Basic").
#
#   ./mvnw -B -q package -DskipTests
#   bench/api-auth.sh                       # GET /api/v1/frameworks, the demo's admin
#
# It starts the packaged jar with the embedded database and the demo data in a scratch data directory on 127.0.0.1,
# logs in as the administrator and issues a token through the page (/api-tokens), warms both ways up, then runs them in
# back-to-back pairs (BENCH_ROUNDS pairs of BENCH_DURATION each, the token first), so that whatever else the machine
# does falls on both alike. For each run it prints the requests a second, wrk's p99, and the application's process CPU
# (user + system, from /proc) divided by the requests answered; the embedded PostgreSQL's CPU is printed apart. Only
# ever point it at 127.0.0.1. Needs curl and wrk (Debian: apt-get install -y wrk).
# BENCH_APP_ARGS adds arguments to the jar's command line; BENCH_PATH measures another API read.
set -euo pipefail

PORT=${BENCH_PORT:-18082}
DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-30s}
ROUNDS=${BENCH_ROUNDS:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-4}
JAR=${BENCH_JAR:-web-ui/target/commune-dx-tracker.jar}
USERNAME=${BENCH_USER:-admin}
PASSWORD=${BENCH_PASSWORD:-Demo@2025!}
API_PATH=${BENCH_PATH:-/api/v1/frameworks}
BASE=http://127.0.0.1:$PORT
TICKS=$(getconf CLK_TCK)

source "$(dirname "$0")/lib.sh"

java -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" --communedx.data-dir="$work/data" \
    ${BENCH_APP_ARGS:-} > "$work/app.log" 2>&1 &
app=$!
await_up "$BASE"

# A token as an administrator issues it: the form's CSRF field, then the POST, whose page shows the token once.
form_login "$BASE" "$USERNAME" "$PASSWORD"
csrf=$(curl -fs -b "$work/cookies" "$BASE/api-tokens" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
token=$(curl -fs -b "$work/cookies" --data-urlencode "_csrf=$csrf" --data-urlencode "name=Benchmark" \
    --data-urlencode "role=ADMIN" --data-urlencode "unitCode=" --data-urlencode "validDays=1" "$BASE/api-tokens" \
    | grep -oE 'cdx_[0-9]+_[A-Za-z0-9_-]{43}' | head -1)
[[ -n $token ]] || { echo "No token issued" >&2; exit 1; }
bearer="Authorization: Bearer $token"
basic="Authorization: Basic $(printf '%s:%s' "$USERNAME" "$PASSWORD" | base64 -w0)"
for header in "$bearer" "$basic"; do
    status=$(curl -s -o "$work/body" -w '%{http_code}' -H "$header" "$BASE$API_PATH")
    [[ $status == 200 ]] || { echo "$API_PATH answered $status to ${header%% *} ${header#* }" | cut -c1-80 >&2; exit 1; }
done
echo "Endpoint: GET $API_PATH, $(wc -c < "$work/body") bytes; $CONNECTIONS connections; $ROUNDS pairs of $DURATION"

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
measure() { # label, header, duration
    local before pg_before after pg_after report pg
    mapfile -t pg < <(postgres_pids)
    before=$(cpu_of "$app"); pg_before=$(cpu_of "${pg[@]}")
    report=$(wrk -t 2 -c "$CONNECTIONS" -d "$3" --timeout 10s --latency -H "$2" -H 'Accept: application/json' \
        "$BASE$API_PATH")
    after=$(cpu_of "$app"); pg_after=$(cpu_of "${pg[@]}")
    awk -v label="$1" -v c=$(( after - before )) -v p=$(( pg_after - pg_before )) -v t="$TICKS" '
        /requests in/ { n = $1 }
        /^Requests\/sec/ { rate = $2 }
        /^ +99%/ { p99 = $2 }
        / Non-2xx/ { bad = $NF }
        END { printf "%-6s %9.1f requests/s, p99 %8s, %7.2f ms CPU a request (PostgreSQL %.2f ms)%s\n",
                  label, rate, p99, 1000 * c / t / n, 1000 * p / t / n, bad ? ", NON-2xx: " bad : "" }' <<< "$report"
}

wrk -t 2 -c "$CONNECTIONS" -d "$WARMUP" -H "$bearer" "$BASE$API_PATH" > /dev/null
wrk -t 2 -c "$CONNECTIONS" -d "$WARMUP" -H "$basic" "$BASE$API_PATH" > /dev/null
for round in $(seq 1 "$ROUNDS"); do
    echo "Pair $round"
    measure token "$bearer" "$DURATION"
    measure basic "$basic" "$DURATION"
done
