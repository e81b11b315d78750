package org.communedx.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every UI string comes from the bundles, and both languages have every key. */
class I18nPropertiesSyncTests {

    private static final Path RESOURCES = Path.of("src/main/resources");

    private static final Path TEMPLATES = RESOURCES.resolve("templates");

    /** Text between tags, outside comments, scripts and styles. */
    private static final Pattern TEXT_NODE = Pattern.compile(">([^<]+)<");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");

    private static final Pattern KEY_REFERENCE = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> vietnamese = keys("messages_vi.properties");
        Set<String> english = keys("messages_en.properties");

        assertThat(vietnamese).isNotEmpty();
        assertThat(english).as("keys missing from messages_en").containsAll(vietnamese);
        assertThat(vietnamese).as("keys missing from messages_vi").containsAll(english);
    }

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates()) {
            String html = stripNonText(Files.readString(template, StandardCharsets.UTF_8));
            Matcher matcher = TEXT_NODE.matcher(html);
            while (matcher.find()) {
                String text = matcher.group(1).strip();
                if (text.codePoints().anyMatch(Character::isLetter)) {
                    literals.add(TEMPLATES.relativize(template) + ": " + text);
                }
            }
        }
        assertThat(literals).as("literal text in templates; use #{...} keys").isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> known = keys("messages_vi.properties");
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher matcher = KEY_REFERENCE.matcher(Files.readString(template, StandardCharsets.UTF_8));
            while (matcher.find()) {
                String key = matcher.group(1);
                if (!known.contains(key) && !key.contains("__")) {
                    missing.add(TEMPLATES.relativize(template) + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * Spring formats a message only when it is given arguments: with placeholders an apostrophe must be doubled, or
     * MessageFormat takes it for a quote and swallows the placeholders after it ("the plan's start date" lost its
     * unit code); without them it is printed as written, so a doubled one shows twice ("the token''s unit").
     */
    @Test
    void apostrophesSuitHowEachMessageIsPrinted() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String bundle : List.of("messages.properties", "messages_vi.properties", "messages_en.properties")) {
            Properties messages = load(bundle);
            for (String key : new TreeSet<>(messages.stringPropertyNames())) {
                String text = messages.getProperty(key);
                boolean formatted = PLACEHOLDER.matcher(text).find();
                if (formatted ? text.replace("''", "").contains("'") : text.contains("''")) {
                    wrong.add(bundle + ": " + key + "=" + text);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static String stripNonText(String html) {
        return html.replaceAll("(?s)<!--.*?-->", "")
                .replaceAll("(?s)<script[^>]*>.*?</script>", "<script></script>")
                .replaceAll("(?s)<style[^>]*>.*?</style>", "<style></style>");
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Set<String> keys(String bundle) throws IOException {
        return new TreeSet<>(load(bundle).stringPropertyNames());
    }

    private static Properties load(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(bundle))) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
