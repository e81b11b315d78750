#!/usr/bin/env bash
# The national dashboard over HTTP at national size with the data revision in this JVM (sessions in memory) against
# the shared revision, the one row of data_revision (sessions in PostgreSQL, what several instances need).
# From the repository root, with a PostgreSQL server at 127.0.0.1:5432 that user postgres reaches without a password
# and the national data loaded into communedx_bench (docs/performance.md, "The national dashboard with the shared
# revision"):
#
#   createdb -h 127.0.0.1 -U postgres communedx_bench
#   TEST_DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/communedx_bench \
#     ./mvnw -B -pl tracker-service -am test -Dtest=NationalDashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false
#   ./mvnw -B -q package -DskipTests
#   bench/dashboard-revision.sh
#
# It copies that database twice (createdb -T; the guard lets an instance with sessions in memory have a database to
# itself only), communedx_revision_memory and communedx_revision_jdbc, adds to each the administrator bench.admin with
# the benchmark accounts' password, and starts the packaged jar on each side by side, one with
# communedx.sessions=memory and one with communedx.sessions=jdbc. On each it logs in as bench.admin (the reader) and
# as the benchmark's commune staff (the writer), and measures two things, after a warm-up, the two jars back
# to back in BENCH_ROUNDS pairs (memory first in odd pairs, shared first in even ones):
#
# - the kept page: wrk with BENCH_CONNECTIONS connections for BENCH_PAIR_DURATION on /dashboard/national as the
#   administrator, as the application keeps it between writes (RenderedPages): what a second visit meets;
# - the page after a write: BENCH_WRITES times in turn, the writer changes the language of its account through the
#   application (POST /account/language, en then vi: a committed write, which moves the revision), then the reader
#   fetches /dashboard/national, which must be rendered afresh, and the chart series its script fetches
#   (/api/v1/country/charts, never kept), one request at a time; it prints the median, 90th percentile and largest
#   time of each (curl's time_total), and the JVM's CPU time per write, page and charts (/proc/<pid>/stat).
#
# Browsers' headers: Accept: text/html and Accept-Encoding: gzip. wrk, both jars and PostgreSQL share the machine's
# cores; the idle jar costs next to nothing. It drops the two copies at the end. Only ever point it at 127.0.0.1.
# Needs curl, wrk, psql, createdb and dropdb.
set -euo pipefail

DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
TEMPLATE=${BENCH_TEMPLATE_DATABASE:-communedx_bench}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
WARMUP=${BENCH_WARMUP:-40s}
WARMUP_WRITES=${BENCH_WARMUP_WRITES:-30}
ROUNDS=${BENCH_ROUNDS:-4}
PAIR_DURATION=${BENCH_PAIR_DURATION:-10s}
WRITES=${BENCH_WRITES:-20}
THREADS=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))
JAR=${BENCH_JAR:-web-ui/target/commune-dx-tracker.jar}
PASSWORD=Bench-Scorecard-2026   # NationalData.BENCH_PASSWORD
TICKS=$(getconf CLK_TCK)

source "$(dirname "$0")/lib.sh"

declare -A pid port reader writer_csrf
port[memory]=18083
port[jdbc]=18084
stop_all() {
    for mode in memory jdbc; do
        if [[ -n ${pid[$mode]:-} ]] && kill -0 "${pid[$mode]}" 2>/dev/null; then
            kill "${pid[$mode]}"
            wait "${pid[$mode]}" 2>/dev/null || true
        fi
        dropdb -h "$DB_HOST" -U postgres --if-exists "communedx_revision_$mode" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap stop_all EXIT

national_staff "$TEMPLATE"

for mode in memory jdbc; do
    dropdb -h "$DB_HOST" -U postgres --if-exists "communedx_revision_$mode" 2>/dev/null
    createdb -h "$DB_HOST" -U postgres -T "$TEMPLATE" "communedx_revision_$mode"
    # An administrator with the benchmark accounts' password (the database's own admin has a one-time password).
    sql -d "communedx_revision_$mode" -c "insert into user_account (username, display_name, password_hash, role)
        select 'bench.admin', 'Benchmark administrator', password_hash, 'ADMIN' from user_account
        where username = '$staff'"
    mkdir -p "$work/$mode"
    SPRING_DATASOURCE_URL=jdbc:postgresql://$DB_HOST:5432/communedx_revision_$mode SPRING_DATASOURCE_USERNAME=postgres \
        COMMUNEDX_DATA_DIR=$work/$mode COMMUNEDX_SESSIONS=$mode \
        COMMUNEDX_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64) \
        java -jar "$JAR" --server.address=127.0.0.1 --server.port="${port[$mode]}" > "$work/$mode.log" 2>&1 &
    pid[$mode]=$!
done

# Logs in both users on each jar, checks the page, and checks that a write through the application moves the page's
# ETag (the revision) while reading it again does not.
for mode in memory jdbc; do
    base=http://127.0.0.1:${port[$mode]}
    app=${pid[$mode]}
    ln -sf "$work/$mode.log" "$work/app.log"
    await_up "$base"
    app=
    form_login "$base" bench.admin "$PASSWORD" "$work/reader-$mode"
    reader[$mode]=$session_cookie
    form_login "$base" "$staff" "$PASSWORD" "$work/writer-$mode"
    writer_csrf[$mode]=$(curl -fs -b "$work/writer-$mode" -c "$work/writer-$mode" "$base/account" \
        | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
    status=$(curl -s -o "$work/page-$mode.html" -w '%{http_code}' -H "Cookie: ${reader[$mode]}" \
        "$base/dashboard/national")
    if [[ $status != 200 ]] || ! grep -q 'Thanh Hóa' "$work/page-$mode.html"; then
        echo "$mode: /dashboard/national answered $status, not the national dashboard" >&2
        exit 1
    fi
    echo "$mode: logged in with ${session_cookie%%=*}; /dashboard/national $(wc -c < "$work/page-$mode.html") bytes"
done

declare -A language=([memory]=en [jdbc]=en)   # the writer's next language: not the one it has (vi)
write() { # mode: the writer's language changed through the application, a committed write
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/writer-$1" -c "$work/writer-$1" \
        --data-urlencode "language=${language[$1]}" --data-urlencode "_csrf=${writer_csrf[$1]}" \
        "http://127.0.0.1:${port[$1]}/account/language")
    [[ $status == 302 ]] || { echo "$1: the write answered $status" >&2; exit 1; }
    language[$1]=$([[ ${language[$1]} == en ]] && echo vi || echo en)
}
etag() { # mode
    curl -s -o /dev/null -D - -H "Cookie: ${reader[$1]}" -H 'Accept: text/html' \
        "http://127.0.0.1:${port[$1]}/dashboard/national" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }'
}
for mode in memory jdbc; do
    first=$(etag "$mode"); again=$(etag "$mode"); write "$mode"; written=$(etag "$mode")
    if [[ -z $first || $first != "$again" || $first == "$written" ]]; then
        echo "$mode: ETag $first, again $again, after a write $written: the kept page does not follow the writes" >&2
        exit 1
    fi
done

run() { # mode, duration: wrk's report on the kept page
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --timeout 10s --latency -H "Cookie: ${reader[$1]}" \
        -H 'Accept: text/html' -H 'Accept-Encoding: gzip' "http://127.0.0.1:${port[$1]}/dashboard/national"
}
rate() { awk '/^Requests\/sec/ { print $2 }'; }
p99() { awk '$1 == "99%" { print $2 }'; }
cpu() { read -r -a stat < "/proc/$1/stat"; echo $(( stat[13] + stat[14] )); }
fetch() { # mode, path: seconds
    curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: ${reader[$1]}" -H 'Accept: text/html' \
        -H 'Accept-Encoding: gzip' "http://127.0.0.1:${port[$1]}$2"
}
after_writes() { # mode, count: the times of the pages in $work/page-times and $work/chart-times, CPU ticks on stdout
    local before
    : > "$work/page-times"; : > "$work/chart-times"
    before=$(cpu "${pid[$1]}")
    for _ in $(seq 1 "$2"); do
        write "$1"
        fetch "$1" /dashboard/national >> "$work/page-times"
        fetch "$1" /api/v1/country/charts >> "$work/chart-times"
    done
    echo $(( $(cpu "${pid[$1]}") - before ))
}
stats() { # file of seconds: median, p90, max in ms
    sort -n "$1" | awk '{ t[NR] = $1 * 1000 } END {
        p = int(0.9 * NR + 0.999); printf "median %.0f ms, p90 %.0f ms, max %.0f ms", t[int((NR + 1) / 2)], t[p], t[NR] }'
}

# Odd pairs run memory first, even pairs the shared revision, so that what the host and the JIT do over the minutes
# falls on both alike.
order() { (( $1 % 2 )) && echo memory jdbc || echo jdbc memory; }

echo "== /dashboard/national kept, $CONNECTIONS connections, pairs of $PAIR_DURATION: revision in memory and shared, in turn"
for mode in memory jdbc; do
    run "$mode" "$WARMUP" > /dev/null
done
for round in $(seq 1 "$ROUNDS"); do
    for mode in $(order "$round"); do
        run "$mode" "$PAIR_DURATION" > "$work/$mode.out"
    done
    awk -v r="$round" -v first="$(order "$round" | cut -d' ' -f1)" \
        -v m="$(rate < "$work/memory.out")" -v j="$(rate < "$work/jdbc.out")" \
        -v mp="$(p99 < "$work/memory.out")" -v jp="$(p99 < "$work/jdbc.out")" \
        'BEGIN { printf "pair %d (%s first): memory %.1f/s (p99 %s), shared %.1f/s (p99 %s), ratio %.1f%%\n",
                 r, first, m, mp, j, jp, 100 * j / m }'
done

echo "== /dashboard/national after a write, $WRITES writes each, one request at a time: memory and shared, in turn"
for mode in memory jdbc; do
    after_writes "$mode" "$WARMUP_WRITES" > /dev/null
done
for round in $(seq 1 "$ROUNDS"); do
    for mode in $(order "$round"); do
        ticks=$(after_writes "$mode" "$WRITES")
        printf 'pair %d, %-6s: page %s; charts %s; JVM CPU %s ms per write + page + charts\n' "$round" "$mode" \
            "$(stats "$work/page-times")" "$(stats "$work/chart-times")" \
            "$(awk -v c="$ticks" -v t="$TICKS" -v n="$WRITES" 'BEGIN { printf "%.0f", 1000 * c / t / n }')"
    done
done
