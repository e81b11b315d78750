package org.communedx.web.support;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.model.framework.CriterionGroup;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.period.PeriodTerms;

import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Periods of their own for the entry and review tests, on a published framework "IT-ENTRY 9.9-entries" whose criteria
 * need no evidence (every DX-XA 1.0 criterion does, and evidence upload is not built here), so that entries can be
 * submitted and reviewed. Each test takes a new period, so its entries start NOT_STARTED; the periods lie in
 * 2019, so they are never the current one, but their deadline is extended to a year from today, as an administrator
 * would, so that commune staff may still write in them. Also the page helpers those tests share.
 */
public final class EntryPages {

    public static final String PASSWORD = "Demo@2025!";

    /** Not "1.0": the framework list shows every version, and other tests pick DX-XA's "1.0" link by its name. */
    private static final String VERSION_NAME = "9.9-entries";

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    private final FrameworkRepository frameworks;

    private final PeriodRepository periods;

    private final TransactionTemplate transaction;

    public EntryPages(FrameworkRepository frameworks, PeriodRepository periods, TransactionTemplate transaction) {
        this.frameworks = frameworks;
        this.periods = periods;
        this.transaction = transaction;
    }

    /** G1: C1 PERCENT at least 80, C2 LEVEL at least 2; G2: C3 BOOLEAN, C4 COUNT at least 3; weight 1 each. */
    public long newPeriod() {
        return newPeriod(2019);
    }

    /** The same in another year, for what finds a period by its year (the progress API). */
    public long newPeriod(int year) {
        return newPeriod(year, LocalDate.now().plusYears(1));
    }

    /** The same with the given deadline: one already passed closes the period to commune staff. */
    public long newPeriod(int year, LocalDate deadline) {
        return transaction.execute(status -> {
            Framework framework = frameworks.findByCodeAndVersion("IT-ENTRY", VERSION_NAME).orElseGet(() -> {
                Framework draft = Framework.draft("IT-ENTRY", VERSION_NAME, new LocalizedText("Thử mục nhập", "Entry test"));
                CriterionGroup g1 = draft.addGroup("G1", new LocalizedText("Nhóm một", "Group one"));
                g1.addCriterion(criterion("G1.C1", MeasurementType.PERCENT, 80));
                g1.addCriterion(criterion("G1.C2", MeasurementType.LEVEL, 2));
                CriterionGroup g2 = draft.addGroup("G2", new LocalizedText("Nhóm hai", "Group two"));
                g2.addCriterion(criterion("G2.C3", MeasurementType.BOOLEAN, 1));
                g2.addCriterion(criterion("G2.C4", MeasurementType.COUNT, 3));
                draft.publish(Instant.parse("2019-01-01T00:00:00Z"));
                return frameworks.save(draft);
            });
            return periods.save(new Period(new PeriodTerms("Kỳ thử " + System.nanoTime(), year,
                    LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), deadline), framework))
                    .getId();
        });
    }

    /** The entry page of a criterion in a commune's period, as the scorecard links to it. */
    public static String criterion(String commune, long period, String criterion) {
        return "/communes/" + commune + "/periods/" + period + "/criteria/" + criterion;
    }

    /**
     * The id of a criterion's stored entry, from the forms of its page at the criterion's address as the client sees
     * it; there is none before the commune's first write in the period.
     */
    public static long entryId(WebClient client, String commune, long period, String criterion) {
        String page = client.get(criterion(commune, period, criterion)).body();
        Matcher matcher = Pattern.compile("action=\"/entries/(\\d+)/").matcher(page);
        assertThat(matcher.find()).as(criterion + " stored, with a form").isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /**
     * Saves a value at the criterion's address, as the staff's first write in a new period does (which stores the
     * commune's entries), and returns the entry's id.
     */
    public static long saveFirst(WebClient staff, String commune, long period, String criterion, String fields) {
        String page = criterion(commune, period, criterion);
        String token = WebClient.csrfToken(staff.get(page));
        HttpResponse<String> saved = staff.post(page + "/value", "_csrf=" + token + "&version=0&" + fields);
        assertThat(saved.statusCode()).as("saved").isEqualTo(302);
        return entryId(staff, commune, period, criterion);
    }

    /** Saves a percent value as the staff's first write of the criterion; see {@link #saveFirst}. */
    public static long savePercentFirst(WebClient staff, String commune, long period, String criterion,
            int numerator, int denominator) {
        return saveFirst(staff, commune, period, criterion, "numerator=" + numerator + "&denominator=" + denominator
                + "&explanation=" + encode("Theo danh sách"));
    }

    /** The version the entry page's forms carry. */
    public static long version(WebClient client, long entry) {
        Matcher matcher = VERSION.matcher(client.get("/entries/" + entry).body());
        assertThat(matcher.find()).as("a form with the version").isTrue();
        return Long.parseLong(matcher.group(1));
    }

    public static HttpResponse<String> post(WebClient client, long entry, String action, String fields) {
        String token = WebClient.csrfToken(client.get("/entries/" + entry));
        return client.post("/entries/" + entry + "/" + action, "_csrf=" + token + (fields.isEmpty() ? "" : "&" + fields));
    }

    /** Saves a percent value at the current version. */
    public static HttpResponse<String> savePercent(WebClient staff, long entry, int numerator, int denominator) {
        return post(staff, entry, "value", "version=" + version(staff, entry) + "&numerator=" + numerator
                + "&denominator=" + denominator + "&explanation=" + encode("Theo danh sách"));
    }

    public static HttpResponse<String> submit(WebClient staff, long entry) {
        return post(staff, entry, "submit", "version=" + version(staff, entry));
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static CriterionDefinition criterion(String code, MeasurementType type, int target) {
        return new CriterionDefinition(code, new LocalizedText("Tiêu chí " + code, "Criterion " + code),
                new LocalizedText("Mô tả " + code, "Description " + code), type, BigDecimal.valueOf(target),
                Comparison.AT_LEAST, type == MeasurementType.PERCENT ? "%" : null, BigDecimal.ONE,
                new LocalizedText("Biên bản", "Minutes"), false);
    }
}
