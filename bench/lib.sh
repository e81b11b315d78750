# What the HTTP benchmarks share; sourced, never run. It makes the scratch directory $work, which is removed on exit
# together with the application $app if one still runs, and offers the start's wait and a browser's form login.

work=$(mktemp -d)
app=
cleanup() {
    if [[ -n $app ]] && kill -0 "$app" 2>/dev/null; then
        kill "$app"
        wait "$app" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# Waits until the application $app, logging to $work/app.log, says UP at $1; shows its log and fails if it exits.
await_up() { # base URL
    for _ in $(seq 1 300); do
        if curl -fs "$1/actuator/health" 2>/dev/null | grep -q '"UP"'; then
            return
        fi
        if ! kill -0 "$app" 2>/dev/null; then
            cat "$work/app.log" >&2
            exit 1
        fi
        sleep 1
    done
    echo "No UP from $1/actuator/health within 300 s" >&2
    exit 1
}

# Form login as a browser does it: the CSRF token from /login, then the POST; sets $session to the session cookie's
# value and $session_cookie to the whole cookie, JSESSIONID=... with sessions in memory or SESSION=... with Spring
# Session (communedx.sessions=jdbc). A fourth argument keeps the cookies in a file of their own, for a second jar.
form_login() { # base URL, username, password[, cookie file]
    local csrf jar=${4:-$work/cookies}
    csrf=$(curl -fs -c "$jar" -b "$jar" "$1/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
    curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$2" \
        --data-urlencode "password=$3" --data-urlencode "_csrf=$csrf" "$1/login"
    session=$(awk '$6 == "JSESSIONID" || $6 == "SESSION" { print $7 }' "$jar")
    session_cookie=$(awk '$6 == "JSESSIONID" || $6 == "SESSION" { print $6 "=" $7 }' "$jar")
}

# psql on the benchmark's PostgreSQL ($DB_HOST), one bare value a line; stops at the first error.
sql() { psql -h "$DB_HOST" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

# Sets $staff to the commune staff account that NationalDashboardBenchmark made in database $1 (xa.<first commune
# of the largest province>); stops the script when $1 holds no national data.
national_staff() { # database
    if [[ $(sql -d "$1" -c "select count(*) from period where name = 'Năm 2025'" 2>/dev/null) != 1 ]]; then
        echo "$1 holds no national data: load it first (see the head of this script)" >&2
        exit 1
    fi
    staff=$(sql -d "$1" -c "select username from user_account where role = 'COMMUNE_STAFF' and username like 'xa.%'
        order by username limit 1")
    [[ -n $staff ]] || { echo "$1 has no benchmark staff account xa.<commune>" >&2; exit 1; }
}
