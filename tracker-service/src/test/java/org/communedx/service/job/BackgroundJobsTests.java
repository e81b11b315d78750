package org.communedx.service.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.communedx.service.Actors;
import org.communedx.service.CommuneDxProperties;
import org.awaitility.Awaitility;
import org.communedx.service.testsupport.TestWait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class BackgroundJobsTests {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-04T08:00:00Z"));

    private final BackgroundJobs jobs = new BackgroundJobs(clock, properties(Duration.ofMinutes(30), 3));

    @AfterEach
    void stop() {
        jobs.destroy();
        SecurityContextHolder.clearContext();
    }

    @Test
    void theStarterFollowsProgressAndTakesTheResultOnce() throws InterruptedException {
        logInAs("admin");
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        UUID id = jobs.start("users", progress -> {
            progress.total(4);
            progress.advance();
            progress.advance();
            halfway.countDown();
            await(goOn);
            progress.advance();
            progress.advance();
            return "passwords of " + Actors.username();
        });

        assertThat(halfway.await(TestWait.part(10).toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        JobStatus running = jobs.status(id, "users");
        assertThat(running.state()).isEqualTo(JobStatus.State.RUNNING);
        assertThat(running.percent()).isEqualTo(50);
        assertThat(jobs.takeResult(id, "users", String.class)).isEmpty();

        goOn.countDown();
        JobStatus done = finished(id);
        assertThat(done.state()).isEqualTo(JobStatus.State.DONE);
        assertThat(done.resultAvailable()).isTrue();
        assertThat(done.keptUntil()).isEqualTo(done.finishedAt().plus(Duration.ofMinutes(30)));
        // The job ran as the administrator who started it, not as nobody on a worker thread.
        assertThat(jobs.takeResult(id, "users", String.class)).contains("passwords of admin");
        assertThat(jobs.takeResult(id, "users", String.class)).isEmpty();
        assertThat(jobs.status(id, "users").resultAvailable()).isFalse();
    }

    @Test
    void nobodyElseLearnsThatAJobExists() {
        logInAs("admin");
        UUID id = jobs.start("users", progress -> "secret");
        finished(id);

        logInAs("tinh.hoabinh");
        assertThatThrownBy(() -> jobs.status(id, "users")).isInstanceOf(JobNotFoundException.class);
        assertThatThrownBy(() -> jobs.takeResult(id, "users", String.class)).isInstanceOf(JobNotFoundException.class);
        assertThatThrownBy(() -> jobs.status(UUID.randomUUID(), "users")).isInstanceOf(JobNotFoundException.class);

        logInAs("admin");
        assertThatThrownBy(() -> jobs.status(id, "units")).isInstanceOf(JobNotFoundException.class);

        logInAs("admin");
        assertThat(jobs.takeResult(id, "users", String.class)).contains("secret");
    }

    @Test
    void eachUserListsTheirOwnKeptJobsNewestFirst() {
        logInAs("admin");
        UUID first = jobs.start("users", progress -> "first");
        JobStatus firstDone = finished(first);
        clock.set(clock.instant().plusSeconds(5));
        UUID second = jobs.start("users", progress -> "second");
        finished(second);
        logInAs("tinh.hoabinh");
        jobs.start("users", progress -> "theirs");

        assertThat(jobs.ownJobs()).singleElement().satisfies(job -> assertThat(job.id()).isNotIn(first, second));
        logInAs("admin");
        assertThat(jobs.ownJobs()).extracting(JobStatus::id).containsExactly(second, first);
        assertThat(jobs.ownJobs()).allSatisfy(job -> assertThat(job.kind()).isEqualTo("users"));

        clock.set(firstDone.keptUntil().plusSeconds(1));
        assertThat(jobs.ownJobs()).extracting(JobStatus::id).containsExactly(second);
    }

    @Test
    void aPlainResultIsShownAsOftenAsAskedUntilTheJobIsForgotten() {
        logInAs("admin");
        UUID id = jobs.start("units", progress -> "10 units created");
        JobStatus done = Awaitility.await().pollInSameThread().atMost(TestWait.part(10))
                .until(() -> jobs.status(id, "units"), JobStatus::finished);

        assertThat(jobs.result(id, "units", String.class)).contains("10 units created");
        assertThat(jobs.result(id, "units", String.class)).contains("10 units created");
        assertThat(jobs.status(id, "units").resultAvailable()).isTrue();

        logInAs("tinh.hoabinh");
        assertThatThrownBy(() -> jobs.result(id, "units", String.class)).isInstanceOf(JobNotFoundException.class);

        logInAs("admin");
        clock.set(done.keptUntil().plusSeconds(1));
        assertThatThrownBy(() -> jobs.result(id, "units", String.class)).isInstanceOf(JobNotFoundException.class);
    }

    @Test
    void aResultNotFetchedInTimeIsForgotten() {
        logInAs("admin");
        UUID id = jobs.start("users", progress -> "secret");
        JobStatus done = finished(id);

        clock.set(done.keptUntil());
        assertThat(jobs.status(id, "users").resultAvailable()).isTrue();
        clock.set(done.keptUntil().plusSeconds(1));
        assertThatThrownBy(() -> jobs.status(id, "users")).isInstanceOf(JobNotFoundException.class);
    }

    @Test
    void aRefusalIsTheJobsAnswer() {
        logInAs("admin");
        UUID id = jobs.start("users", progress -> {
            throw new Refused();
        });

        JobStatus failed = finished(id);
        assertThat(failed.state()).isEqualTo(JobStatus.State.FAILED);
        assertThat(failed.refusal()).isInstanceOf(Refused.class);
        assertThat(failed.resultAvailable()).isFalse();
        assertThat(jobs.takeResult(id, "users", String.class)).isEmpty();
    }

    /**
     * Finished jobs give way to new ones of the same user, the oldest first: counted until they expired, twenty refused
     * imports of one official locked every province's imports for half an hour. Only jobs waiting or running fill the
     * server's limit.
     */
    @Test
    void finishedJobsGiveWayAndOnlyUnfinishedOnesFillTheLimit() {
        logInAs("admin");
        List<UUID> kept = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            int value = i;
            UUID id = jobs.start("users", p -> value);
            finished(id);
            kept.add(id);
            clock.set(clock.instant().plusSeconds(1));
        }

        // Another user's jobs take the place of none of these: a manager's value imports had taken the place of an
        // administrator's one-time passwords before they were seen.
        logInAs("tinh.phutho");
        for (int i = 0; i < 3; i++) {
            finished(jobs.start("users", p -> 0));
        }
        logInAs("admin");
        assertThat(jobs.status(kept.get(0), "users").finished()).as("kept, whatever others start").isTrue();

        finished(jobs.start("users", p -> 4));
        assertThatThrownBy(() -> jobs.status(kept.get(0), "users")).as("the oldest finished gave way")
                .isInstanceOf(JobNotFoundException.class);
        assertThat(jobs.status(kept.get(1), "users").finished()).isTrue();

        CountDownLatch release = new CountDownLatch(1);
        try {
            for (int i = 0; i < 3; i++) {
                jobs.start("users", p -> {
                    await(release);
                    return 0;
                });
            }
            assertThatThrownBy(() -> jobs.start("users", p -> 5)).isInstanceOf(JobsBusyException.class);
        }
        finally {
            release.countDown();
        }
    }

    private JobStatus finished(UUID id) {
        // In this thread: the job is looked up as the user logged in here.
        return Awaitility.await().pollInSameThread().atMost(TestWait.part(10))
                .until(() -> jobs.status(id, "users"), JobStatus::finished);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(TestWait.part(10).toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void logInAs(String username) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
    }

    private static CommuneDxProperties properties(Duration keep, int maxKept) {
        MapConfigurationPropertySource settings = new MapConfigurationPropertySource(Map.of(
                "communedx.jobs.keep-results", keep.toString(), "communedx.jobs.max-kept", String.valueOf(maxKept)));
        return new Binder(settings).bindOrCreate("communedx", CommuneDxProperties.class);
    }

    private static final class Refused extends RuntimeException implements JobRefusal {
    }

    private static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
