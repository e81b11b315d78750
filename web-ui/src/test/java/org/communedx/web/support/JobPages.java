package org.communedx.web.support;

import java.net.http.HttpResponse;

import org.awaitility.Awaitility;
import org.communedx.service.testsupport.TestWait;

import static org.assertj.core.api.Assertions.assertThat;

/** A background job as its starter follows it: the redirect to its page, then the page once the job is done. */
public final class JobPages {

    private JobPages() {
    }

    /** The job's page that {@code started}, a form's answer, redirected to under {@code prefix}. */
    public static String jobOf(HttpResponse<String> started, String prefix) {
        assertThat(started.statusCode()).as("the form's answer, a redirect to the job").isEqualTo(302);
        String job = started.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
        assertThat(job).matches(prefix + "[0-9a-f-]{36}");
        return job;
    }

    /** The job's page once it says the job is done, reloaded as a browser without scripts would. */
    public static String done(WebClient client, String job) {
        return Awaitility.await().atMost(TestWait.part(10))
                .until(() -> client.get(job).body(), page -> page.contains("id=\"job-done\""));
    }
}
