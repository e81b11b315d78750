#!/usr/bin/env bash
# Two instances of the tracker on one database against one instance, on the same machine, over HTTP.
# From the repository root, with a PostgreSQL server at 127.0.0.1:5432 that user postgres reaches without a password
# and the national data loaded into communedx_bench (docs/performance.md, "Two instances against one on the same
# machine"):
#
#   createdb -h 127.0.0.1 -U postgres communedx_bench
#   TEST_DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/communedx_bench \
#     ./mvnw -B -pl tracker-service -am test -Dtest=NationalDashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false
#   ./mvnw -B -q package -DskipTests
#   bench/two-instances.sh
#
# It copies that database (createdb -T) to communedx_two_instances and starts the packaged jar twice on it, a and b,
# configured as the README's "Several instances" says: communedx.sessions=jdbc, and one evidence directory declared
# shared (COMMUNEDX_EVIDENCE_LOCAL_SHARED=true). It logs in once, through a, as the benchmark's commune staff (xa.<code>),
# checks that b takes the same session, and measures two pages: the commune's scorecard of the latest period (kept
# between writes, as a second visit meets it) and /account (rendered on every request). For each page, after a
# warm-up of both instances at once, BENCH_ROUNDS back-to-back pairs of BENCH_PAIR_DURATION:
#
# - one instance: one wrk with BENCH_CONNECTIONS connections and 2 threads at a (b runs, idle);
# - two instances: at the same time, one wrk with half the connections and 1 thread at a and one at b; their rates
#   are added, and each one's p99 is printed;
#
# one first in odd pairs, two first in even ones. The warm-up is BENCH_WARMUP of both at once, then BENCH_WARMUP of a
# alone. So the load offered is the same in both: the same connections, the same wrk threads. It also prints the CPU
# time (/proc/<pid>/stat, user and system) per request answered of the two JVMs and of the database's PostgreSQL
# backends, and how busy the machine's cores were (/proc/stat). Both jars, wrk and PostgreSQL
# share the machine's cores. It drops the copy at the end. Only ever point it at 127.0.0.1. Needs curl, wrk, psql,
# createdb and dropdb.
set -euo pipefail

DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
TEMPLATE=${BENCH_TEMPLATE_DATABASE:-communedx_bench}
DATABASE=communedx_two_instances
CONNECTIONS=${BENCH_CONNECTIONS:-16}
WARMUP=${BENCH_WARMUP:-30s}
ROUNDS=${BENCH_ROUNDS:-4}
PAIR_DURATION=${BENCH_PAIR_DURATION:-10s}
JAR=${BENCH_JAR:-web-ui/target/commune-dx-tracker.jar}
PASSWORD=Bench-Scorecard-2026   # NationalData.BENCH_PASSWORD
TICKS=$(getconf CLK_TCK)

source "$(dirname "$0")/lib.sh"

declare -A pid port
port[a]=18085
port[b]=18086
stop_all() {
    for instance in a b; do
        if [[ -n ${pid[$instance]:-} ]] && kill -0 "${pid[$instance]}" 2>/dev/null; then
            kill "${pid[$instance]}"
            wait "${pid[$instance]}" 2>/dev/null || true
        fi
    done
    dropdb -h "$DB_HOST" -U postgres --if-exists "$DATABASE" 2>/dev/null || true
    rm -rf "$work"
}
trap stop_all EXIT

national_staff "$TEMPLATE"
period=$(sql -d "$TEMPLATE" -c "select id from period where name = 'Năm 2025'")
scorecard=/communes/${staff#xa.}/periods/$period

dropdb -h "$DB_HOST" -U postgres --if-exists "$DATABASE" 2>/dev/null
createdb -h "$DB_HOST" -U postgres -T "$TEMPLATE" "$DATABASE"
mkdir -p "$work/evidence"
for instance in a b; do
    mkdir -p "$work/$instance"
    SPRING_DATASOURCE_URL=jdbc:postgresql://$DB_HOST:5432/$DATABASE SPRING_DATASOURCE_USERNAME=postgres \
        COMMUNEDX_DATA_DIR=$work/$instance COMMUNEDX_INSTANCENAME=$instance COMMUNEDX_SESSIONS=jdbc \
        COMMUNEDX_EVIDENCE_DIRECTORY=$work/evidence COMMUNEDX_EVIDENCE_LOCAL_SHARED=true \
        COMMUNEDX_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64) \
        java -jar "$JAR" --server.address=127.0.0.1 --server.port="${port[$instance]}" > "$work/$instance.log" 2>&1 &
    pid[$instance]=$!
done
for instance in a b; do
    app=${pid[$instance]}
    ln -sf "$work/$instance.log" "$work/app.log"
    await_up "http://127.0.0.1:${port[$instance]}"
    app=
done

# One login, through a; the same session cookie must open the scorecard through b.
form_login "http://127.0.0.1:${port[a]}" "$staff" "$PASSWORD"
for instance in a b; do
    status=$(curl -s -o "$work/page-$instance.html" -w '%{http_code}' -H "Cookie: $session_cookie" \
        "http://127.0.0.1:${port[$instance]}$scorecard")
    if [[ $status != 200 ]] || ! grep -q "${staff#xa.}" "$work/page-$instance.html"; then
        echo "$instance: $scorecard answered $status, not the commune's scorecard" >&2
        exit 1
    fi
done
echo "Logged in through a with ${session_cookie%%=*}, the same session through b; $scorecard:" \
    "$(wc -c < "$work/page-a.html") bytes"

wrk_at() { # instance, threads, connections, path, duration: wrk's report
    wrk -t"$2" -c"$3" -d"$5" --timeout 10s --latency -H "Cookie: $session_cookie" "http://127.0.0.1:${port[$1]}$4"
}
rate() { awk '/^Requests\/sec/ { print $2 }'; }
p99() { awk '$1 == "99%" { print $2 }'; }
requests() { awk '/requests in/ { print $1 }'; }
cpu_of() { # pid...: their user + system time, in clock ticks
    local total=0 stat
    for process in "$@"; do
        read -r -a stat < "/proc/$process/stat" || continue
        total=$(( total + stat[13] + stat[14] ))
    done
    echo "$total"
}
machine() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat; }   # busy, idle ticks
declare -A jvm_ms pg_ms busy_pct
both() { # path, duration: the two reports in $work/a.out and $work/b.out
    wrk_at a 1 $(( CONNECTIONS / 2 )) "$1" "$2" > "$work/a.out" &
    local first=$!
    wrk_at b 1 $(( CONNECTIONS - CONNECTIONS / 2 )) "$1" "$2" > "$work/b.out"
    wait "$first"
}

for page in "$scorecard" /account; do
    both "$page" "$WARMUP"
    wrk_at a 2 "$CONNECTIONS" "$page" "$WARMUP" > /dev/null
    echo "== $page, $CONNECTIONS connections in all, pairs of $PAIR_DURATION: one instance and two at once, in turn"
    for round in $(seq 1 "$ROUNDS"); do
        # Odd pairs run one instance first, even pairs two, so that what the host and the JIT do over the minutes
        # falls on both alike.
        for setup in $( (( round % 2 )) && echo one two || echo two one ); do
            mapfile -t backends < <(sql -d postgres -c "select pid from pg_stat_activity where datname = '$DATABASE'")
            jvm=$(cpu_of "${pid[a]}" "${pid[b]}"); pg=$(cpu_of "${backends[@]}"); read -r busy idle < <(machine)
            if [[ $setup == one ]]; then
                wrk_at a 2 "$CONNECTIONS" "$page" "$PAIR_DURATION" > "$work/one.out"
                served=$(requests < "$work/one.out")
            else
                both "$page" "$PAIR_DURATION"
                served=$(( $(requests < "$work/a.out") + $(requests < "$work/b.out") ))
            fi
            read -r busy2 idle2 < <(machine)
            jvm_ms[$setup]=$(awk -v c=$(( $(cpu_of "${pid[a]}" "${pid[b]}") - jvm )) -v n="$served" -v t="$TICKS" \
                'BEGIN { printf "%.2f", 1000 * c / t / n }')
            pg_ms[$setup]=$(awk -v c=$(( $(cpu_of "${backends[@]}") - pg )) -v n="$served" -v t="$TICKS" \
                'BEGIN { printf "%.2f", 1000 * c / t / n }')
            busy_pct[$setup]=$(awk -v b=$(( busy2 - busy )) -v i=$(( idle2 - idle )) 'BEGIN { printf "%.0f", 100 * b / (b + i) }')
        done
        awk -v r="$round" -v o="$(rate < "$work/one.out")" -v op="$(p99 < "$work/one.out")" \
            -v a="$(rate < "$work/a.out")" -v ap="$(p99 < "$work/a.out")" \
            -v b="$(rate < "$work/b.out")" -v bp="$(p99 < "$work/b.out")" -v first="$( (( round % 2 )) && echo one || echo two)" \
            'BEGIN { printf "pair %d (%s first): one %.1f/s (p99 %s); two %.1f/s = a %.1f (p99 %s) + b %.1f (p99 %s); ratio %.1f%%\n",
                     r, first, o, op, a + b, a, ap, b, bp, 100 * (a + b) / o }'
        echo "    CPU a request, one / two: JVMs ${jvm_ms[one]} / ${jvm_ms[two]} ms, PostgreSQL ${pg_ms[one]} / ${pg_ms[two]} ms;" \
            "machine busy ${busy_pct[one]}% / ${busy_pct[two]}%"
    done
done
