package org.communedx.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

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
        assertThat(format("unit.merge.summary.unknown", 1, "88888"))
                .isEqualTo("1 old unit code is not in the system and was skipped: 88888");
        assertThat(format("unit.merge.summary.unknown", 2, "88888, 88889"))
                .isEqualTo("2 old unit codes are not in the system and were skipped: 88888, 88889");
        assertThat(format("framework.edit.remove.group", "G7", "Trial", 0)).isEqualTo(
                "Remove group G7 (Trial)? It has no criteria.");
        assertThat(format("framework.edit.remove.group", "G7", "Trial", 1)).isEqualTo(
                "Remove group G7 (Trial) and its 1 criterion?");
        assertThat(format("framework.edit.remove.group", "G7", "Trial", 4)).isEqualTo(
                "Remove group G7 (Trial) and its 4 criteria?");
    }

    @Test
    void countsThatCanBeOneAreSaidInTheSingular() {
        assertThat(format("dashboard.ofCommunes", 0, 1)).isEqualTo("0 of 1 commune");
        assertThat(format("dashboard.ofCommunes", 3, 1200)).isEqualTo("3 of 1,200 communes");
        assertThat(format("plan.targetSummary", 30, 1, 1)).isEqualTo("At least 30% in at least 1 of 1 commune");
        assertThat(format("plan.tracker.target", 30, 7, 12))
                .isEqualTo("Target: at least 30% in at least 7 of 12 communes");
        assertThat(format("plan.tracker.target.points", 30, 1, 1, "300", "1,000")).isEqualTo(
                "Target: at least 30% of the maximum = 300 / 1,000 points in at least 1 of 1 commune");
        assertThat(format("users.job.running", 0, 1)).isEqualTo("Created 0 of 1 user…");
        assertThat(format("mapping.job.running", 1, 1)).isEqualTo("Prefilled 1 of 1 commune…");
        assertThat(format("framework.scoring.settings", "in points", "1,000", 0)).isEqualTo(
                "Figures shown in points; 1,000 points in all, rounded to whole numbers.");
        assertThat(format("framework.scoring.settings", "in points", "1,000", 1)).endsWith("rounded to 1 decimal.");
        assertThat(format("framework.scoring.settings", "in points", "1,000", 2)).endsWith("rounded to 2 decimals.");
        assertThat(format("scorecard.deadline", "15/12/2026", 1)).isEqualTo("Submission deadline: 15/12/2026 (1 day left)");
        assertThat(format("scorecard.deadline", "15/12/2026", 12)).endsWith("(12 days left)");
        assertThat(format("nav.notifications.unread", 1)).isEqualTo("1 unread notification");
        assertThat(format("review.evidence.count", 1)).isEqualTo("1 evidence file");
        assertThat(format("unit.search.results", "yen", 1)).isEqualTo("Results for \"yen\": 1 unit");
        assertThat(format("framework.summary", "DX", "1.0", 0, 0))
                .isEqualTo("Framework DX, version 1.0: no groups of criteria, no component criteria.");
        assertThat(format("mapping.job.summary", 1, 27, 1))
                .isEqualTo("1 commune, 27 values carried over as drafts, 1 evidence file linked.");
        assertThat(format("value.job.imported", 1, 1, "a.csv")).isEqualTo("Received 1 suggested value from 1 row of the file a.csv.");
    }

    /**
     * A count put straight before a plural noun reads "1 days"; such a count goes through a choice format. The keys
     * allowed here say a limit or a total that is never one.
     */
    @Test
    void noCountThatCanBeOneStandsBareBeforeAPluralNoun() {
        Set<String> neverOne = Set.of("home.admin.deadlines.intro", "framework.import.file.help", "users.import.help",
                "users.job.running", "period.invalid.graceDays", "plan.targetSummary", "review.partial",
                "dashboard.ofCommunes", "dashboard.plans.summary", "dashboard.plans.all", "dashboard.plans.elsewhereMore",
                "plan.tracker.target",
                "plan.tracker.target.points", "mapping.job.running", "apiTokens.validDays.help",
                "apiTokens.problem.validDays", "users.unit.foundMore");
        Pattern bare = Pattern.compile("\\{\\d(,number(,integer)?)?}\\s+(days|criteria|problems|units|communes"
                + "|notifications|entries|files|users|tokens|values|rows|groups|plans|periods|evidence files)\\b");
        assertThat(ENGLISH.stringPropertyNames().stream().filter(key -> !neverOne.contains(key))
                .filter(key -> bare.matcher(withoutChoices(ENGLISH.getProperty(key))).find()).sorted())
                .as("counts before plural nouns, without a choice format").isEmpty();
    }

    @Test
    void noMessageHedgesItsNumberWithParentheses() {
        assertThat(ENGLISH.stringPropertyNames().stream().filter(key -> ENGLISH.getProperty(key).contains("(s)")))
                .as("say \"1 problem\" and \"7 problems\" through a choice format, not \"problem(s)\"").isEmpty();
    }

    /** The message without its choice formats, which say their counts each in its own words. */
    private static String withoutChoices(String message) {
        StringBuilder kept = new StringBuilder();
        int i = 0;
        while (i < message.length()) {
            int choice = message.indexOf(",choice,", i);
            int open = choice < 0 ? -1 : message.lastIndexOf('{', choice);
            if (open < i) {
                kept.append(message, i, message.length());
                break;
            }
            kept.append(message, i, open);
            int depth = 0;
            int end = open;
            do {
                depth += message.charAt(end) == '{' ? 1 : message.charAt(end) == '}' ? -1 : 0;
                end++;
            } while (depth > 0 && end < message.length());
            i = end;
        }
        return kept.toString();
    }

    private static String format(String key, Object... arguments) {
        return new MessageFormat(ENGLISH.getProperty(key), Locale.ENGLISH).format(arguments);
    }
}
