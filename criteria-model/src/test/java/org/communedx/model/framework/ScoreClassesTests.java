package org.communedx.model.framework;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ScoreClassesTests {

    /** Phú Thọ's kind of classes on a 1,000-point index. */
    static final ScoreClasses FIVE = new ScoreClasses(List.of(cls("Xuất sắc", "Excellent", "900"),
            cls("Tốt", "Good", "750"), cls("Khá", "Fair", "600"), cls("Trung bình", "Average", "400"),
            cls("Yếu", "Weak", "200")));

    @Test
    void aScoreFallsInTheHighestClassWhoseThresholdItReaches() {
        assertThat(FIVE.classify(new BigDecimal("1000"))).contains(0);
        assertThat(FIVE.classify(new BigDecimal("900.00"))).as("at the threshold").contains(0);
        assertThat(FIVE.classify(new BigDecimal("899.99"))).as("just below").contains(1);
        assertThat(FIVE.classify(new BigDecimal("750"))).contains(1);
        assertThat(FIVE.classify(new BigDecimal("600"))).contains(2);
        assertThat(FIVE.classify(new BigDecimal("200"))).contains(4);
        assertThat(FIVE.classify(new BigDecimal("199.99"))).as("below every class").isEmpty();
        assertThat(ScoreClasses.NONE.classify(BigDecimal.TEN)).isEmpty();
    }

    @Test
    void wellOrderedClassesWithinTheScaleHaveNoProblem() {
        assertThat(FIVE.problems("PT", new BigDecimal("1000"))).isEmpty();
    }

    @Test
    void everyProblemIsListed() {
        ScoreClasses broken = new ScoreClasses(List.of(cls("Xuất sắc", "Excellent", "1200"),
                cls("Tốt", "Good", "750"), cls("Khá", "Fair", "800"), cls("Khá", "Fair again", "600"),
                cls("Trung bình", "Average", "600"), cls("Yếu", "Weak", "-1")));

        assertThat(broken.problems("PT", new BigDecimal("1000"))).extracting(FrameworkProblem::messageKey,
                FrameworkProblem::arguments).containsExactly(
                        tuple("framework.problem.class.outOfRange", List.of(named("Xuất sắc", "Excellent"), number("1200"), number("1000"))),
                        tuple("framework.problem.class.notOrdered", List.of(named("Khá", "Fair"), number("800"), named("Tốt", "Good"), number("750"))),
                        tuple("framework.problem.class.duplicateName", List.of("Khá")),
                        tuple("framework.problem.class.duplicateThreshold", List.of(named("Trung bình", "Average"), number("600"))),
                        tuple("framework.problem.class.outOfRange", List.of(named("Yếu", "Weak"), number("-1"), number("1000"))));
    }

    /** A name that only English pages give twice is said of the English name, at its field. */
    @Test
    void anEnglishNameGivenTwiceIsSaidAtTheEnglishField() {
        ScoreClasses classes = new ScoreClasses(List.of(cls("Tốt", "Good", "80"), cls("Khá", "Good", "50")));

        assertThat(classes.problemsPerClass("PT", new BigDecimal("100")).get(1)).singleElement().satisfies(problem -> {
            assertThat(problem.messageKey()).isEqualTo("framework.problem.class.duplicateNameEn");
            assertThat(problem.arguments()).containsExactly("Good");
            assertThat(ScoreClasses.field(problem)).isEqualTo("nameEn");
        });
    }

    /** A refused publish keeps its problems in the session for the next page, and shared sessions serialize them. */
    @Test
    void aProblemNamingAClassSurvivesSerialization() throws Exception {
        ScoreClasses broken = new ScoreClasses(List.of(cls("Xuất sắc", "Excellent", "1200")));
        FrameworkProblem problem = broken.problems("PT", new BigDecimal("1000")).get(0);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(problem);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(problem);
        }
    }

    @Test
    void publishingRefusesClassesBeyondAPercentScaleAndACloneKeepsThem() {
        Framework framework = Framework.draft("DX-XA", "9", new LocalizedText("Mô hình", "Model"));
        framework.addGroup("G1", new LocalizedText("Nhóm", "Group")).addCriterion(new CriterionDefinition("G1.C1",
                new LocalizedText("Tiêu chí", "Criterion"), null, MeasurementType.PERCENT, BigDecimal.valueOf(80),
                Comparison.AT_LEAST, null, BigDecimal.ONE, null, true));
        framework.changeScoreClasses(new ScoreClasses(List.of(cls("Tốt", "Good", "150"), cls("Khá", "Fair", "50"))));

        assertThatThrownBy(() -> framework.publish(Instant.EPOCH)).isInstanceOfSatisfying(FrameworkRuleViolation.class,
                violation -> assertThat(violation.problems()).extracting(FrameworkProblem::messageKey,
                        FrameworkProblem::arguments).containsExactly(
                                tuple("framework.problem.class.outOfRange", List.of(named("Tốt", "Good"), number("150"), number("100")))));
        assertThat(framework.getStatus()).isEqualTo(FrameworkStatus.DRAFT);

        ScoreClasses fixed = new ScoreClasses(List.of(cls("Tốt", "Good", "80"), cls("Khá", "Fair", "50")));
        framework.changeScoreClasses(fixed);
        framework.publish(Instant.EPOCH);
        assertThatThrownBy(() -> framework.changeScoreClasses(ScoreClasses.NONE))
                .isInstanceOf(FrameworkRuleViolation.class);
        assertThat(framework.cloneAsDraft("10").scoreClasses()).isEqualTo(fixed);
    }

    static ScoreClass cls(String vi, String en, String threshold) {
        return new ScoreClass(vi, en, new BigDecimal(threshold));
    }

    /** A threshold as a problem carries it: a number, which the message writes in the reader's language. */
    private static BigDecimal number(String text) {
        return new BigDecimal(text);
    }

    /** A class's name as its problems give it: in both languages, for the page to choose. */
    private static LocalizedText named(String vi, String en) {
        return new LocalizedText(vi, en);
    }
}
