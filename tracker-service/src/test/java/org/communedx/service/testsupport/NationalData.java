package org.communedx.service.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.service.unit.GsoListImport;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The whole country for the national benchmarks and the national-scale page test, loaded once per database: the GSO
 * list of 01/03/2025 through {@link GsoListImport} (or, without {@code ../shared/data}, a synthetic list of the same
 * shape), DX-XA 1.0, the periods of a {@link Shape} (2023 to 2025 for the benchmarks) with one assessment per commune
 * and period and its 27 entries in mixed states, about half a million evidence rows a period (metadata only), a plan
 * per district and per province, the summary rows ({@link ProgressLedger#rebuildPeriod}) and a few days of history
 * per assessment. Everything but the units is bulk SQL: the point is the reads, and JPA would take an hour to write
 * 814,000 entries.
 * <p>
 * Every "random" choice is a hash of ids, so two loads give the same data. In the shared test support, so that the
 * web module's tests render pages over it too.
 */
public final class NationalData {

    public static final LocalDate LIST_DATE = LocalDate.of(2025, 3, 1);

    /** The password of the accounts made for the HTTP benchmark ({@code bench/scorecard-http.sh}) and the tests. */
    public static final String BENCH_PASSWORD = "Bench-Scorecard-2026";

    /**
     * What to load besides the units and plans.
     * @param units the reference list when {@code ../shared/data} has it, else the synthetic one; or always the
     *     synthetic one, whose shape the tests know (63 provinces, 10,047 communes, the largest province 707)
     */
    public record Shape(List<Integer> years, boolean referenceUnits) {

        /** What the benchmarks measure: three years, the real unit list where there is one. */
        public static final Shape BENCHMARK = new Shape(List.of(2023, 2024, 2025), true);

        /** One year over the synthetic country: every page at its national size, loaded in seconds. */
        public static final Shape ONE_YEAR_SYNTHETIC = new Shape(List.of(2025), false);

        String periodNames() {
            return years.stream().map(year -> "'Năm " + year + "'").collect(Collectors.joining(", "));
        }
    }

    private final JdbcClient jdbc;

    private final GsoListImport gsoImport;

    private final ProgressLedger ledger;

    private final UserAccountRepository accounts;

    private final PasswordEncoder passwordEncoder;

    private final Shape shape;

    public NationalData(JdbcClient jdbc, GsoListImport gsoImport, ProgressLedger ledger, UserAccountRepository accounts,
            PasswordEncoder passwordEncoder) {
        this(jdbc, gsoImport, ledger, accounts, passwordEncoder, Shape.BENCHMARK);
    }

    public NationalData(JdbcClient jdbc, GsoListImport gsoImport, ProgressLedger ledger, UserAccountRepository accounts,
            PasswordEncoder passwordEncoder, Shape shape) {
        this.shape = shape;
        this.jdbc = jdbc;
        this.gsoImport = gsoImport;
        this.ledger = ledger;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    /** What the benchmarks measure against. */
    public record Loaded(long latestPeriodId, List<Long> periodIds, String largestProvince, int largestProvinceCommunes,
            String provinceManager, String scorecardCommune, String communeStaff) {
    }

    public Loaded ensureLoaded() {
        if (jdbc.sql("select count(*) from period where name = 'Năm 2025'").query(Long.class).single() == 0) {
            load();
        }
        List<Long> periodIds = jdbc.sql("select id from period where name in (" + shape.periodNames() + ") "
                + "order by year").query(Long.class).list();
        var largest = jdbc.sql("""
                select p.code, count(*) as communes
                from administrative_unit c join administrative_unit parent on parent.id = c.parent_id
                join administrative_unit p on p.id = coalesce(parent.parent_id, parent.id)
                where c.level = 'COMMUNE' group by p.code order by communes desc, p.code limit 1""")
                .query((rs, row) -> new Object[] { rs.getString("code"), rs.getInt("communes") }).single();
        String province = (String) largest[0];
        String commune = jdbc.sql("""
                select c.code from administrative_unit c join administrative_unit parent on parent.id = c.parent_id
                join administrative_unit p on p.id = coalesce(parent.parent_id, parent.id)
                where c.level = 'COMMUNE' and p.code = ? order by c.code limit 1""").param(province)
                .query(String.class).single();
        String manager = account("tinh." + province, Role.PROVINCE_MANAGER, province);
        String staff = account("xa." + commune, Role.COMMUNE_STAFF, commune);
        return new Loaded(periodIds.get(periodIds.size() - 1), periodIds, province, (Integer) largest[1], manager,
                commune, staff);
    }

    /** An account of the given role with {@link #BENCH_PASSWORD}, made once. */
    public String account(String username, Role role, String unitCode) {
        if (!accounts.existsByUsername(username)) {
            accounts.save(new UserAccount(username, "Benchmark " + username, passwordEncoder.encode(BENCH_PASSWORD),
                    role, unitCode, Instant.now()));
        }
        return username;
    }

    private void load() {
        long start = System.nanoTime();
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("admin", null, "ROLE_ADMIN"));
        try {
            Optional<Path> reference = shape.referenceUnits() ? referenceList() : Optional.empty();
            byte[] list = reference.map(NationalData::read).orElseGet(NationalData::syntheticList);
            var summary = gsoImport.importList(new ByteArrayResource(list), LIST_DATE);
            System.out.printf("BENCHMARK data: units from %s: %s%n",
                    reference.map(Path::toString).orElse("a synthetic list (no ../shared/data)"), summary.total());
        }
        finally {
            SecurityContextHolder.clearContext();
        }
        step("periods", """
                insert into period (name, year, start_date, end_date, submission_deadline, framework_id)
                select 'Năm ' || y, y, make_date(y, 1, 1), make_date(y, 12, 31), make_date(y, 12, 15), f.id
                from unnest(array[{years}]) y
                cross join framework f where f.code = 'DX-XA' and f.version = '1.0'""");
        step("assessments", """
                insert into assessment (unit_id, period_id, created_at)
                select u.id, p.id, (p.start_date + 5 + ((2147483647 & hashint8(u.id)) % 40))::timestamp at time zone 'Asia/Ho_Chi_Minh'
                from period p cross join administrative_unit u
                where u.level = 'COMMUNE' and p.name in ({periods})
                order by p.id, u.id""");
        withIndexesBuiltAfter("criterion_entry", () -> step("criterion entries", ENTRIES));
        withIndexesBuiltAfter("evidence", () -> step("evidence", EVIDENCE));
        step("plans", DISTRICT_PLANS);
        step("plans", PROVINCE_PLANS);
        step("plan communes", PLAN_COMMUNES);
        step("plan targets", """
                update plan p set target_commune_count = greatest(1, ceil(n.participants * 0.6))
                from (select plan_id, count(*) as participants from plan_commune group by plan_id) n
                where n.plan_id = p.id""");
        List<Object[]> periods = jdbc.sql("select id, end_date from period where name in (" + shape.periodNames()
                + ") order by year")
                .query((rs, row) -> new Object[] { rs.getLong("id"), rs.getObject("end_date", LocalDate.class) })
                .list();
        for (Object[] period : periods) {
            long t = System.nanoTime();
            int summed = ledger.rebuildPeriod((Long) period[0], (LocalDate) period[1]);
            System.out.printf("BENCHMARK data: ProgressLedger.rebuildPeriod(%d): %d assessments in %.1f s%n",
                    period[0], summed, (System.nanoTime() - t) / 1e9);
        }
        step("progress history", HISTORY);
        step("vacuum analyze", "vacuum analyze");
        System.out.printf("BENCHMARK data: loaded in %.0f s: %s%n", (System.nanoTime() - start) / 1e9, jdbc.sql("""
                select (select count(*) from administrative_unit where level = 'PROVINCE') || ' provinces, '
                    || (select count(*) from administrative_unit where level = 'DISTRICT') || ' districts, '
                    || (select count(*) from administrative_unit where level = 'COMMUNE') || ' communes, '
                    || (select count(*) from assessment) || ' assessments, '
                    || (select count(*) from criterion_entry) || ' entries, '
                    || (select count(*) from evidence) || ' evidence rows, '
                    || (select count(*) from plan) || ' plans, '
                    || (select count(*) from assessment_progress_history) || ' history rows'""")
                .query(String.class).single());
        System.out.println("BENCHMARK data: entries by status: " + jdbc.sql("""
                select string_agg(status || case when status = 'APPROVED' then (case when met then ' met' else ' not met' end)
                    else '' end || ' ' || n, ', ' order by n desc)
                from (select status, met and status = 'APPROVED' as met, count(*) as n from criterion_entry
                      group by 1, 2) s""").query(String.class).single());
    }

    /**
     * Runs a bulk insert into a table without its plain indexes, then builds them again as the migrations defined them:
     * one sort per index instead of an index update per row (the evidence rows loaded in 14.7 s with them). Indexes
     * that back a constraint stay.
     */
    private void withIndexesBuiltAfter(String table, Runnable insert) {
        List<String[]> indexes = jdbc.sql("""
                select i.indexname, i.indexdef from pg_indexes i
                where i.schemaname = current_schema() and i.tablename = ?
                and not exists (select 1 from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                                where c.conname = i.indexname and n.nspname = i.schemaname)""")
                .param(table).query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) }).list();
        indexes.forEach(index -> jdbc.sql("drop index " + index[0]).update());
        insert.run();
        long t = System.nanoTime();
        indexes.forEach(index -> jdbc.sql(index[1]).update());
        System.out.printf("BENCHMARK data: %d indexes of %s built in %.1f s%n", indexes.size(), table,
                (System.nanoTime() - t) / 1e9);
    }

    private void step(String what, String sql) {
        // The shape's periods, by name, and years: integers and fixed names only, nothing from outside.
        sql = sql.replace("{periods}", shape.periodNames()).replace("{years}",
                shape.years().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        long t = System.nanoTime();
        int rows = jdbc.sql(sql).update();
        System.out.printf("BENCHMARK data: %s: %d rows in %.1f s%n", what, rows, (System.nanoTime() - t) / 1e9);
    }

    /**
     * One entry per assessment and criterion. A score from the entry's hash, shifted by the commune's engagement
     * (a hash of the unit) and by the year (later periods are further along), picks the status; 4% of the
     * communes have not started at all in a period. Entries past NOT_STARTED, other than NOT_APPLICABLE, carry a
     * value of their criterion's type that meets its target with a likelihood that depends on the status (80% when
     * approved, 35% when returned), and {@code met} is computed from the value exactly as the entity does it
     * (and as V11 did): percent rounded half up to two decimals, compared with the target. DX-XA 1.0 scores all or
     * nothing, so the entry's {@code points} are its criterion's weight when met, as its scoring rule gives them.
     */
    private static final String ENTRIES = """
            insert into criterion_entry (assessment_id, criterion_id, status, value_numerator, value_denominator,
                value_count, value_level, value_yes_no, explanation, reason, last_changed_at, last_changed_by, met, points)
            select s.assessment_id, s.criterion_id, s.status, v.numerator, v.denominator, v.count, v.level, v.yes_no,
                case when s.status = 'NOT_APPLICABLE' then 'Xã không có đối tượng của tiêu chí này'
                     when s.status <> 'NOT_STARTED' and s.r3 % 3 = 0 then 'Số liệu theo báo cáo quý ' || (1 + s.r3 % 4) end,
                case when s.status = 'RETURNED' then 'Minh chứng chưa đủ, đề nghị bổ sung biên bản có chữ ký' end,
                case when s.status <> 'NOT_STARTED' then
                    (s.start_date + 20 + (s.r3 % 320)::int)::timestamp at time zone 'Asia/Ho_Chi_Minh' + (s.r3 % 600) * interval '1 minute' end,
                case when s.status in ('APPROVED', 'RETURNED') then 'huyen.' || s.parent_code
                     when s.status <> 'NOT_STARTED' then 'xa.' || s.unit_code end,
                j.met, case when j.met then s.weight else 0 end
            from (
                select b.*, case
                        when b.idle or b.score < 150 then 'NOT_STARTED'
                        when b.score < 250 then 'DRAFT'
                        when b.score < 340 then 'SUBMITTED'
                        when b.score < 380 then 'RETURNED'
                        when b.score < 410 then 'NOT_APPLICABLE'
                        else 'APPROVED' end as status
                from (
                    select a.id as assessment_id, u.code as unit_code, parent.code as parent_code, p.start_date,
                        c.id as criterion_id, c.measurement_type, c.target_value, c.comparison, c.weight,
                        (2147483647 & hashint8(a.unit_id * 7 + p.year))::bigint % 1000 < 40 as idle,
                        least(999, greatest(0, (2147483647 & hashint8(a.id * 64 + c.position * 8 + g.position))::bigint % 1000
                            + ((2147483647 & hashint8(a.unit_id))::bigint % 1000 - 500) / 2 + (p.year - 2024) * 100)) as score,
                        (2147483647 & hashint8(a.id * 64 + c.position * 8 + g.position + 7777777))::bigint % 1000 as r2,
                        (2147483647 & hashint8(a.id * 64 + c.position * 8 + g.position + 99999999))::bigint % 100000 as r3
                    from assessment a
                    join period p on p.id = a.period_id
                    join administrative_unit u on u.id = a.unit_id
                    join administrative_unit parent on parent.id = u.parent_id
                    join criterion_group g on g.framework_id = p.framework_id
                    join criterion c on c.group_id = g.id
                    where p.name in ({periods})) b) s
            cross join lateral (select s.status not in ('NOT_STARTED', 'NOT_APPLICABLE') as valued,
                case s.status when 'APPROVED' then s.r2 < 800 when 'SUBMITTED' then s.r2 < 750
                    when 'DRAFT' then s.r2 < 550 else s.r2 < 350 end as meets,
                20 + s.r3 % 481 as den,
                ceil((20 + s.r3 % 481) * s.target_value / 100)::int as need) i
            cross join lateral (select
                case when i.valued and s.measurement_type = 'PERCENT' then
                    case when i.meets then i.need + (s.r3 / 500) % (i.den - i.need + 1)
                         else (s.r3 / 500) % greatest(i.need, 1) end end as numerator,
                case when i.valued and s.measurement_type = 'PERCENT' then i.den end as denominator,
                case when i.valued and s.measurement_type = 'COUNT' then
                    case when s.comparison = 'AT_LEAST' then
                             case when i.meets then s.target_value::int + s.r3 % 5
                                  else s.r3 % greatest(s.target_value::int, 1) end
                         else case when i.meets then s.r3 % (s.target_value::int + 1)
                                   else s.target_value::int + 1 + s.r3 % 3 end end end as count,
                case when i.valued and s.measurement_type = 'LEVEL' then
                    case when i.meets then s.target_value::int else s.r3 % greatest(s.target_value::int, 1) end end
                    as level,
                case when i.valued and s.measurement_type = 'BOOLEAN' then i.meets end as yes_no) v
            cross join lateral (select case
                    when v.denominator is not null then round(v.numerator * 100.0 / v.denominator, 2)
                    when v.count is not null then v.count
                    when v.level is not null then v.level
                    when v.yes_no is not null then case when v.yes_no then 1 else 0 end
                end as measure) m
            cross join lateral (select coalesce(case when s.comparison = 'AT_LEAST' then m.measure >= s.target_value
                    else m.measure <= s.target_value end, false) as met) j
            order by s.assessment_id, s.criterion_id""";

    /**
     * One to four files per entry that has a value (2.35 on average), mostly PDFs, dated before the entry's last
     * change; a hash of the entry and the file's number stands in for the content's SHA-256.
     */
    private static final String EVIDENCE = """
            insert into evidence (entry_id, sha256, size_bytes, media_type, stored_name, original_name,
                document_number, title, issuing_body, document_date, effective_date, uploaded_by, uploaded_at)
            select e.id, encode(sha256(convert_to(e.id || '/' || k, 'UTF8')), 'hex'), 20000 + (h + k * 7919) % 5000000,
                t.media_type, 'evidence-' || e.id || '-' || k || t.extension,
                'Biên bản ' || k || ' tiêu chí ' || e.criterion_id || t.extension,
                case when k = 1 then (100 + h % 900) || '/BB-UBND' end,
                'Minh chứng ' || k || ' cho tiêu chí ' || e.criterion_id,
                'UBND xã ' || u.name,
                (e.last_changed_at - k * interval '1 day')::date,
                (e.last_changed_at - k * interval '1 day')::date,
                'xa.' || u.code,
                e.last_changed_at - k * interval '1 day'
            from criterion_entry e
            join assessment a on a.id = e.assessment_id
            join administrative_unit u on u.id = a.unit_id
            cross join lateral (select (2147483647 & hashint8(e.id * 3 + 1))::bigint as h) x
            cross join lateral generate_series(1, case when x.h % 100 < 20 then 1 when x.h % 100 < 50 then 2
                when x.h % 100 < 95 then 3 else 4 end) k
            cross join lateral (select case (x.h / 100 + k) % 10
                    when 6 then 'image/jpeg' when 7 then 'image/jpeg' when 8 then 'image/png'
                    when 9 then 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
                    else 'application/pdf' end as media_type,
                case (x.h / 100 + k) % 10 when 6 then '.jpg' when 7 then '.jpg' when 8 then '.png' when 9 then '.docx'
                    else '.pdf' end as extension) t
            where e.status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')
            order by e.id, k""";

    /** Every district's 2023–2025 plan, like Lạc Sơn's: 30% of the model in 60% of its chosen communes. */
    private static final String DISTRICT_PLANS = """
            insert into plan (name, scope_unit_id, target_percent, target_commune_count, start_date, deadline)
            select 'Kế hoạch chuyển đổi số cấp xã ' || d.name || ' 2023–2025', d.id, 30, 1, date '2023-01-01',
                date '2025-12-31'
            from administrative_unit d
            where d.level = 'DISTRICT' and exists (select 1 from administrative_unit c where c.parent_id = d.id)
            order by d.code""";

    /** Every province's own plan over a fifth of its communes: 50% of the model by the end of 2025. */
    private static final String PROVINCE_PLANS = """
            insert into plan (name, scope_unit_id, target_percent, target_commune_count, start_date, deadline)
            select 'Kế hoạch chuyển đổi số ' || p.name || ' giai đoạn 2023–2025', p.id, 50, 1, date '2023-01-01',
                date '2025-12-31'
            from administrative_unit p where p.level = 'PROVINCE' order by p.code""";

    /**
     * A district plan takes a third of the district's communes (at least its first), the first of them the pilot;
     * a province plan a fifth of the province's.
     */
    private static final String PLAN_COMMUNES = """
            insert into plan_commune (plan_id, unit_id, pilot)
            select plan_id, unit_id, row_number() over (partition by plan_id order by code) = 1
            from (
                select pl.id as plan_id, c.id as unit_id, c.code
                from plan pl
                join administrative_unit d on d.id = pl.scope_unit_id and d.level = 'DISTRICT'
                join administrative_unit c on c.parent_id = d.id
                where (2147483647 & hashint8(c.id))::bigint % 3 = 0
                    or c.id = (select min(first.id) from administrative_unit first where first.parent_id = d.id)
                union all
                select pl.id, c.id, c.code
                from plan pl
                join administrative_unit p on p.id = pl.scope_unit_id and p.level = 'PROVINCE'
                join administrative_unit parent on parent.id = p.id or parent.parent_id = p.id
                join administrative_unit c on c.parent_id = parent.id and c.level = 'COMMUNE'
                where (2147483647 & hashint8(c.id + 11))::bigint % 5 = 0) chosen""";

    /**
     * One to four days of change per assessment that has any completion, spread over its period; the figure at the
     * end of day i of k is i/k of the final one, kept like every percent (Completion.keptPercent), so the changes add
     * up to exactly the final verified and claimed percent of {@code assessment_progress}.
     */
    private static final String HISTORY = """
            insert into assessment_progress_history (assessment_id, day, verified_percent, claimed_percent,
                verified_change, claimed_change)
            select ap.assessment_id, p.start_date + i * 70 + (x.h % 30)::int, f.verified, f.claimed,
                f.verified - f.verified_before, f.claimed - f.claimed_before
            from assessment_progress ap
            join period p on p.id = ap.period_id
            cross join lateral (select (2147483647 & hashint8(ap.assessment_id + 31337))::bigint as h) x
            cross join lateral generate_series(1, (1 + x.h % 4)::int) i
            cross join lateral (select
                round(coalesce(ap.verified_percent, 0) * i / (1 + x.h % 4), 10) as verified,
                round(coalesce(ap.verified_percent, 0) * (i - 1) / (1 + x.h % 4), 10) as verified_before,
                round(coalesce(ap.claimed_percent, 0) * i / (1 + x.h % 4), 10) as claimed,
                round(coalesce(ap.claimed_percent, 0) * (i - 1) / (1 + x.h % 4), 10) as claimed_before) f
            where p.name in ({periods})
                and (coalesce(ap.verified_percent, 0) > 0 or coalesce(ap.claimed_percent, 0) > 0)
            order by ap.assessment_id, i""";

    /** {@code ../shared/data/units-vn-2025-03.csv} beside the checkout, read in place, never copied. */
    static Optional<Path> referenceList() {
        Path here = Path.of("").toAbsolutePath();
        return Stream.iterate(here, path -> path != null, Path::getParent).limit(4)
                .map(path -> path.resolve("../shared/data/units-vn-2025-03.csv").normalize())
                .filter(Files::isRegularFile).findFirst();
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * 63 provinces, 696 districts and 10,047 communes in the GSO layout. Districts are spread unevenly over the
     * provinces and communes over the districts, so that one province is much larger than the rest, as Thanh Hóa is.
     */
    static byte[] syntheticList() {
        StringBuilder csv = new StringBuilder("Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp\n");
        int districts = 696;
        int communes = 10_047;
        int commune = 0;
        for (int d = 0; d < districts; d++) {
            int province = d < 63 ? d : (int) (63 * Math.pow((d - 63) / (double) (districts - 63), 1.6));
            province = Math.min(62, province);
            int upTo = (int) ((long) communes * (d + 1) / districts);
            for (; commune < upTo; commune++) {
                csv.append("Tỉnh Tổng Hợp ").append(province + 1).append(',').append(String.format("%02d", province + 1))
                        .append(",Huyện Tổng Hợp ").append(d + 1).append(',').append(String.format("%03d", d + 1))
                        .append(",Xã Tổng Hợp ").append(commune + 1).append(',')
                        .append(String.format("%05d", commune + 1)).append(",Xã\n");
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
