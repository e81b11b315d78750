package org.communedx.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** English counts agree with their nouns ("1 token", not "1 tokens"); Vietnamese nouns do not change. */
class EnglishPluralsTests {

    private static final Properties ENGLISH = new Properties();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = EnglishPluralsTests.class.getResourceAsStream("/messages_en.properties")) {
            ENGLISH.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    @Test
    void countsAgreeWithTheirNouns() {
        assertThat(format("apiTokens.list.count", 0)).isEqualTo("No tokens, newest first");
        assertThat(format("apiTokens.list.count", 1)).isEqualTo("1 token, newest first");
        assertThat(format("apiTokens.list.count", 1200)).isEqualTo("1,200 tokens, newest first");
        assertThat(format("notification.summary", 1, 1)).isEqualTo("1 notification, 1 unread.");
        assertThat(format("notification.summary", 3, 0)).isEqualTo("3 notifications, 0 unread.");
        assertThat(format("scorecard.submitAll.submitted", 0)).isEqualTo("No criteria submitted for review.");
        assertThat(format("scorecard.submitAll.submitted", 1)).isEqualTo("1 criterion submitted for review.");
        assertThat(format("scorecard.submitAll.submitted", 27)).isEqualTo("27 criteria submitted for review.");
        assertThat(format("users.import.refused", 1)).isEqualTo("The file has 1 problem; no user was created.");
        assertThat(format("users.import.refused", 7)).isEqualTo("The file has 7 problems; no user was created.");
        assertThat(format("users.job.done", 1)).isEqualTo("1 user was created.");
        assertThat(format("users.list.count", 1500)).isEqualTo("1,500 users");
    }

    @Test
    void noMessageHedgesItsNumberWithParentheses() {
        assertThat(ENGLISH.stringPropertyNames().stream().filter(key -> ENGLISH.getProperty(key).contains("(s)")))
                .as("say \"1 problem\" and \"7 problems\" through a choice format, not \"problem(s)\"").isEmpty();
    }

    private static String format(String key, Object... arguments) {
        return new MessageFormat(ENGLISH.getProperty(key), Locale.ENGLISH).format(arguments);
    }
}
