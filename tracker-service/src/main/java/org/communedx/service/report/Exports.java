package org.communedx.service.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.model.framework.ScoringRule;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.service.assessment.Completion;
import org.communedx.service.assessment.Completion.Percentages;
import org.communedx.service.assessment.Scorecards.CriterionRow;
import org.communedx.service.assessment.Scorecards.GroupCard;
import org.communedx.service.assessment.Scorecards.Scorecard;
import org.communedx.service.progress.ProgressViews.CommuneFigure;
import org.communedx.service.progress.ProgressViews.GroupAverage;
import org.communedx.service.progress.ProgressViews.Rollup;
import org.communedx.service.progress.Rollups;
import org.communedx.service.scope.Scopes;
import org.communedx.service.scope.UnitScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scorecards, rollups and raw criterion entries as CSV or XLSX, written straight to a stream in the user's
 * language. Scorecards and rollups come already scope-checked from their services; the raw entries are checked
 * here, once when the download is asked for ({@link #entries}), so that a unit out of scope answers 404 before any
 * byte is sent, and again when they are written.
 * <p>
 * The raw entries of the whole country are about 270,000 rows a period. They are never loaded: one SQL query in a
 * read-only transaction, read through a forward-only cursor {@value #FETCH_SIZE} rows at a time (PostgreSQL's
 * driver uses a cursor only inside a transaction and with a fetch size), each row written as it arrives.
 */
@Service
@Transactional(readOnly = true)
public class Exports {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    static final int FETCH_SIZE = 1000;

    /** {@code %s} narrows the entries to a unit's communes, or is empty for the whole country. */
    private static final String ENTRIES = """
            select c.code as commune_code, c.name as commune_name, cr.code as criterion_code, g.code as group_code,
                e.status, cr.measurement_type, e.value_numerator, e.value_denominator, e.value_count, e.value_level,
                e.value_yes_no, e.met, e.points, cr.weight as maximum, e.explanation, e.last_changed_at,
                e.last_changed_by
            from assessment a
            join administrative_unit c on c.id = a.unit_id
            join criterion_entry e on e.assessment_id = a.id
            join criterion cr on cr.id = e.criterion_id
            join criterion_group g on g.id = cr.group_id
            where a.period_id = :period %s
            order by c.code, c.id, g.position, cr.position""";

    /** A unit's communes, as its rollup counts them ({@link Rollups#communesOf}). */
    private static final String OF_COMMUNES = "and a.unit_id = any(:communes)";

    private final JdbcClient jdbc;

    private final Scopes scopes;

    private final PeriodRepository periods;

    private final Rollups rollups;

    Exports(JdbcClient jdbc, Scopes scopes, PeriodRepository periods, Rollups rollups) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.periods = periods;
        this.rollups = rollups;
    }

    /**
     * Whose entries an export holds: a unit's communes, or the whole country (a null unit code and communes).
     * Only {@link #entries} and {@link #nationalEntries} make one, after the scope check.
     * @param scoreSettings the period's version's: a points version's entries carry what each value earns
     */
    public record EntrySelection(String unitCode, String unitName, Long unitId, long periodId, String periodName,
            List<Long> communeIds, ScoreSettings scoreSettings) {
    }

    /**
     * The entries of a commune, or of every commune under a district or province, the communes the unit's dashboard
     * counts: for Tỉnh Phú Thọ in 2025, formed in July, those it was formed from. 404 outside the scope.
     */
    public EntrySelection entries(String unitCode, long periodId) {
        Period period = period(periodId);
        Rollups.CommunesOf communes = rollups.communesOf(unitCode, periodId);
        return new EntrySelection(communes.code(), communes.name(), communes.unitId(), periodId, period.getName(),
                communes.communeIds(), period.getFramework().scoreSettings());
    }

    /** Every commune's entries, for those whose scope is everything (administrators). */
    public EntrySelection nationalEntries(long periodId) {
        if (!scopes.current().everything()) {
            throw new ExportNotFoundException("country");
        }
        Period period = period(periodId);
        return new EntrySelection(null, null, null, periodId, period.getName(), null,
                period.getFramework().scoreSettings());
    }

    /** Streams the selected entries, one row per criterion entry, communes in code order. */
    public void writeEntries(EntrySelection selection, ExportFormat format, Labels labels, OutputStream out)
            throws IOException {
        UnitScope scope = scopes.current();
        if (!scope.everything() && (selection.unitId() == null || !scope.includesUnit(selection.unitId()))) {
            throw new ExportNotFoundException("selection");
        }
        // A points version's entries carry what each value earns, in the verified and claimed columns where it counts,
        // and its maximum, so that a province adds a commune's total up from the file, as from the scorecard's.
        ScoreSettings settings = selection.scoreSettings();
        try (TableWriter writer = TableWriter.open(format, out)) {
            List<String> headers = new ArrayList<>(headers(labels, "export.entries.", "communeCode", "communeName",
                    "criterionCode", "group", "status", "value", "measure", "met"));
            if (settings.points()) {
                headers.addAll(pointHeaders(labels));
            }
            headers.addAll(headers(labels, "export.entries.", "explanation", "lastChangedAt", "lastChangedBy"));
            writer.table(labels.get("export.sheet.entries"), headers);
            var query = jdbc.sql(ENTRIES.formatted(selection.communeIds() == null ? "" : OF_COMMUNES))
                    .param("period", selection.periodId()).withFetchSize(FETCH_SIZE);
            if (selection.communeIds() != null) {
                query = query.param("communes", selection.communeIds().toArray(Long[]::new));
            }
            try {
                query.query((ResultSet rs) -> {
                    try {
                        writer.row(entryRow(rs, settings, labels));
                    }
                    catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
            }
            catch (UncheckedIOException ex) {
                throw ex.getCause();
            }
            writer.finish();
        }
    }

    /**
     * A scorecard's criteria; in XLSX also a sheet with the completion per group and overall. A points version adds
     * each criterion's points and maximum, and the completion sheet its points and maximum, as kept (two decimals,
     * {@link #kept}); a percent version's files keep their columns. Beside the points its value earns, a criterion's
     * row repeats them in the verified and the claimed column only when they count there, as the page says "not yet
     * in the totals" of a draft's: each column then adds up to the completion sheet's figure.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void writeScorecard(Scorecard card, ExportFormat format, Labels labels, OutputStream out)
            throws IOException {
        ScoreSettings settings = card.scoreSettings();
        boolean points = settings.points();
        try (TableWriter writer = TableWriter.open(format, out)) {
            List<String> headers = headers(labels, "export.scorecard.", "communeCode", "communeName", "period",
                    "groupCode", "groupName", "criterionCode", "criterionName", "status", "value", "measure",
                    "target", "met");
            if (points) {
                headers.addAll(pointHeaders(labels));
            }
            headers.addAll(headers(labels, "export.scorecard.", "evidence", "lastChangedAt", "lastChangedBy"));
            writer.table(labels.get("export.sheet.criteria"), headers);
            for (GroupCard group : card.groups()) {
                for (CriterionRow row : group.criteria()) {
                    List<Object> cells = new ArrayList<>(Arrays.asList(card.communeCode(), card.communeName(),
                            card.periodName(), group.code(), group.name().in(labels.locale()), row.code(),
                            row.name().in(labels.locale()), labels.get("entry.status." + row.status().name()),
                            value(row.value(), labels), row.value() == null ? null : row.value().shownMeasure(),
                            target(row.type(), row.target(), row.comparison(), row.unit(), labels),
                            met(row.value() != null, row.met(), labels)));
                    if (points) {
                        cells.addAll(pointCells(row.status(), row.points(), row.maximum()));
                    }
                    cells.addAll(Arrays.asList(row.evidenceCount(),
                            row.lastChangedAt() == null ? null : LocalDateTime.ofInstant(row.lastChangedAt(), VIETNAM),
                            row.lastChangedBy()));
                    writer.row(cells);
                }
            }
            if (format == ExportFormat.XLSX) {
                List<String> completion = headers(labels, "export.completion.", "groupCode", "groupName",
                        "verified", "claimed");
                if (points) {
                    completion.addAll(headers(labels, "export.completion.", "verifiedPoints", "claimedPoints",
                            "maximum"));
                }
                writer.table(labels.get("export.sheet.completion"), completion);
                for (GroupCard group : card.groups()) {
                    writer.row(completionRow(group.code(), group.name().in(labels.locale()), group.completion(),
                            points ? group.score() : null));
                }
                writer.row(completionRow(null, labels.get("export.completion.overall"), card.overall(),
                        points ? card.score() : null));
            }
            writer.finish();
        }
    }

    /**
     * A rollup's communes, best first, with their verified completion per group where the rollup holds it; in XLSX
     * also a sheet with the totals and the group averages. A points version adds each commune's verified points and
     * the maximum they are of, and the totals in points; a percent version's files keep their columns.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void writeRollup(Rollup rollup, ExportFormat format, Labels labels, OutputStream out) throws IOException {
        ScoreSettings settings = rollup.scoreSettings();
        boolean points = settings.points();
        try (TableWriter writer = TableWriter.open(format, out)) {
            List<String> headers = new ArrayList<>(headers(labels, "export.rollup.", "rank", "communeCode",
                    "communeName", "parentCode", "parentName", "verified", "claimed"));
            if (points) {
                headers.addAll(headers(labels, "export.rollup.", "score", "maxScore"));
            }
            for (GroupAverage group : rollup.groups()) {
                headers.add(labels.get("export.rollup.groupVerified", group.groupCode()));
            }
            writer.table(labels.get("export.sheet.communes"), headers);
            for (CommuneFigure commune : rollup.ranking()) {
                // A commune that has not begun leaves its figures empty, as its row on the dashboard does.
                boolean started = commune.started();
                List<Object> cells = new ArrayList<>(Arrays.asList(commune.rank(), commune.code(),
                        commune.name(), commune.parentCode(), commune.parentName(),
                        started ? commune.verified() : null, started ? commune.claimed() : null));
                if (points) {
                    cells.add(started ? settings.round(commune.score()) : null);
                    cells.add(maximum(commune.maxScore()));
                }
                for (GroupAverage group : rollup.groups()) {
                    cells.add(started ? commune.groupVerified().get(group.groupCode()) : null);
                }
                writer.row(cells);
            }
            if (format == ExportFormat.XLSX) {
                writer.table(labels.get("export.sheet.totals"), headers(labels, "export.totals.", "figure", "value"));
                writer.row(List.of(labels.get("export.totals.unit"), rollup.unitName() == null
                        ? labels.get("export.totals.country") : rollup.unitName()));
                writer.row(List.of(labels.get("export.totals.period"), rollup.periodName()));
                writer.row(List.of(labels.get("export.totals.communeCount"), rollup.communeCount()));
                writer.row(List.of(labels.get("export.totals.averageVerified"), rollup.averageVerified()));
                writer.row(List.of(labels.get("export.totals.medianVerified"), rollup.medianVerified()));
                writer.row(List.of(labels.get("export.totals.averageClaimed"), rollup.averageClaimed()));
                if (points) {
                    writer.row(List.of(labels.get("export.totals.maxScore"), maximum(rollup.maxScore())));
                    // The rollup's averages come rounded as the version shows points (Rollups.averagePoints).
                    writer.row(List.of(labels.get("export.totals.averageScore"), rollup.averageScore()));
                    writer.row(List.of(labels.get("export.totals.medianScore"), rollup.medianScore()));
                    writer.row(List.of(labels.get("export.totals.averageClaimedScore"),
                            rollup.averageClaimedScore()));
                }
                writer.row(List.of(labels.get("export.totals.atOrAbove", rollup.threshold()),
                        rollup.atOrAboveThreshold()));
                for (GroupAverage group : rollup.groups()) {
                    writer.row(List.of(labels.get("export.totals.groupAverage", group.groupCode(),
                            group.name().in(labels.locale())), group.averagePercent(points)));
                    if (points) {
                        writer.row(List.of(labels.get("export.totals.groupAverageScore", group.groupCode(),
                                group.name().in(labels.locale()), group.maxScore()), group.averageScore()));
                    }
                }
            }
            writer.finish();
        }
    }

    private static List<Object> entryRow(ResultSet rs, ScoreSettings settings, Labels labels) throws SQLException {
        EntryValue value = value(rs);
        Timestamp changed = rs.getTimestamp("last_changed_at");
        List<Object> cells = new ArrayList<>(Arrays.asList(rs.getString("commune_code"),
                rs.getString("commune_name"), rs.getString("criterion_code"), rs.getString("group_code"),
                labels.get("entry.status." + rs.getString("status")), value(value, labels),
                value == null ? null : value.shownMeasure(), met(value != null, rs.getBoolean("met"), labels)));
        if (settings.points()) {
            cells.addAll(pointCells(EntryStatus.valueOf(rs.getString("status")), rs.getBigDecimal("points"),
                    rs.getBigDecimal("maximum")));
        }
        cells.addAll(Arrays.asList(rs.getString("explanation"),
                changed == null ? null : LocalDateTime.ofInstant(changed.toInstant(), VIETNAM),
                rs.getString("last_changed_by")));
        return cells;
    }

    /**
     * The points a value earns, as kept ({@link #kept}), repeated in the verified and the claimed column
     * only where they count, and the criterion's maximum where it counts, empty for a criterion approved as not
     * applicable: the column adds up to the commune's maximum, as the completion sheet's does. Under
     * {@link #pointHeaders}.
     */
    private static List<Object> pointCells(EntryStatus status, BigDecimal points, BigDecimal maximum) {
        BigDecimal kept = kept(points);
        return Arrays.asList(kept, Completion.verifies(status) ? kept : null,
                Completion.claims(status) ? kept : null,
                status == EntryStatus.NOT_APPLICABLE ? null : maximum(maximum));
    }

    /**
     * Points as every entry keeps them, to two decimals, where a column of them is to add up to a total: rounded each
     * to a version's one decimal, three groups of 66.67 points made 200.1 beside a total of 200.0.
     */
    private static BigDecimal kept(BigDecimal points) {
        return points == null ? null : points.setScale(ScoringRule.POINT_SCALE, RoundingMode.HALF_UP);
    }

    /** A maximum of points as the pages write it, with the decimals it has (25, 12.5), not its column's 25.00. */
    private static BigDecimal maximum(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The value from its columns; which one is set follows the criterion's measurement type. */
    private static EntryValue value(ResultSet rs) throws SQLException {
        return switch (MeasurementType.valueOf(rs.getString("measurement_type"))) {
            case PERCENT -> rs.getObject("value_numerator") == null ? null
                    : new EntryValue.Percent(rs.getInt("value_numerator"), rs.getInt("value_denominator"));
            case COUNT -> rs.getObject("value_count") == null ? null : new EntryValue.Count(rs.getInt("value_count"));
            case LEVEL -> rs.getObject("value_level") == null ? null : new EntryValue.Level(rs.getInt("value_level"));
            case BOOLEAN -> rs.getObject("value_yes_no") == null ? null
                    : new EntryValue.YesNo(rs.getBoolean("value_yes_no"));
        };
    }

    /** A percentage as entered ("18/20"), a count or level as a number, yes or no in words. */
    private static Object value(EntryValue value, Labels labels) {
        if (value == null) {
            return null;
        }
        if (value instanceof EntryValue.Percent percent) {
            return percent.numerator() + "/" + percent.denominator();
        }
        if (value instanceof EntryValue.Count count) {
            return count.count();
        }
        if (value instanceof EntryValue.Level level) {
            return level.level();
        }
        return labels.get(((EntryValue.YesNo) value).yes() ? "entry.yes" : "entry.no");
    }

    private static String met(boolean hasValue, boolean met, Labels labels) {
        return hasValue ? labels.get(met ? "entry.met.yes" : "entry.met.no") : null;
    }

    private static String target(MeasurementType type, BigDecimal target, Comparison comparison, String unit,
            Labels labels) {
        return labels.get(Labels.target(type, target, comparison, unit)).strip();
    }

    /** A group's or the whole's percentages, and with a score (points versions) its points and maximum. */
    private static List<Object> completionRow(String code, String name, Percentages percentages,
            Completion.Score score) {
        List<Object> cells = new ArrayList<>(Arrays.asList(code, name,
                percentages == null ? null : percentages.verified(),
                percentages == null ? null : percentages.claimed()));
        if (score != null) {
            cells.addAll(Arrays.asList(kept(score.verified()), kept(score.claimed()), maximum(score.maximum())));
        }
        return cells;
    }

    private static List<String> pointHeaders(Labels labels) {
        return headers(labels, "export.scorecard.", "points", "verifiedPoints", "claimedPoints", "maximum");
    }

    private static List<String> headers(Labels labels, String prefix, String... keys) {
        List<String> headers = new ArrayList<>(keys.length);
        for (String key : keys) {
            headers.add(labels.get(prefix + key));
        }
        return headers;
    }

    private Period period(long periodId) {
        return periods.findWithFramework(periodId)
                .orElseThrow(() -> new ExportNotFoundException("period " + periodId));
    }
}
