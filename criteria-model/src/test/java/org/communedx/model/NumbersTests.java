package org.communedx.model;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumbersTests {

    @Test
    void wholeNumbersAreTheDigitsZeroToNine() {
        assertThat(Numbers.wholeNumber(" 42 ")).isEqualTo(42);
        assertThat(Numbers.wholeNumber("-7")).isEqualTo(-7);
        for (String other : new String[] { "\u0663", "\uff11", "1\u0660", "", "1.5", "1 000", "12345678901" }) {
            assertThatThrownBy(() -> Numbers.wholeNumber(other)).as(other).isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    void thousandsSeparatorsAreRecognised() {
        for (String grouped : new String[] { "1.000", " 12,500 ", "1.234.567", "999,999" }) {
            assertThat(Numbers.groupedThousands(grouped)).as(grouped).isTrue();
        }
        for (String other : new String[] { "1000", "1.5", "1.0000", "1234.567", ".000", "", "1 000" }) {
            assertThat(Numbers.groupedThousands(other)).as(other).isFalse();
        }
        assertThat(Numbers.groupedThousands(null)).isFalse();
    }

    @Test
    void decimalsTakeAPointOrAComma() {
        assertThat(Numbers.decimal("12,5")).isEqualByComparingTo("12.5");
        assertThat(Numbers.decimal(" 0.25 ")).isEqualByComparingTo("0.25");
        assertThat(Numbers.decimal("-3")).isEqualByComparingTo(BigDecimal.valueOf(-3));
        for (String other : new String[] { "\u0663,5", "\uff11", "1e3", "", "1.2.3", "abc" }) {
            assertThatThrownBy(() -> Numbers.decimal(other)).as(other).isInstanceOf(NumberFormatException.class);
        }
    }
}
