package org.communedx.service.framework;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.framework.ScoreClass;
import org.communedx.model.framework.ScoreDisplay;
import org.communedx.model.framework.ScoringMethod;
import org.communedx.service.framework.FrameworkDocument.GroupDocument;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The demo's sample points version, read as an administrator's import reads it. */
class DemoFrameworksTests {

    @Test
    void theSamplePointsVersionIsDxXa10sCriteriaOnAThousandPointsWithPartialCreditAndClasses() throws IOException {
        FrameworkDocument document = read();

        assertThat(document.code()).isEqualTo(DemoFrameworks.CODE);
        assertThat(document.version()).isEqualTo(DemoFrameworks.VERSION);
        assertThat(document.title().vi()).contains("dữ liệu mẫu");
        assertThat(document.scoreSettings().display()).isEqualTo(ScoreDisplay.POINTS);
        assertThat(document.scoreSettings().decimals()).isEqualTo(2);
        assertThat(document.scoreSettings().declaredTotal()).isEqualByComparingTo("1000");
        assertThat(document.groups()).extracting(GroupDocument::code)
                .containsExactly("G1", "G2", "G3", "G4", "G5", "G6");
        List<CriterionDefinition> criteria = document.groups().stream().flatMap(group -> group.criteria().stream())
                .toList();
        assertThat(criteria).hasSize(27);
        assertThat(criteria.stream().map(CriterionDefinition::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("1000");
        assertThat(document.scoreClasses().classes()).extracting(ScoreClass::nameVi, ScoreClass::threshold)
                .containsExactly(tuple("Xuất sắc", new BigDecimal("900")), tuple("Tốt", new BigDecimal("750")),
                        tuple("Khá", new BigDecimal("600")),
                        tuple("Trung bình", new BigDecimal("400")),
                        tuple("Yếu", new BigDecimal("0")));

        Map<MeasurementType, List<ScoringMethod>> rules = criteria.stream().collect(Collectors.groupingBy(
                CriterionDefinition::type, Collectors.mapping(criterion -> criterion.scoring().method(),
                        Collectors.toList())));
        assertThat(rules.get(MeasurementType.BOOLEAN)).containsOnly(ScoringMethod.ALL_OR_NOTHING);
        assertThat(rules.get(MeasurementType.LEVEL)).containsOnly(ScoringMethod.LEVELS);
        assertThat(rules.get(MeasurementType.PERCENT)).contains(ScoringMethod.PROPORTIONAL, ScoringMethod.STEPS);
        // Partial credit: a percent four fifths of the way to its target earns some of the maximum, not all of it.
        assertThat(criteria).filteredOn(criterion -> criterion.type() == MeasurementType.PERCENT)
                .allSatisfy(criterion -> assertThat(criterion.scoring().points(criterion.target()
                        .multiply(new BigDecimal("0.8")), criterion.target(), Comparison.AT_LEAST, criterion.weight()))
                        .as(criterion.code()).isPositive().isLessThan(criterion.weight()));
    }

    @Test
    void keepsDxXa10sCodesTypesAndTargets() throws IOException {
        // The first and last criteria of each group of V2__seed_framework_dx_xa_1_0.sql, with their type and target.
        Map<String, String> criteria = read().groups().stream().flatMap(group -> group.criteria().stream())
                .collect(Collectors.toMap(CriterionDefinition::code, criterion -> criterion.type() + " "
                        + criterion.target().stripTrailingZeros().toPlainString() + " " + criterion.comparison()));
        assertThat(criteria).containsEntry("G1.C1", "PERCENT 100 AT_LEAST").containsEntry("G2.C4", "BOOLEAN 1 AT_LEAST")
                .containsEntry("G3.C2", "LEVEL 3 AT_LEAST").containsEntry("G3.C3", "COUNT 0 AT_MOST")
                .containsEntry("G4.C2", "PERCENT 60 AT_LEAST").containsEntry("G5.C5", "COUNT 1 AT_LEAST")
                .containsEntry("G6.C5", "PERCENT 70 AT_LEAST");
    }

    private static FrameworkDocument read() throws IOException {
        List<ImportProblem> problems = new ArrayList<>();
        try (Reader text = new InputStreamReader(new ClassPathResource(DemoFrameworks.FRAMEWORK).getInputStream(),
                StandardCharsets.UTF_8)) {
            RawFramework raw = FrameworkYaml.read(FrameworkYaml.reader(1024 * 1024), text, problems);
            FrameworkDocument document = raw == null ? null : DocumentRules.check(raw, problems);
            assertThat(problems).isEmpty();
            return document;
        }
    }
}
