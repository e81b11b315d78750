package org.communedx.web.config;

import jakarta.servlet.MultipartConfigElement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TomcatErrorPageTests {

    private final TomcatErrorPage pages = new TomcatErrorPage(Bundles.messages(),
            new MultipartConfigElement("", 100L * 1024 * 1024, 101L * 1024 * 1024, 0));

    @Test
    void anUploadTooLargeForTomcatIsToldSoWithTheLimitInBothLanguages() {
        assertThat(pages.html("error.413.explanation")).contains("Không thể xử lý yêu cầu",
                "The request could not be handled", "Tệp gửi lên lớn hơn mức máy chủ nhận (tối đa 100 MB)",
                "The upload is larger than the server takes (at most 100 MB)");
    }

    @Test
    void everyOtherRefusalGetsTheGenericExplanation() {
        assertThat(pages.html("error.other.explanation")).contains("The request was not valid")
                .doesNotContain("100 MB");
    }
}
