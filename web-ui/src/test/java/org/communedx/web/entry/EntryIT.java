package org.communedx.web.entry;

import java.net.http.HttpResponse;

import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;
import static org.communedx.web.support.EntryPages.post;
import static org.communedx.web.support.EntryPages.version;

/** The criterion entry page over HTTP: values, validation, conflicts, refusals, history and scope. */
@TrackerIntegrationTest
class EntryIT {

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    TransactionTemplate transaction;

    long period;

    WebClient staff;

    @BeforeEach
    void freshPeriod() {
        period = new EntryPages(frameworks, periods, transaction).newPeriod();
        staff = new WebClient(port).login("xa.yenphu", PASSWORD);
    }

    @Test
    void showsTheCriterionAndSavesAPercentWithItsHistory() {
        long entry = EntryPages.entryId(staff, "05305", period, "G1.C1");
        String empty = staff.get("/entries/" + entry).body();
        assertThat(empty).contains("G1.C1 Tiêu chí G1.C1", "Mô tả G1.C1", "Biên bản", "≥ 80 %", "Chưa bắt đầu",
                "Tử số", "Mẫu số", "Chưa có thay đổi nào.");

        HttpResponse<String> saved = EntryPages.savePercent(staff, entry, 18, 20);
        assertThat(saved.statusCode()).isEqualTo(302);

        String page = staff.get("/entries/" + entry).body();
        assertThat(page).contains("Đã lưu giá trị.", "18/20 (90,00%)", "Đạt", "Đang soạn", "Theo danh sách");
        assertThat(page).contains("id=\"history\"", "Lưu giá trị", "xa.yenphu");
    }

    @Test
    void refusesBadValuesWithMessagesInTheUsersLanguage() {
        long percent = EntryPages.entryId(staff, "05305", period, "G1.C1");
        long level = EntryPages.entryId(staff, "05305", period, "G1.C2");
        long count = EntryPages.entryId(staff, "05305", period, "G2.C4");
        long yesNo = EntryPages.entryId(staff, "05305", period, "G2.C3");

        assertThat(post(staff, percent, "value", "version=0&numerator=5&denominator=0").body())
                .contains("Mẫu số phải lớn hơn 0.");
        assertThat(post(staff, percent, "value", "version=0&numerator=6&denominator=5").body())
                .contains("Tử số (6) không được lớn hơn mẫu số (5).");
        assertThat(post(staff, percent, "value", "version=0&numerator=1.5&denominator=").body())
                .contains("Hãy nhập một số nguyên.", "Hãy nhập giá trị này.");
        assertThat(post(staff, level, "value", "version=0&level=4").body())
                .contains("Mức 4 không hợp lệ; chọn mức 0, 1, 2 hoặc 3.");
        assertThat(post(staff, count, "value", "version=0&count=-1").body()).contains("Số lượng không được âm.");
        assertThat(post(staff, yesNo, "value", "version=0").body()).contains("Hãy chọn Có hoặc Không.");
        assertThat(staff.get("/entries/" + percent).body()).as("nothing saved").contains("Chưa bắt đầu");

        staff.get("/entries/" + percent + "?lang=en");
        assertThat(post(staff, percent, "value", "version=0&numerator=6&denominator=5").body())
                .contains("The numerator (6) must not be greater than the denominator (5).");
        assertThat(post(staff, count, "value", "version=0&count=x").body()).contains("Enter a whole number.");
    }

    @Test
    void aStaleVersionIsAConflictAndNothingIsOverwritten() {
        long entry = EntryPages.entryId(staff, "05305", period, "G1.C1");
        long seen = version(staff, entry);
        EntryPages.savePercent(staff, entry, 18, 20);

        HttpResponse<String> stale = post(staff, entry, "value", "version=" + seen + "&numerator=1&denominator=20");
        assertThat(stale.statusCode()).isEqualTo(302);

        String page = staff.get("/entries/" + entry).body();
        assertThat(page).contains("Người khác vừa thay đổi tiêu chí này; chưa có gì được lưu.",
                "Trang đang hiển thị trạng thái hiện tại của tiêu chí.", "18/20 (90,00%)").doesNotContain("1/20 (");
        assertThat(post(staff, entry, "submit", "version=" + seen).statusCode()).isEqualTo(302);
        assertThat(staff.get("/entries/" + entry).body()).contains("Người khác vừa thay đổi", "Đang soạn");
    }

    @Test
    void aRefusedMoveIsExplainedInTheUsersLanguage() {
        long entry = EntryPages.entryId(staff, "05305", period, "G1.C1");

        post(staff, entry, "submit", "version=" + version(staff, entry));

        assertThat(staff.get("/entries/" + entry).body())
                .contains("Không thể thực hiện “Gửi duyệt” khi tiêu chí đang ở trạng thái Chưa bắt đầu.");
        post(staff, entry, "not-applicable", "version=" + version(staff, entry) + "&explanation=");
        assertThat(staff.get("/entries/" + entry).body()).contains("Nêu lý do tiêu chí không áp dụng cho xã.");
    }

    @Test
    void anotherCommunesEntryDoesNotExistForCommuneStaff() {
        WebClient admin = new WebClient(port).login("admin", PASSWORD);
        long other = EntryPages.entryId(admin, "05347", period, "G1.C1");

        HttpResponse<String> response = staff.get("/entries/" + other);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Ân Nghĩa");
        assertThat(staff.get("/communes/05347/periods/" + period).statusCode()).isEqualTo(404);
        assertThat(post(staff, EntryPages.entryId(staff, "05305", period, "G1.C1"), "value", "").statusCode())
                .isEqualTo(200);
    }
}
