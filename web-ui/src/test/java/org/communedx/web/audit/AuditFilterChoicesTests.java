package org.communedx.web.audit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit page's filter offers every kind of record and every action the trail labels: one left out (comments,
 * reopening for a commune, suggested values) could be seen in the trail but never filtered for.
 */
class AuditFilterChoicesTests {

    @Test
    void theFilterOffersEveryLabelledKindAndAction() throws IOException {
        Properties labels = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages_en.properties")) {
            labels.load(in);
        }

        assertThat(AuditController.ENTITY_TYPES).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(suffixes(labels, "audit.entity."));
        assertThat(AuditController.ACTIONS).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(suffixes(labels, "audit.action."));
    }

    private static Set<String> suffixes(Properties labels, String prefix) {
        return labels.stringPropertyNames().stream().filter(key -> key.startsWith(prefix))
                .map(key -> key.substring(prefix.length())).collect(Collectors.toSet());
    }
}
