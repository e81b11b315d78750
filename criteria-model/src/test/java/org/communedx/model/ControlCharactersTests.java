package org.communedx.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ControlCharactersTests {

    @Test
    void controlsAndDirectionOverridesAreRefusedTabsBreaksAndVietnameseAreNot() {
        for (String refused : new String[] { "a\u0000", "\u0007", "\u001b[0m", "\u007f", "tên\u202eevil", "\u202a",
                "\u2066x\u2069" }) {
            assertThat(ControlCharacters.in(refused)).as(refused).isTrue();
        }
        for (String kept : new String[] { "Lạc\tSơn\r\n", "Xã Yên Phú", "Hòa Bình \u200e", "", null }) {
            assertThat(ControlCharacters.in(kept)).as(String.valueOf(kept)).isFalse();
        }
    }
}
