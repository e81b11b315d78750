package org.communedx.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration table against {@link CommuneDxProperties}: every {@code communedx.*} property that the
 * configuration processor lists has its row, no row names a property that no longer exists, and each row's variable
 * is one that Spring Boot binds to its property.
 */
class ConfigurationTableTests {

    /** A row of the table: {@code | `COMMUNEDX_X` | `communedx.x` | ...}. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([A-Z0-9_]+)` \\| `(communedx\\.[a-z0-9.-]+)` \\|");

    @Test
    void everyPropertyHasItsRowUnderAVariableThatSetsIt() throws IOException {
        Map<String, String> rows = readmeRows();
        Set<String> properties = propertiesOfTheTree();

        assertThat(properties).as("the configuration processor's metadata").hasSizeGreaterThan(40);
        assertThat(rows.keySet()).as("the README's table, against CommuneDxProperties")
                .containsExactlyInAnyOrderElementsOf(properties);
        rows.forEach((property, variable) -> assertThat(variable).as(property)
                .isIn(canonicalVariable(property), canonicalVariable(property.replace('-', '.'))));
    }

    /**
     * The variable Spring Boot binds to a property: upper case, dots as underscores, dashes dropped
     * ({@code COMMUNEDX_REVIEW_QUEUELIMIT}); the same with dashes as underscores binds too ({@code COMMUNEDX_DATA_DIR}).
     */
    private static String canonicalVariable(String property) {
        return property.toUpperCase().replace('.', '_').replace("-", "");
    }

    private static Map<String, String> readmeRows() throws IOException {
        Matcher row = ROW.matcher(Files.readString(Path.of("..", "README.md")));
        Map<String, String> rows = new LinkedHashMap<>();
        while (row.find()) {
            assertThat(rows.put(row.group(2), row.group(1))).as("a second row for " + row.group(2)).isNull();
        }
        return rows;
    }

    /** The {@code communedx.*} names of every metadata file on the class path (Spring Boot's jars have theirs). */
    private static Set<String> propertiesOfTheTree() throws IOException {
        Set<String> names = new TreeSet<>();
        JsonMapper json = JsonMapper.builder().build();
        for (URL metadata : Collections.list(ConfigurationTableTests.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asString();
                    if (name.startsWith("communedx.")) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }
}
