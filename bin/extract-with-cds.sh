#!/usr/bin/env bash
# Unpacks the packaged jar into a directory and records a class data sharing (CDS) archive for it, so that the JVM
# maps the application's classes from one file instead of finding, reading and verifying them one by one inside the
# nested jars: on the two-core development machine the start to a working demo login took about 40% less time and CPU
# (docs/performance.md, "Start-up"). See the README, "A faster start".
#
#   bin/extract-with-cds.sh [jar] [directory]     # defaults: web-ui/target/commune-dx-tracker.jar and app
#   java -XX:SharedArchiveFile=app/application.jsa -XX:+ExitOnOutOfMemoryError -jar app/commune-dx-tracker.jar
#
# The archive is recorded by a training start that stops once the application context stands
# (spring.context.exit=onRefresh), with the embedded PostgreSQL in a scratch data directory that is removed after.
# Run it again after every build: a JVM finds an archive of another jar unusable, says so, and starts without it.
set -euo pipefail
jar=${1:-web-ui/target/commune-dx-tracker.jar}
target=${2:-app}
[[ -f $jar ]] || { echo "No jar at $jar; build it first: ./mvnw -B package -DskipTests" >&2; exit 1; }
rm -rf "$target"
java -Djarmode=tools -jar "$jar" extract --destination "$target"
application="$target/$(basename "$jar")"
scratch=$(mktemp -d)
# The training start stops its embedded PostgreSQL on the way out; should one outlive it, it is stopped here, by its
# data directory, and waited for (30 s at most) before that directory goes: a server still shutting down writes
# files into it, and removing it under one failed the script on a busy machine.
cleanup() {
    local server="-D $scratch/data/postgres"
    pkill -f -- "$server" 2>/dev/null || true
    for _ in $(seq 1 300); do
        pgrep -f -- "$server" >/dev/null || break
        sleep 0.1
    done
    rm -rf "$scratch"
}
trap cleanup EXIT
echo "Recording the class data sharing archive (a training start, some 30 s)..."
if ! java -XX:ArchiveClassesAtExit="$target/application.jsa" -Xlog:cds=error -Xlog:cds+dynamic=error \
        -Dspring.context.exit=onRefresh -jar "$application" \
        --communedx.data-dir="$scratch/data" --server.port=0 --communedx.demo-data=false >"$scratch/training.log" 2>&1; then
    cat "$scratch/training.log" >&2
    exit 1
fi
[[ -s $target/application.jsa ]] || { cat "$scratch/training.log" >&2; echo "No archive was written" >&2; exit 1; }
echo "Start it with:"
echo "  java -XX:SharedArchiveFile=$target/application.jsa -XX:+ExitOnOutOfMemoryError -jar $application"
