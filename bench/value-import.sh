#!/usr/bin/env bash
# One spreadsheet of suggested values for every commune of the country (3,321 communes × 27 criteria = 89,667
# values) imported through the page, timed from the upload to the result. The data set is the country before the
# reform (10,047 communes); the file keeps the template's first 3,321. See docs/performance.md ("Value import"):
#
#   createdb -h 127.0.0.1 -U postgres communedx_bench
#   TEST_DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/communedx_bench \
#     ./mvnw -B -pl tracker-service -am test -Dtest=NationalDashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false
#   ./mvnw -B -q package -DskipTests
#   bench/value-import.sh
#
# It starts the packaged jar on 127.0.0.1 against that database, logs in through the login form as the administrator
# bench.admin (made here, with the password hash of the benchmark's province manager, NationalData.BENCH_PASSWORD:
# a whole country's file needs an administrator's scope), downloads the national template of the period 'Năm 2025' in
# the wide layout (timed), keeps its first BENCH_COMMUNES communes, fills every value cell with a value of its
# criterion's type (python3, standard library only: the sheet's XML is rewritten inside the ZIP), uploads it on the
# import page, and
# follows the job's page as a browser without scripts would, every 0.2 s, until it shows the result. It prints the
# times, the values imported and the problems, and checks the count in suggested_value. Only ever point it at
# 127.0.0.1. Needs curl, psql and python3.
set -euo pipefail

DATABASE=${BENCH_DATABASE:-communedx_bench}
DATABASE_URL=${BENCH_DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/$DATABASE}
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
PORT=${BENCH_PORT:-18080}
JAR=${BENCH_JAR:-web-ui/target/commune-dx-tracker.jar}
PASSWORD=Bench-Scorecard-2026   # NationalData.BENCH_PASSWORD
BASE=http://127.0.0.1:$PORT
# Communes in the file: the country after the 2025 reform. BENCH_COMMUNES=10047 sends the whole country of the data
# set (271,269 values), which the import refuses whole: one call takes at most 100,000.
COMMUNES=${BENCH_COMMUNES:-3321}

source "$(dirname "$0")/lib.sh"

period=$(sql -d "$DATABASE" -c "select id from period where name = 'Năm 2025'")
[[ -n $period ]] || { echo "$DATABASE holds no national data: load it first (see the head of this script)" >&2; exit 1; }
sql -d "$DATABASE" -c "insert into user_account (username, display_name, password_hash, role)
    select 'bench.admin', 'Benchmark administrator', password_hash, 'ADMIN' from user_account
    where role = 'PROVINCE_MANAGER' and username like 'tinh.%'
        and not exists (select 1 from user_account where username = 'bench.admin') limit 1" > /dev/null

SPRING_DATASOURCE_URL=$DATABASE_URL SPRING_DATASOURCE_USERNAME=${BENCH_DATABASE_USERNAME:-postgres} \
    SPRING_DATASOURCE_PASSWORD=${BENCH_DATABASE_PASSWORD:-} COMMUNEDX_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64) \
    COMMUNEDX_DATA_DIR=$work/data java -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
    ${BENCH_APP_ARGS:-} > "$work/app.log" 2>&1 &
app=$!
await_up "$BASE"
form_login "$BASE" bench.admin "$PASSWORD"
page="$BASE/periods/$period/value-import"
status=$(curl -s -o "$work/form.html" -w '%{http_code}' -b "$work/cookies" "$page")
[[ $status == 200 ]] || { echo "The import page answered $status (did bench.admin log in?)" >&2; exit 1; }
# A fresh start: the values of an earlier run would be replaced all the same, but the count below checks this one.
sql -d "$DATABASE" -c "delete from suggested_value where period_id = $period" > /dev/null

start=$(date +%s.%N)
curl -fs -b "$work/cookies" -o "$work/template.xlsx" "$page/template.xlsx?layout=wide"
template_s=$(echo "$(date +%s.%N) - $start" | bc)

sql -d "$DATABASE" -F ' ' -c "select c.code, c.measurement_type from criterion c join criterion_group g on g.id = c.group_id
    join period p on p.framework_id = g.framework_id where p.id = $period" > "$work/types.txt"
python3 - "$work/template.xlsx" "$work/values.xlsx" "$work/types.txt" "$COMMUNES" <<'EOF'
import re, sys, zipfile
source, target, types_file, communes = sys.argv[1:5]
last_row = 2 + int(communes)
types = dict(line.split() for line in open(types_file) if line.strip())
def column(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1
with zipfile.ZipFile(source) as zin:
    sheet_name = next(n for n in zin.namelist() if n.startswith('xl/worksheets/sheet'))
    xml = zin.read(sheet_name).decode('utf-8')
    # The header's criterion codes, by column, from the first row's inline strings.
    first_row = re.search(r'<row r="1".*?</row>', xml, re.S).group(0)
    codes = {column(m.group(1)): m.group(2) for m in
             re.finditer(r'<c r="([A-Z]+)1"[^>]*><is><t>([^<]*)</t></is></c>', first_row)}
    filled = 0
    def fill(m):
        global filled
        letters, row, style = m.group(1), int(m.group(2)), m.group(3)
        kind = types.get(codes.get(column(letters), ''), None)
        if row < 3 or kind is None:
            return m.group(0)
        value = {'PERCENT': f'{row % 20}/20', 'COUNT': str(row % 50), 'LEVEL': str(row % 4),
                 'BOOLEAN': 'yes' if row % 2 else 'no'}[kind]
        filled += 1
        return f'<c r="{letters}{row}" s="{style}" t="inlineStr"><is><t>{value}</t></is></c>'
    # SXSSF writes an empty cell with a style as <c r="C3" s="3"></c>; others write <c .../>.
    # The first $COMMUNES communes only: the benchmark's country is the one before the 2025 reform (10,047 communes),
    # and the country after it has 3,321.
    xml = re.sub(r'<row r="([0-9]+)"[^>]*>.*?</row>', lambda m: m.group(0) if int(m.group(1)) <= last_row else '',
                 xml, flags=re.S)
    xml = re.sub(r'<c r="([A-Z]+)([0-9]+)" s="([0-9]+)"(?:/>|></c>)', fill, xml)
    with zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, xml.encode('utf-8') if item.filename == sheet_name else zin.read(item.filename))
print(f'values.xlsx: {filled} values filled', file=sys.stderr)
EOF
echo "template: $(stat -c %s "$work/template.xlsx") bytes in ${template_s} s; filled file: $(stat -c %s "$work/values.xlsx") bytes"

csrf=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$work/form.html" | head -1)
start=$(date +%s.%N)
job=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$work/cookies" -F "_csrf=$csrf" \
    -F "file=@$work/values.xlsx;filename=gia-tri-ca-nuoc.xlsx" "$page")
[[ $job == *"/value-import/jobs/"* ]] || { echo "The upload was not taken: $job" >&2; exit 1; }
uploaded_s=$(echo "$(date +%s.%N) - $start" | bc)
for _ in $(seq 1 3000); do
    curl -fs -b "$work/cookies" -o "$work/job.html" "$job"
    if grep -q 'id="job-done"\|id="job-refused"\|id="job-failed"' "$work/job.html"; then
        break
    fi
    sleep 0.2
done
result_s=$(echo "$(date +%s.%N) - $start" | bc)
imported=$(sql -d "$DATABASE" -c "select count(*) from suggested_value where period_id = $period")
if grep -q 'id="job-done"' "$work/job.html"; then
    errors=0
else
    errors=$(grep -o 'bị từ chối với [0-9.]* vấn đề' "$work/job.html" | grep -o '[0-9.]*' | tr -d . || echo "?")
fi
echo "upload answered (redirect to the job) in ${uploaded_s} s; result shown ${result_s} s after the upload began"
echo "imported $imported suggested values; errors: ${errors:-?}"
grep -o 'Đã nhận [^<]*' "$work/job.html" || true
grep -o '<td>[^<]*</td>\s*<td>[^<]*</td>\s*<td>[^<]*</td>' "$work/job.html" | head -3 || true
