package org.communedx.service.ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.communedx.model.framework.Framework;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.ScoreClass;
import org.communedx.model.framework.ScoreClasses;
import org.communedx.model.framework.ScoreDisplay;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.UnitLevel;
import org.communedx.service.scope.Scopes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A province's communes for one period, ranked by {@link Standings}' rule and put into the framework's classes
 * ({@link ScoreClasses}): by their verified score on the framework's display scale, read from the summary rows every
 * approval keeps. A commune without an assessment has no score, no rank and no class, and is listed last. The scope
 * is checked here: outside it the province does not exist.
 */
@Service
@Transactional(readOnly = true)
public class Rankings {

    /** The province's communes valid on the period's first day: its children and, under districts, grandchildren. */
    private static final String COMMUNES = """
            select u.code, u.name, parent.name as parent_name, parent.level as parent_level,
                p.verified_weight, p.verified_percent
            from administrative_unit u
            join administrative_unit parent on parent.id = u.parent_id
            left join assessment_progress p on p.unit_id = u.id and p.period_id = :period
            where u.level = 'COMMUNE' and (u.valid_from is null or u.valid_from <= :day)
                and (u.valid_to is null or u.valid_to >= :day)
                and (u.parent_id = :province or parent.parent_id = :province)""";

    private final JdbcClient jdbc;

    private final PeriodRepository periods;

    private final Scopes scopes;

    Rankings(JdbcClient jdbc, PeriodRepository periods, Scopes scopes) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.scopes = scopes;
    }

    /**
     * A class with how many communes of the ranking fall in it.
     * @param number the class's place, from 1 (the highest): what a filter names it by
     */
    public record ClassCount(int number, LocalizedText name, BigDecimal threshold, int communes) {
    }

    /**
     * @param rank null without a score
     * @param score the verified score on the display scale, or null without an assessment
     * @param classNumber the class's place from 1, or null below the lowest threshold or without a score
     * @param district the district a commune lies in, where the province still has districts; else null
     */
    public record RankedCommune(Integer rank, String code, String name, String district, BigDecimal score,
            Integer classNumber, LocalizedText className) {
    }

    /**
     * @param communes every commune, best first, or those of {@code classFilter}
     * @param communeCount every commune of the province, whatever the filter
     * @param scored how many have a score
     * @param classFilter the class shown, from 1, or null for all
     */
    public record Ranking(String provinceCode, String provinceName, long periodId, String periodName,
            String frameworkTitleVi, ScoreDisplay display, int decimals, BigDecimal scaleTop, List<ClassCount> classes,
            List<RankedCommune> communes, int communeCount, int scored, Integer classFilter) {

        /** Nothing to rank into, or nothing to rank: the page says which instead of an empty table. */
        public boolean empty() {
            return classes.isEmpty() || scored == 0;
        }

        public boolean points() {
            return display == ScoreDisplay.POINTS;
        }

        /**
         * Whether any commune shown lies in a district: a province ranked before the 2025 reform has them, one after
         * it has none, and a column of dashes would only say so row by row.
         */
        public boolean districts() {
            return communes.stream().anyMatch(commune -> commune.district() != null);
        }

        /** One page of {@link #communes}, from 1; a page past the last shows the last. */
        public RankingPage<RankedCommune> page(int number) {
            return RankingPage.of(communes, number);
        }
    }

    /**
     * The province's ranking for a period, all classes or one ({@code classFilter} from 1); 404 outside the caller's
     * scope, for a unit that is not a province, and for a class the framework does not have.
     */
    public Ranking ranking(String provinceCode, long periodId, Integer classFilter) {
        Period period = periods.findWithFramework(periodId)
                .orElseThrow(() -> new RankingNotFoundException("period " + periodId));
        AdministrativeUnit province = scopes.requireDuring(provinceCode, period);
        if (province.getLevel() != UnitLevel.PROVINCE) {
            throw new RankingNotFoundException("ranking of " + provinceCode);
        }
        Framework framework = period.getFramework();
        ScoreClasses classes = framework.scoreClasses();
        if (classFilter != null && (classFilter < 1 || classFilter > classes.classes().size())) {
            throw new RankingNotFoundException("class " + classFilter);
        }
        ScoreSettings settings = framework.scoreSettings();
        int decimals = settings.points() ? settings.decimals() : 1;
        List<Scored> rows = jdbc.sql(COMMUNES).param("period", periodId).param("day", period.getStartDate())
                .param("province", province.getId())
                .query((rs, row) -> new Scored(rs.getString("code"), rs.getString("name"),
                        "DISTRICT".equals(rs.getString("parent_level")) ? rs.getString("parent_name") : null,
                        Standings.score(settings, rs.getBigDecimal("verified_weight"),
                                rs.getBigDecimal("verified_percent")))).list();
        List<RankedCommune> ranked = rank(rows, classes);
        int[] counts = new int[classes.classes().size()];
        ranked.stream().filter(commune -> commune.classNumber() != null)
                .forEach(commune -> counts[commune.classNumber() - 1]++);
        List<ClassCount> classCounts = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            ScoreClass scoreClass = classes.classes().get(i);
            classCounts.add(new ClassCount(i + 1, scoreClass.name(), scoreClass.threshold().stripTrailingZeros(),
                    counts[i]));
        }
        int scored = (int) rows.stream().filter(row -> row.standing() != null).count();
        List<RankedCommune> shown = classFilter == null ? ranked
                : ranked.stream().filter(commune -> classFilter.equals(commune.classNumber())).toList();
        return new Ranking(province.getCode(), province.getName(), period.getId(), period.getName(),
                framework.title().vi(), framework.scoreSettings().display(), decimals,
                framework.scoreScaleTop().stripTrailingZeros(), classCounts, shown, rows.size(), scored, classFilter);
    }

    /** The communes in {@link Standings}' order, each with its rank and class. */
    static List<RankedCommune> rank(List<Scored> rows, ScoreClasses classes) {
        return Standings.rank(rows, (row, rank) -> {
            Optional<Integer> position = rank == null ? Optional.empty() : classes.classify(row.standing());
            return new RankedCommune(rank, row.code(), row.name(), row.district(), row.standing(),
                    position.map(p -> p + 1).orElse(null),
                    position.map(p -> classes.classes().get(p).name()).orElse(null));
        });
    }

    /** A commune as read, its score already rounded as shown ({@link Standings#score}), or null without an assessment. */
    record Scored(String code, String name, String district, BigDecimal standing) implements Standings.Contender {
    }
}
