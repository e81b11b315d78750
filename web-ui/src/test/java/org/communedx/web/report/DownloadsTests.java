package org.communedx.web.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** File names in Content-Disposition: the Vietnamese name encoded, and a fallback that cannot break the header. */
class DownloadsTests {

    @Test
    void theVietnameseNameTravelsEncodedWithAnAsciiFallback() {
        assertThat(Downloads.disposition("Bảng điểm Xã Yên Phú Năm 2026.csv")).isEqualTo(
                "attachment; filename=\"Bang-diem-Xa-Yen-Phu-Nam-2026.csv\"; filename*=UTF-8''"
                        + "B%E1%BA%A3ng%20%C4%91i%E1%BB%83m%20X%C3%A3%20Y%C3%AAn%20Ph%C3%BA%20N%C4%83m%202026.csv");
    }

    @Test
    void quotesPathsAndLineBreaksNeverReachTheHeader() {
        String disposition = Downloads.disposition("../Tổng hợp \"A\"/B\\C\r\nSet-Cookie: x=1;.xlsx");

        assertThat(disposition).doesNotContain("\r", "\n", "/", "\\", "..").startsWith(
                "attachment; filename=\"Tong-hop-A-B-C-Set-Cookie-x-1.xlsx\"; filename*=UTF-8''");
        assertThat(disposition.substring(disposition.indexOf("filename*="))).doesNotContain("\"", " ", ";x");
    }

    @Test
    void aNameOfNothingButMarksStillGetsAFallback() {
        assertThat(Downloads.ascii("“”.pdf")).isEqualTo("export.pdf");
        assertThat(Downloads.ascii("😀日本語.pdf")).as("not a file named pdf").isEqualTo("export.pdf");
        assertThat(Downloads.ascii("Bảng điểm.xlsx")).isEqualTo("Bang-diem.xlsx");
        assertThat(Downloads.ascii("bien.ban..final.pdf")).isEqualTo("bien.ban.final.pdf");
        assertThat(Downloads.ascii("")).isEqualTo("export");
    }
}
