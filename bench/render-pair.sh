#!/usr/bin/env bash
# CPU per rendered scorecard of two jars, interleaved: the ratio of a change against its base, on a machine whose
# speed drifts from minute to minute (shared cores). bench/render-cpu.sh measures one jar alone; two of its runs, one
# after the other, differed by a quarter on the same jar here. This one starts both jars side by side, each with its
# own scratch data directory, embedded database and demo data, kept pages off (communedx.page-cache.max-size=0), warms
# both, then runs BENCH_ROUNDS rounds of wrk on A then B (BENCH_DURATION each, the order swapped every round) and
# prints each round's milliseconds of JVM CPU a request and the ratio B ÷ A; last the median ratio.
#
#   git stash; ./mvnw -B -q package -DskipTests; cp web-ui/target/commune-dx-tracker.jar /tmp/a.jar; git stash pop
#   ./mvnw -B -q package -DskipTests
#   bench/render-pair.sh /tmp/a.jar web-ui/target/commune-dx-tracker.jar
#
# Only ever point it at 127.0.0.1. Needs curl and wrk (Debian: apt-get install -y wrk).
set -euo pipefail

JAR_A=${1:?the base jar}
JAR_B=${2:?the jar to compare with it}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-40s}
ROUNDS=${BENCH_ROUNDS:-6}
CONNECTIONS=${BENCH_CONNECTIONS:-4}
PAGE=${BENCH_PATH:-/communes/05305/periods/3}
USERNAME=${BENCH_USER:-xa.yenphu}
PASSWORD=${BENCH_PASSWORD:-Demo@2025!}
TICKS=$(getconf CLK_TCK)

source "$(dirname "$0")/lib.sh"
other=
trap 'if [[ -n $other ]]; then kill "$other" 2>/dev/null || true; fi; cleanup' EXIT

start() { # jar, port, name -> $app
    java -jar "$1" --server.address=127.0.0.1 --server.port="$2" --communedx.data-dir="$work/$3" \
        --communedx.page-cache.max-size=0 > "$work/$3.log" 2>&1 &
    app=$!
}
cpu_of() { # pid -> clock ticks of user + system time
    local stat
    read -r -a stat < "/proc/$1/stat"
    echo $(( stat[13] + stat[14] ))
}
workers_cpu_of() { # pid -> clock ticks of its request threads (Tomcat's http-nio-*), the JIT and GC left out
    local total=0 task stat
    for task in /proc/"$1"/task/*; do
        read -r -a stat < "$task/stat" 2>/dev/null || continue
        # The name is the second field, in brackets; Tomcat's workers are "http-nio-<port>-exec-<n>", cut to 15.
        [[ ${stat[1]} == "(http-nio-"* ]] && total=$(( total + stat[13] + stat[14] ))
    done
    echo "$total"
}
load() { # base URL, cookie, duration -> requests answered
    wrk -t 2 -c "$CONNECTIONS" -d "$3" -H "Cookie: $2" -H 'Accept: text/html' -H 'Accept-Encoding: gzip' \
        "$1$PAGE" | awk '/requests in/ { print $1 }'
}

# await_up shows $work/app.log if the jar exits: each jar logs to its own file, linked there while it starts.
start "$JAR_A" 18083 a; pid_a=$app; other=$pid_a; ln -sf "$work/a.log" "$work/app.log"
await_up http://127.0.0.1:18083
start "$JAR_B" 18084 b; pid_b=$app; ln -sf "$work/b.log" "$work/app.log"
await_up http://127.0.0.1:18084
form_login http://127.0.0.1:18083 "$USERNAME" "$PASSWORD" "$work/cookies-a"; cookie_a=$session_cookie
form_login http://127.0.0.1:18084 "$USERNAME" "$PASSWORD" "$work/cookies-b"; cookie_b=$session_cookie
for side in a b; do
    port=$([[ $side == a ]] && echo 18083 || echo 18084)
    cookie=$([[ $side == a ]] && echo "$cookie_a" || echo "$cookie_b")
    status=$(curl -s -o "$work/page-$side.html" -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$port$PAGE")
    [[ $status == 200 ]] || { echo "$side: $PAGE answered $status" >&2; exit 1; }
    echo "$side: $PAGE, $(wc -c < "$work/page-$side.html") bytes"
done
load http://127.0.0.1:18083 "$cookie_a" "$WARMUP" > /dev/null
load http://127.0.0.1:18084 "$cookie_b" "$WARMUP" > /dev/null

measure() { # side -> ms of CPU a request: the JVM's, and its request threads' (without the JIT and GC)
    local pid port cookie before workers_before requests after workers_after
    if [[ $1 == a ]]; then pid=$pid_a port=18083 cookie=$cookie_a; else pid=$pid_b port=18084 cookie=$cookie_b; fi
    before=$(cpu_of "$pid"); workers_before=$(workers_cpu_of "$pid")
    requests=$(load "http://127.0.0.1:$port" "$cookie" "$DURATION")
    after=$(cpu_of "$pid"); workers_after=$(workers_cpu_of "$pid")
    awk -v n="$requests" -v c=$(( after - before )) -v w=$(( workers_after - workers_before )) -v t="$TICKS" \
        'BEGIN { printf "%.2f %.2f", 1000 * c / t / n, 1000 * w / t / n }'
}
ratios=(); worker_ratios=()
for round in $(seq 1 "$ROUNDS"); do
    if (( round % 2 )); then a=($(measure a)); b=($(measure b)); else b=($(measure b)); a=($(measure a)); fi
    ratios+=("$(awk -v a="${a[0]}" -v b="${b[0]}" 'BEGIN { printf "%.3f", b / a }')")
    worker_ratios+=("$(awk -v a="${a[1]}" -v b="${b[1]}" 'BEGIN { printf "%.3f", b / a }')")
    echo "Round $round: JVM A ${a[0]} ms, B ${b[0]} ms a request, B ÷ A = ${ratios[-1]};" \
        "request threads A ${a[1]} ms, B ${b[1]} ms, B ÷ A = ${worker_ratios[-1]}"
done
median() { sort -n | awk '{ r[NR] = $1 } END { printf "%.3f", NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2 }'; }
echo "Median B ÷ A over $ROUNDS rounds: JVM $(printf '%s\n' "${ratios[@]}" | median)," \
    "request threads $(printf '%s\n' "${worker_ratios[@]}" | median)"
