package org.communedx.web.review;

import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;

/**
 * A queue longer than a page shows its oldest entries and says how many wait in all, as the menu's count does; the
 * limit is one here, so that two submissions exceed it (500 in production).
 */
@TrackerIntegrationTest
@TestPropertySource(properties = "communedx.review.queue-limit=1")
class ReviewQueueLimitIT {

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aQueueLongerThanItsPageSaysHowManyWait() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        WebClient reviewer = new WebClient(port).login("huyen.lacson", PASSWORD);
        long older = EntryPages.savePercentFirst(staff, "05305", period, "G1.C1", 18, 20);
        EntryPages.submit(staff, older);
        assertThat(reviewer.get("/reviews?period=" + period).body()).as("one waiting fits the page")
                .contains("queue-" + older).doesNotContain("queue-partial");

        long newer = EntryPages.saveFirst(staff, "05305", period, "G1.C2", "level=2");
        EntryPages.submit(staff, newer);

        String queue = reviewer.get("/reviews?period=" + period).body();
        assertThat(queue).contains("queue-" + older).doesNotContain("queue-" + newer)
                .contains("Đang hiển thị 1 tiêu chí cũ nhất trong số 2 tiêu chí đang chờ duyệt.");
        assertThat(reviewer.get("/reviews?period=" + period + "&lang=en").body())
                .contains("Showing the 1 oldest of the 2 criteria waiting.");
    }
}
