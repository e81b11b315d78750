package org.communedx.web.audit;

import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@TrackerIntegrationTest
class AuditIT {

    private static final String SCRIPT = "<script>alert(1)</script>";

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void administratorsFindAChangeByActorAndActionWithScriptTextEscaped() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        WebClient staff = new WebClient(port).login("xa.yenphu", EntryPages.PASSWORD);
        long entry = EntryPages.saveFirst(staff, "05305", period, "G1.C1",
                "numerator=3&denominator=4&explanation=" + EntryPages.encode(SCRIPT));

        String entryPage = staff.get("/entries/" + entry).body();
        assertThat(entryPage).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT);

        WebClient admin = new WebClient(port).login("admin", EntryPages.PASSWORD);
        String found = admin.get("/audit?actor=XA.YENPHU&action=SAVE_VALUE&entityType=CRITERION_ENTRY").body();
        assertThat(found).contains("Nhật ký thay đổi", "xa.yenphu", "Lưu giá trị", "href=\"/entries/" + entry + "\"")
                .doesNotContain(SCRIPT);
        assertThat(found).contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        assertThat(admin.get("/audit?actor=nobody.here").body()).contains("Không có thay đổi nào khớp bộ lọc.");
        assertThat(admin.get("/audit?action=SAVE_VALUE&from=2000-01-01&to=2000-01-02").body())
                .contains("Không có thay đổi nào khớp bộ lọc.");
    }

    @Test
    void nobodyButAnAdministratorReadsTheWholeTrail() {
        WebClient manager = new WebClient(port).login("tinh.hoabinh", EntryPages.PASSWORD);

        assertThat(manager.get("/audit").statusCode()).isEqualTo(403);
    }
}
