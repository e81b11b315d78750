package org.communedx.service.framework;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.communedx.model.Numbers;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.Criterion;
import org.communedx.model.framework.CriterionGroup;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkStatus;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.framework.ScoreClass;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.model.framework.ScoringMethod;

/** What pages and the API show of frameworks: plain records, so that no template lazy-loads. */
public final class FrameworkViews {

    private FrameworkViews() {
    }

    public record FrameworkSummary(String code, String version, LocalizedText title, FrameworkStatus status,
            Instant publishedAt, int groupCount, int criterionCount) {

        static FrameworkSummary of(Framework framework) {
            return new FrameworkSummary(framework.getCode(), framework.getVersion(), framework.title(),
                    framework.getStatus(), framework.getPublishedAt(), framework.getGroups().size(),
                    framework.criterionCount());
        }
    }

    /**
     * @param maximumPoints the sum of the criteria's maxima
     * @param scoreClasses the classes a province ranks its communes into, highest first
     */
    public record FrameworkDetail(String code, String version, LocalizedText title, FrameworkStatus status,
            Instant publishedAt, ScoreSettings scoreSettings, BigDecimal maximumPoints, List<GroupView> groups,
            List<ScoreClass> scoreClasses) {

        static FrameworkDetail of(Framework framework) {
            return new FrameworkDetail(framework.getCode(), framework.getVersion(), framework.title(),
                    framework.getStatus(), framework.getPublishedAt(), framework.scoreSettings(),
                    Numbers.plain(framework.maximumPoints()),
                    framework.getGroups().stream().map(GroupView::of).toList(), framework.scoreClasses().classes());
        }

        public int criterionCount() {
            return groups.stream().mapToInt(group -> group.criteria().size()).sum();
        }
    }

    /** @param id what edit forms and buttons name the group by */
    public record GroupView(long id, String code, LocalizedText name, List<CriterionView> criteria) {

        static GroupView of(CriterionGroup group) {
            return new GroupView(group.getId(), group.getCode(), group.name(),
                    group.getCriteria().stream().map(CriterionView::of).toList());
        }
    }

    /**
     * @param id what edit forms and buttons name the criterion by
     * @param weight the criterion's maximum
     * @param steps the rule's bands as text ({@link ScoreStepsText}), or null
     */
    public record CriterionView(long id, String code, LocalizedText name, LocalizedText description, MeasurementType type,
            BigDecimal target, Comparison comparison, String unit, BigDecimal weight, LocalizedText typicalEvidence,
            boolean evidenceRequired, ScoringMethod scoring, String steps, boolean automatic) {

        static CriterionView of(Criterion criterion) {
            return new CriterionView(criterion.getId(), criterion.getCode(), criterion.name(), criterion.description(),
                    criterion.getType(), Numbers.plain(criterion.getTarget()), criterion.getComparison(),
                    criterion.getUnit(), Numbers.plain(criterion.getWeight()), criterion.typicalEvidence(),
                    criterion.isEvidenceRequired(), criterion.scoring().method(),
                    criterion.scoring().text(), criterion.isAutomatic());
        }

        /** Scored by DX-XA 1.0's rule, the whole maximum or nothing, which the framework's page need not name. */
        public boolean allOrNothing() {
            return scoring == ScoringMethod.ALL_OR_NOTHING;
        }
    }
}
