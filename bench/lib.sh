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

# Form login as a browser does it: the CSRF token from /login, then the POST; sets $session to the session cookie.
form_login() { # base URL, username, password
    local csrf
    csrf=$(curl -fs -c "$work/cookies" -b "$work/cookies" "$1/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
    curl -fs -o /dev/null -c "$work/cookies" -b "$work/cookies" --data-urlencode "username=$2" \
        --data-urlencode "password=$3" --data-urlencode "_csrf=$csrf" "$1/login"
    session=$(awk '$6 == "JSESSIONID" { print $7 }' "$work/cookies")
}
