package org.communedx.web.config;

import java.time.LocalDate;
import java.util.Locale;

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

    @Test
    void eachCallFormatsWithAFormatOfItsOwn() {
        MessagesConfiguration.UnsharedFormats source = (MessagesConfiguration.UnsharedFormats) messages;

        assertThat(source.resolveCode("dashboard.ofCommunes", Locale.ENGLISH))
                .isNotSameAs(source.resolveCode("dashboard.ofCommunes", Locale.ENGLISH));
    }
}
