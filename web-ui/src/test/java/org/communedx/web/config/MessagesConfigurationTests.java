package org.communedx.web.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.communedx.model.assessment.EntryStatus;
import org.junit.jupiter.api.Test;

import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesConfigurationTests {

    private final MessageSource messages = new MessagesConfiguration().messageSource("messages");

    @Test
    void formatsMessagesWithArgumentsInEachLanguage() {
        assertThat(messages.getMessage("dashboard.ofCommunes", new Object[] { 12, 24 }, Locale.forLanguageTag("vi")))
                .isEqualTo("12 trong 24 xã");
        assertThat(messages.getMessage("dashboard.ofCommunes", new Object[] { 12, 24 }, Locale.ENGLISH))
                .isEqualTo("12 of 24 communes");
        assertThat(messages.getMessage("dashboard.nav", null, Locale.ENGLISH)).isEqualTo("Dashboard");
    }

    @Test
    void aDayIsWrittenAsThePagesWriteDays() {
        assertThat(messages.getMessage("unit.validity", new Object[] { LocalDate.of(2025, 7, 1), "nay" },
                Locale.forLanguageTag("vi"))).isEqualTo("01/07/2025 – nay");
    }

    /** A refused removal once read "“removeEvidence” is not possible while the criterion is SUBMITTED". */
    @Test
    void aRefusedMoveNamesTheMoveAndTheStatusInTheReadersWords() {
        Object[] refusal = { "removeEvidence", EntryStatus.SUBMITTED };
        assertThat(messages.getMessage("entry.refused.transition", refusal, Locale.forLanguageTag("vi")))
                .isEqualTo("Không thể thực hiện “Xóa minh chứng” khi tiêu chí đang ở trạng thái Đã gửi.");
        assertThat(messages.getMessage("entry.refused.transition", refusal, Locale.ENGLISH))
                .isEqualTo("“Remove evidence” is not possible while the criterion is Submitted.");
        assertThat(messages.getMessage("evidence.refused.locked", new Object[] { EntryStatus.APPROVED },
                Locale.forLanguageTag("vi"))).doesNotContain("APPROVED");
    }

    @Test
    void everyMoveAnEntryCanRefuseHasItsName() throws IOException {
        String entry = Files.readString(Path.of("../criteria-model/src/main/java/org/communedx/model/assessment/"
                + "CriterionEntry.java"));
        Matcher moves = Pattern.compile("require\\(\"(\\w+)\"").matcher(entry);
        int count = 0;
        while (moves.find()) {
            count++;
            for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
                assertThat(messages.getMessage("entry.action." + moves.group(1), null, null, locale))
                        .as(moves.group(1)).isNotNull();
            }
        }
        assertThat(count).as("the moves found").isGreaterThanOrEqualTo(10);
    }

    @Test
    void eachCallFormatsWithAFormatOfItsOwn() {
        MessagesConfiguration.UnsharedFormats source = (MessagesConfiguration.UnsharedFormats) messages;

        assertThat(source.resolveCode("dashboard.ofCommunes", Locale.ENGLISH))
                .isNotSameAs(source.resolveCode("dashboard.ofCommunes", Locale.ENGLISH));
    }
}
