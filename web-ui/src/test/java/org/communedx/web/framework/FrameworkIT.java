package org.communedx.web.framework;

import java.net.http.HttpResponse;

import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@TrackerIntegrationTest
class FrameworkIT {

    static final String DEMO_PASSWORD = "Demo@2025!";

    @LocalServerPort
    int port;

    @Test
    void freshStartShowsTheSeededFrameworkWithSixGroupsAndTwentySevenCriteria() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);

        HttpResponse<String> list = admin.get("/frameworks");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("DX-XA", "Mô hình chuyển đổi số cấp xã", "Đã ban hành");

        String vietnamese = admin.get("/frameworks/DX-XA/1.0").body();
        assertThat(vietnamese).contains("6 nhóm tiêu chí, 27 tiêu chí thành phần", "Đào tạo, chuyển đổi nhận thức",
                "Tỷ lệ hộ gia đình có khả năng kết nối Internet băng rộng cáp quang", "≥\u00a060%", "≤\u00a00", "Mức ≥\u00a03");

        String english = admin.get("/frameworks/DX-XA/1.0?lang=en").body();
        assertThat(english).contains("6 groups of criteria, 27 component criteria", "Digital society",
                "Households able to connect to fibre broadband", "operator coverage letter, village survey");
    }

    @Test
    void apiListsVersionsAndGivesGroupsWithTheirCriteria() {
        WebClient staff = new WebClient(port).login("xa.yenphu", DEMO_PASSWORD);

        assertThat(staff.get("/api/v1/frameworks", "application/json").body())
                .contains("{\"code\":\"DX-XA\",\"version\":\"1.0\",\"status\":\"PUBLISHED\"}");
        String document = staff.get("/api/v1/frameworks/DX-XA/1.0", "application/json").body();
        assertThat(document).contains("\"code\":\"G3.C3\"", "\"type\":\"COUNT\"", "\"target\":0",
                "\"comparison\":\"AT_MOST\"", "\"weight\":1", "\"nameEn\":\"Digital economy\"");
        assertThat(document.split("\"type\":")).hasSize(28);
    }

    @Test
    void unknownVersionAnswersNotFound() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);

        assertThat(admin.get("/frameworks/DX-XA/9.9").statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/v1/frameworks/DX-XA/9.9", "application/json").statusCode()).isEqualTo(404);
    }

    @Test
    void communeStaffMayNotOpenTheFrameworkAdministration() {
        WebClient staff = new WebClient(port).login("xa.yenphu", DEMO_PASSWORD);

        assertThat(staff.get("/frameworks").statusCode()).isEqualTo(403);
    }

    @Test
    void provinceManagerMayViewButNotChange() {
        WebClient manager = new WebClient(port).login("tinh.hoabinh", DEMO_PASSWORD);
        HttpResponse<String> page = manager.get("/frameworks/DX-XA/1.0");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("/clone\"");

        HttpResponse<String> retire = manager.post("/frameworks/DX-XA/1.0/retire",
                "_csrf=" + WebClient.csrfToken(page));
        assertThat(retire.statusCode()).isEqualTo(403);
        assertThat(manager.get("/frameworks/DX-XA/1.0").body()).contains("Đã ban hành");
    }

    /** The version's page only links to the pages that ask; those change nothing, and say what the button would do. */
    @Test
    void publishingAndRetiringAskFirst() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        String published = admin.get("/frameworks/DX-XA/1.0").body();
        assertThat(published).contains("href=\"/frameworks/DX-XA/1.0/retire\"")
                .doesNotContain("action=\"/frameworks/DX-XA/1.0/retire\"");

        String retire = admin.get("/frameworks/DX-XA/1.0/retire").body();
        String publish = admin.get("/frameworks/DX-XA/1.0/publish?lang=en").body();

        assertThat(retire).contains("Ngừng áp dụng phiên bản DX-XA 1.0?", "các kỳ đã dùng nó vẫn giữ nguyên",
                "Không thể hoàn tác thao tác này.", "action=\"/frameworks/DX-XA/1.0/retire\"");
        assertThat(publish).contains("Publish version DX-XA 1.0?",
                "Only a draft can be published; this version&#39;s status is Published.")
                .doesNotContain("action=\"/frameworks/DX-XA/1.0/publish\"");
        admin.get("/frameworks?lang=vi");
        assertThat(admin.get("/frameworks/DX-XA/1.0").body()).as("nothing retired").contains("Đã ban hành");
    }

    /**
     * A draft made by mistake is deleted after a page that asks, and the audit trail keeps what it held; a published
     * version offers no such button, and its page that asks says why not.
     */
    @Test
    void aDraftIsDeletedAfterAskingAndAPublishedVersionIsNot() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        String version = "9X" + System.nanoTime() % 1_000_000;
        HttpResponse<String> cloned = admin.post("/frameworks/DX-XA/1.0/clone", "_csrf="
                + WebClient.csrfToken(admin.get("/frameworks/DX-XA/1.0")) + "&newVersion=" + version);
        assertThat(cloned.statusCode()).isEqualTo(302);
        String draft = "/frameworks/DX-XA/" + version;
        assertThat(admin.get(draft).body()).contains("href=\"" + draft + "/discard\"");
        assertThat(admin.get("/frameworks/DX-XA/1.0").body()).doesNotContain("/discard\"");

        HttpResponse<String> ask = admin.get(draft + "/discard");
        assertThat(ask.body()).contains("Xóa bản nháp DX-XA " + version + "?", "Không thể hoàn tác thao tác này.",
                "action=\"" + draft + "/discard\"");
        assertThat(admin.get(draft).statusCode()).as("asking deletes nothing").isEqualTo(200);

        HttpResponse<String> deleted = admin.post(draft + "/discard", "_csrf=" + WebClient.csrfToken(ask));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(admin.get("/frameworks").body()).contains("Đã xóa bản nháp DX-XA " + version + ".");
        assertThat(admin.get(draft).statusCode()).isEqualTo(404);
        assertThat(admin.get("/audit?entityType=FRAMEWORK&action=REMOVE").body()).contains("DX-XA " + version);

        assertThat(admin.get("/frameworks/DX-XA/1.0/discard").body())
                .contains("Chỉ bản nháp mới xóa được; phiên bản này đang ở trạng thái Đã ban hành.")
                .doesNotContain("action=\"/frameworks/DX-XA/1.0/discard\"");
    }

    @Test
    void publishedVersionCannotBePublishedAgain() {
        WebClient admin = new WebClient(port).login("admin", DEMO_PASSWORD);
        String token = WebClient.csrfToken(admin.get("/frameworks/DX-XA/1.0"));

        HttpResponse<String> publish = admin.post("/frameworks/DX-XA/1.0/publish", "_csrf=" + token);

        assertThat(publish.statusCode()).isEqualTo(302);
        assertThat(admin.get("/frameworks/DX-XA/1.0").body())
                .contains("Phiên bản 1.0 đã ban hành nên không thể sửa; hãy tạo bản nháp mới.");
    }
}
