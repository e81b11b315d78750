package org.communedx.service.ranking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.communedx.model.Numbers;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.ScoreClass;
import org.communedx.model.framework.ScoreClasses;
import org.communedx.model.framework.ScoreDisplay;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.service.assessment.Completion;
import org.communedx.service.progress.ProgressViews.Rollup;
import org.communedx.service.progress.RankingPage;
import org.communedx.service.progress.Rollups;
import org.communedx.service.progress.Standings;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A province's communes for one period, ranked and put into the framework's classes ({@link ScoreClasses}). The
 * communes, their scores and ranks are the province's rollup's ({@link Rollups}), so the ranking page lists the
 * dashboard's communes in the dashboard's order: those valid on the period's first day, or for a province formed
 * after the period began (the 2025 reform), the communes it was formed from; ranked by {@link Standings}. A commune
 * without an assessment has no score, no rank and no class, and is listed last. Outside the caller's scope the
 * province does not exist.
 */
@Service
@Transactional(readOnly = true)
public class Rankings {

    private final Rollups rollups;

    private final PeriodRepository periods;

    Rankings(Rollups rollups, PeriodRepository periods) {
        this.rollups = rollups;
        this.periods = periods;
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
     * @param formedOn when the province was formed, where the period began before it and the communes it was formed
     *     from are ranked ({@link Rollup#formedOn})
     */
    public record Ranking(String provinceCode, String provinceName, long periodId, String periodName,
            LocalizedText frameworkTitle, ScoreDisplay display, int decimals, BigDecimal scaleTop, List<ClassCount> classes,
            List<RankedCommune> communes, int communeCount, int scored, Integer classFilter, LocalDate formedOn) {

        /** No commune has a score yet: the page says so above its communes, all listed without one. */
        public boolean empty() {
            return scored == 0;
        }

        /**
         * Whether the framework defines classes: without them (DX-XA 1.0, before the reform) the communes are still
         * ranked by their score, only not classed.
         */
        public boolean classified() {
            return !classes.isEmpty();
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
        Rollup rollup = rollups.rollup(provinceCode, periodId);
        if (rollup.level() != UnitLevel.PROVINCE) {
            throw new RankingNotFoundException("ranking of " + provinceCode);
        }
        Framework framework = period.getFramework();
        ScoreClasses classes = framework.scoreClasses();
        if (classFilter != null && (classFilter < 1 || classFilter > classes.classes().size())) {
            throw new RankingNotFoundException("class " + classFilter);
        }
        ScoreSettings settings = framework.scoreSettings();
        List<RankedCommune> ranked = classify(rollup, settings, classes);
        int[] counts = new int[classes.classes().size()];
        ranked.stream().filter(commune -> commune.classNumber() != null)
                .forEach(commune -> counts[commune.classNumber() - 1]++);
        List<ClassCount> classCounts = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            ScoreClass scoreClass = classes.classes().get(i);
            classCounts.add(new ClassCount(i + 1, scoreClass.name(), Numbers.plain(scoreClass.threshold()),
                    counts[i]));
        }
        int scored = (int) ranked.stream().filter(commune -> commune.score() != null).count();
        List<RankedCommune> shown = classFilter == null ? ranked
                : ranked.stream().filter(commune -> classFilter.equals(commune.classNumber())).toList();
        return new Ranking(rollup.unitCode(), rollup.unitName(), period.getId(), period.getName(),
                framework.title(), settings.display(), settings.points() ? settings.decimals() : 1,
                Numbers.plain(framework.scoreScaleTop()), classCounts, shown, ranked.size(), scored,
                classFilter, rollup.formedOn());
    }

    /**
     * The rollup's communes, in its order, each with its score as shown and its class. The class goes by the score
     * unrounded, as a threshold or a plan's target does (Completion.reaches): 399.95 points, shown as 400 at no
     * decimals, do not reach a class from 400. A commune's district is its parent where that stands between it and
     * the province ({@link Rollup#parentBetween}: before the 2025 reform).
     */
    static List<RankedCommune> classify(Rollup rollup, ScoreSettings settings, ScoreClasses classes) {
        return rollup.ranking().stream().map(commune -> {
            BigDecimal score = !commune.started() ? null
                    : Standings.score(settings, commune.score(), commune.verified());
            BigDecimal unrounded = !commune.started() ? null : settings.points() ? commune.score()
                    : commune.maxScore() == null || commune.maxScore().signum() == 0 ? commune.verified()
                    : Completion.keptPercent(commune.score(), commune.maxScore());
            Optional<Integer> position = unrounded == null ? Optional.empty() : classes.classify(unrounded);
            return new RankedCommune(commune.rank(), commune.code(), commune.name(),
                    rollup.parentBetween(commune) ? commune.parentName() : null, score,
                    position.map(p -> p + 1).orElse(null),
                    position.map(p -> classes.classes().get(p).name()).orElse(null));
        }).toList();
    }
}
