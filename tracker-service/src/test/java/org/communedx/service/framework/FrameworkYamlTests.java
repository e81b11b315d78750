package org.communedx.service.framework;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.communedx.service.framework.ImportProblem.Place;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FrameworkYamlTests {

    private static final YAMLMapper READER = FrameworkYaml.reader(1024 * 1024);

    private static final String HEADER = "code: DX-XA\nversion: '9.9'\n";

    @Test
    void namesAnUnknownFieldInItsMessageAtItsLine() {
        List<ImportProblem> problems = read(HEADER
                + "groups:\n  - code: G1\n    criteria:\n      - code: C1\n        a_vi: x\n");

        // No field label: labels are messages of the template's fields, and a_vi has none (it showed ??...a_vi??).
        assertThat(problems).extracting(ImportProblem::place, ImportProblem::number, ImportProblem::field,
                ImportProblem::messageKey, ImportProblem::arguments)
                .containsExactly(tuple(Place.YAML_LINE, 7, null, "framework.import.problem.unknownField", List.of("a_vi")));
    }

    @Test
    void reportsNestingBeyondTheBoundAtItsLine() {
        List<ImportProblem> problems = read(HEADER + "titleVi: x\ngroups: " + "[".repeat(2000) + "]".repeat(2000) + "\n");

        assertThat(problems).extracting(ImportProblem::place, ImportProblem::number, ImportProblem::messageKey)
                .containsExactly(tuple(Place.YAML_LINE, 4, "framework.import.problem.nestedTooDeep"));
    }

    @Test
    void reportsDeepBlockMappingsAtTheirLine() {
        StringBuilder yaml = new StringBuilder(HEADER + "groups:\n");
        for (int level = 1; level <= 600; level++) {
            yaml.append("  ".repeat(level)).append("a:\n");
        }
        yaml.append("  ".repeat(601)).append("x\n");

        // The 500th mapping down is on line 503 or so: the parser reads a few events ahead.
        assertThat(read(yaml.toString())).singleElement().satisfies(problem -> {
            assertThat(problem.messageKey()).isEqualTo("framework.import.problem.nestedTooDeep");
            assertThat(problem.number()).isBetween(500, 510);
        });
    }

    @Test
    void reportsAListWhereAMappingBelongsAtItsLine() {
        assertThat(read(HEADER + "groups:\n  - - nested\n")).extracting(ImportProblem::number, ImportProblem::messageKey)
                .containsExactly(tuple(4, "framework.import.problem.expectedMapping"));
    }

    private static List<ImportProblem> read(String yaml) {
        List<ImportProblem> problems = new ArrayList<>();
        FrameworkYaml.read(READER, new StringReader(yaml), problems);
        return problems;
    }
}
