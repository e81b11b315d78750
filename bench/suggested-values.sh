#!/usr/bin/env bash
# Issue 19's figure: a country's suggested values through the write API, 3,321 communes (the count after the 2025
# reform) × the 27 criteria of DX-XA 1.0 = 89,667 values, as provincial systems would push them. From the repository
# root, after `./mvnw -B -q package -DskipTests`:
#
#   bench/suggested-values.sh            # batches of 500 communes (13,500 values, about 1.2 MB a request)
#   BENCH_BATCH_COMMUNES=3321 bench/suggested-values.sh   # the whole country in one request (about 8 MB)
#
# It starts the packaged jar on 127.0.0.1 with its embedded PostgreSQL in a scratch directory (no demo data), adds a
# synthetic country to it with psql (34 provinces, 3,321 communes) and a 2025 period on the seeded DX-XA 1.0, then
# PUTs every commune's 27 values to /api/v1/periods/{id}/suggested-values as the administrator with HTTP Basic, in
# batches of BENCH_BATCH_COMMUNES communes, one after the other. It prints the requests, the values, the errors (any
# answer but 200), the wall time of the pushes and the values stored, then pushes the same values once more (the
# second push replaces every row: the upsert path) and prints that time too; and stops the jar.
# Needs curl, psql and python3.
set -euo pipefail

PORT=${BENCH_PORT:-18081}
DB_PORT=${BENCH_DB_PORT:-15433}
BATCH=${BENCH_BATCH_COMMUNES:-500}
JAR=${BENCH_JAR:-web-ui/target/commune-dx-tracker.jar}
BASE=http://127.0.0.1:$PORT
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')

source "$(dirname "$0")/lib.sh"

COMMUNEDX_ADMIN_PASSWORD=$PASSWORD COMMUNEDX_DEMO_DATA=false COMMUNEDX_DATA_DIR=$work/data \
    COMMUNEDX_EMBEDDED_DATABASE_PORT=$DB_PORT java -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
    ${BENCH_APP_ARGS:-} > "$work/app.log" 2>&1 &
app=$!
await_up "$BASE"

db() { psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

# 34 provinces 01..34; the first 23 hold 98 communes, the others 97: 3,321 in all.
db <<'SQL'
insert into administrative_unit (code, name, search_name, level, unit_type)
select lpad(p::text, 2, '0'), 'Tỉnh ' || p, 'tinh ' || p, 'PROVINCE', 'TINH' from generate_series(1, 34) p;
insert into administrative_unit (code, name, search_name, level, unit_type, parent_id)
select lpad(p::text, 2, '0') || lpad(c::text, 3, '0'), 'Xã ' || p || '-' || c, 'xa ' || p || '-' || c, 'COMMUNE',
       'XA', (select id from administrative_unit where code = lpad(p::text, 2, '0'))
from generate_series(1, 34) p, generate_series(1, 98) c where c <= case when p <= 23 then 98 else 97 end;
insert into period (name, year, start_date, end_date, submission_deadline, framework_id)
select 'Bench 2025', 2025, '2025-01-01', '2025-12-31', current_date + 365, id from framework
where code = 'DX-XA' and version = '1.0';
SQL
period=$(db -c "select id from period where name = 'Bench 2025'")
db -c "select c.code || ' ' || c.measurement_type from criterion c join criterion_group g on g.id = c.group_id
    join framework f on f.id = g.framework_id where f.code = 'DX-XA' and f.version = '1.0' order by c.code" \
    > "$work/criteria"
db -c "select code from administrative_unit where level = 'COMMUNE' order by code" > "$work/communes"
echo "communes: $(wc -l < "$work/communes"), criteria: $(wc -l < "$work/criteria"), period $period"

# One JSON body per batch, each value of its criterion's type, measured on 30 November 2025.
python3 - "$work" "$BATCH" <<'PY'
import json, sys
work, batch = sys.argv[1], int(sys.argv[2])
criteria = [line.split() for line in open(f"{work}/criteria") if line.strip()]
communes = [line.strip() for line in open(f"{work}/communes") if line.strip()]
def value(kind, i):
    return {"PERCENT": f"{i % 21}/20", "COUNT": i % 50, "LEVEL": i % 4, "BOOLEAN": i % 2 == 0}[kind]
for n, start in enumerate(range(0, len(communes), batch)):
    suggestions = [{"communeCode": commune, "criterionCode": code, "value": value(kind, i + j),
                    "reference": f"MC-2025-{commune}", "measuredAt": "2025-11-30T00:00:00Z"}
                   for i, commune in enumerate(communes[start:start + batch], start)
                   for j, (code, kind) in enumerate(criteria)]
    with open(f"{work}/batch-{n:04d}.json", "w") as out:
        json.dump({"source": "Hệ thống một cửa điện tử", "suggestions": suggestions}, out, ensure_ascii=False)
PY

push() { # label
    local errors=0 requests=0 start end status
    start=$(date +%s.%N)
    for body in "$work"/batch-*.json; do
        status=$(curl -s -o "$work/answer" -w '%{http_code}' -u "admin:$PASSWORD" -X PUT \
            -H 'Content-Type: application/json' --data-binary "@$body" "$BASE/api/v1/periods/$period/suggested-values")
        requests=$((requests + 1))
        if [[ $status != 200 ]]; then
            errors=$((errors + 1))
            echo "answer $status: $(head -c 300 "$work/answer")" >&2
        fi
    done
    end=$(date +%s.%N)
    local stored
    stored=$(db -c "select count(*) from suggested_value where period_id = $period")
    printf '%s: %d requests of up to %d communes, %d errors, %.2f s, %d values stored, %.0f values/s\n' "$1" \
        "$requests" "$BATCH" "$errors" "$(echo "$end - $start" | bc)" "$stored" \
        "$(echo "$stored / ($end - $start)" | bc -l)"
}

push "first push (inserts)"
push "second push (replaces)"
