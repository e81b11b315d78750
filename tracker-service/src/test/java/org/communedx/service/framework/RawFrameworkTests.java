package org.communedx.service.framework;

import org.communedx.service.framework.RawFramework.RawValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A framework file's text is read in NFC, as the editor's forms read theirs: a class "Tốt" typed with combining marks
 * in a YAML or XLSX file was stored decomposed, beside a composed "Tốt", and both were published.
 */
class RawFrameworkTests {

    @Test
    void textTypedWithCombiningMarksIsReadComposed() {
        String decomposed = "To\u0302\u0301t";

        assertThat(new RawValue(" " + decomposed + " ", 4).text()).isEqualTo("Tốt").hasSize(3);
        assertThat(new RawValue(" ", 4).text()).isNull();
    }
}
