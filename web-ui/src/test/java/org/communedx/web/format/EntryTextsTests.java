package org.communedx.web.format;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.framework.ScoreStep;
import org.communedx.model.framework.ScoringMethod;
import org.communedx.service.assessment.Completion.Reason;
import org.communedx.service.assessment.Scorecards.ExplainedCriterion;
import org.communedx.web.config.Bundles;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code #entries} writes what the entry fragments wrote, from the message bundles, in the page's language. */
class EntryTextsTests {

    private final SpringTemplateEngine engine = engine();

    @Test
    void valuesReadInTheUsersLanguage() {
        String values = "[(${#entries.value(percent)})]|[(${#entries.value(count)})]|[(${#entries.value(level)})]"
                + "|[(${#entries.value(yes)})]|[(${#entries.value(none)})]";
        Map<String, Object> model = Map.of("percent", new EntryValue.Percent(18, 20), "count", new EntryValue.Count(1234),
                "level", new EntryValue.Level(2), "yes", new EntryValue.YesNo(true));

        assertThat(render(values, model, "vi")).isEqualTo("18/20 (90,00%)|1234|Mức 2|Có|Chưa nhập");
        assertThat(render(values, model, "en")).isEqualTo("18/20 (90.00%)|1234|Level 2|Yes|Not entered");
    }

    @Test
    void anEntryWithoutValueIsGreyAndUnjudged() {
        String verdicts = "[(${#entries.met(none, false)})] [(${#entries.metClass(none, false)})]"
                + "|[(${#entries.met(count, true)})] [(${#entries.metClass(count, true)})]"
                + "|[(${#entries.met(count, false)})] [(${#entries.metClass(count, false)})]"
                + "|[(${#entries.valueClass(none)})] [(${#entries.valueClass(count)})]";

        assertThat(render(verdicts, Map.of("count", new EntryValue.Count(3)), "vi")).isEqualTo(
                "Chưa có giá trị text-body-secondary|Đạt text-success fw-semibold|Chưa đạt text-danger"
                        + "|text-body-secondary ");
    }

    @Test
    void targetsAndStatuses() {
        String targets = "[(${#entries.target(percentType, target, atLeast, '%')})]"
                + "|[(${#entries.target(countType, three, atMost, null)})]"
                + "|[(${#entries.target(booleanType, target, atLeast, null)})] [(${#entries.targetClass(booleanType)})]"
                + "|[(${#entries.targetClass(countType)})]|[(${#entries.status(status)})]";
        Map<String, Object> model = Map.of("percentType", MeasurementType.PERCENT, "countType", MeasurementType.COUNT,
                "booleanType", MeasurementType.BOOLEAN, "target", new BigDecimal("80.00"),
                "three", new BigDecimal("3"), "atLeast", Comparison.AT_LEAST, "atMost", Comparison.AT_MOST,
                "status", EntryStatus.RETURNED);

        assertThat(render(targets, model, "vi"))
                .isEqualTo("≥\u00a080%|≤\u00a03|Có (đã thực hiện) |text-target|Bị trả lại");
    }

    @Test
    void anExplainedCriterionSaysWhyItEarnsItsPointsAndWhetherTheyCount() {
        String explained = "[(${#entries.why(row)})]|[(${#entries.reason(row, row.verified)})] "
                + "[(${#entries.reasonClass(row.verified)})]|[(${#entries.reason(row, row.claimed)})] "
                + "[(${#entries.reasonClass(row.claimed)})]";

        assertThat(render(explained, Map.of("row", explained(ScoringMethod.STEPS, true, step("10", "20.5"), Reason.NOT_APPROVED,
                Reason.COUNTS)), "en"))
                .isEqualTo("In the step from 10 to under 20.5: that step's points|Not counted: not approved "
                        + "|Counts text-success fw-semibold");
        assertThat(render(explained, Map.of("row", explained(ScoringMethod.ALL_OR_NOTHING, false, null, Reason.NOT_MET,
                Reason.NOT_MET)), "vi"))
                .isEqualTo("Chưa có giá trị: 0 điểm|Không tính: chưa nhập |Không tính: chưa nhập ");
        assertThat(render("[(${#entries.why(row)})]", Map.of("row", explained(ScoringMethod.PROPORTIONAL, true,
                null, Reason.NOT_MET, Reason.NOT_MET)), "vi"))
                .isEqualTo("Chưa đạt chỉ tiêu: điểm tối đa nhân với tỷ lệ đạt so với chỉ tiêu");
    }

    /**
     * Points that do not count say why: a draft's may yet count; a criterion approved as not applicable has left the
     * maximum, and its points never will ("chưa tính vào tổng" had promised they would).
     */
    @Test
    void pointsThatDoNotCountSayWhetherTheyMayYet() {
        String notes = "[(${#entries.pointsNote(draft, points)})]|[(${#entries.pointsNote(notApplicable, points)})]"
                + "|[(${#entries.pointsNote(approved, points)})]";
        Map<String, Object> model = Map.of("draft", EntryStatus.DRAFT, "notApplicable", EntryStatus.NOT_APPLICABLE,
                "approved", EntryStatus.APPROVED, "points", new BigDecimal("35"));

        assertThat(render(notes, model, "vi")).isEqualTo("(chưa tính vào tổng)|(không áp dụng, không tính)|");
        assertThat(render(notes, model, "en")).isEqualTo("(not yet in the totals)|(not applicable, not counted)|");
        assertThat(render("[(${#entries.pointsNote(notApplicable, zero)})]", Map.of("notApplicable",
                EntryStatus.NOT_APPLICABLE, "zero", BigDecimal.ZERO), "vi"))
                .as("without points too: its maximum has left the whole").isEqualTo("(không áp dụng, không tính)");
    }

    /** A band is half-open: "0..1" and "1..2" seemed both to hold 1, so the page says it in words. */
    @Test
    void aStepReadsInWordsWithItsUpperEndLeftOut() {
        String why = "[(${#entries.why(row)})]";

        assertThat(render(why, Map.of("row", explained(ScoringMethod.STEPS, true, step("1", "2.5"), Reason.COUNTS,
                Reason.COUNTS)), "vi")).isEqualTo("Giá trị thuộc bậc từ 1 đến dưới 2,5: điểm của bậc đó");
        assertThat(render(why, Map.of("row", explained(ScoringMethod.STEPS, true, step("80", null), Reason.COUNTS,
                Reason.COUNTS)), "vi")).isEqualTo("Giá trị thuộc bậc từ 80 trở lên: điểm của bậc đó");
        assertThat(render(why, Map.of("row", explained(ScoringMethod.LEVELS, true, ScoreStep.level(2, BigDecimal.TEN),
                Reason.COUNTS, Reason.COUNTS)), "en")).isEqualTo("Level 2: that level's points");
    }

    private static ScoreStep step(String from, String to) {
        return new ScoreStep(new BigDecimal(from), to == null ? null : new BigDecimal(to), BigDecimal.ONE);
    }

    /** A criterion not met, with a value unless {@code valued} is false. */
    private static ExplainedCriterion explained(ScoringMethod scoring, boolean valued, ScoreStep step, Reason verified,
            Reason claimed) {
        return new ExplainedCriterion("1.1", new LocalizedText("Tiêu chí", "Criterion"), "1", BigDecimal.ONE,
                EntryStatus.SUBMITTED, false, verified, claimed, BigDecimal.ZERO, scoring, valued, step, false);
    }

    private String render(String template, Map<String, Object> model, String language) {
        Context context = new Context(Locale.forLanguageTag(language));
        context.setVariable("none", null);
        model.forEach(context::setVariable);
        return engine.process(template, context);
    }

    private static SpringTemplateEngine engine() {
        MessageSource messages = Bundles.messages();
        StringTemplateResolver templates = new StringTemplateResolver();
        templates.setTemplateMode(TemplateMode.TEXT);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setTemplateEngineMessageSource(messages);
        // No #actors here: the texts of entries name no one.
        engine.addDialect(new TemplateObjectsDialect(null, null));
        return engine;
    }
}
