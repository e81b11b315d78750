package org.communedx.service.report;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.communedx.service.ServiceTestApplication;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.service.testsupport.NationalData;
import org.communedx.service.unit.GsoListImport;
import org.communedx.service.report.Exports.EntrySelection;
import org.communedx.service.testsupport.TestWait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Figures for docs/performance.md, not a test (its name does not end in Tests). Run it in a JVM with a 512 MB heap:
 * {@code ./mvnw -B -pl tracker-service -am test -Dtest=NationalExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -DargLine=-Xmx512m}.
 * <p>
 * It loads the whole country (as {@code NationalDashboardBenchmark} does), then writes the XLSX export of every
 * national entry of each period through {@link Exports#writeEntries}, as an administrator, to a stream that only
 * counts bytes, while a thread samples the used heap every 10 ms. The headers are the message keys themselves: the
 * words come from web-ui's bundles, which this module does not see, and weigh nothing in the figures.
 */
@SpringBootTest(classes = ServiceTestApplication.class)
class NationalExportBenchmark {

    @Autowired
    Exports exports;

    @Autowired
    GsoListImport gsoImport;

    @Autowired
    ProgressLedger ledger;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void nationalEntriesAsXlsx() throws Exception {
        List<Long> periods = new NationalData(jdbc, gsoImport, ledger, accounts, passwordEncoder).ensureLoaded()
                .periodIds();
        StaticMessageSource messages = new StaticMessageSource();
        messages.setUseCodeAsDefaultMessage(true);
        Labels labels = new Labels(messages, Locale.forLanguageTag("vi"));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.out.printf("BENCHMARK export: max heap %d MB%n", memory.getHeapMemoryUsage().getMax() >> 20);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("admin", null, "ROLE_ADMIN"));

        // A warm-up on the smallest unit of work, so that the timed runs do not pay for class loading.
        exports.writeEntries(exports.entries(firstCommune(), periods.get(0)), ExportFormat.XLSX, labels,
                new CountingStream());

        for (long period : periods) {
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            AtomicLong maxUsed = new AtomicLong(before);
            List<Long> samples = new ArrayList<>();
            // The heap every 10 ms while the export runs, on a timer rather than a sleeping loop.
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> {
                long used = memory.getHeapMemoryUsage().getUsed();
                maxUsed.accumulateAndGet(used, Math::max);
                synchronized (samples) {
                    samples.add(used);
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            CountingStream out = new CountingStream();
            long rows = jdbc.sql("select count(*) from criterion_entry e join assessment a on a.id = e.assessment_id "
                    + "where a.period_id = ?").param(period).query(Long.class).single();
            long start = System.nanoTime();
            EntrySelection selection = exports.nationalEntries(period);
            exports.writeEntries(selection, ExportFormat.XLSX, labels, out);
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.shutdownNow();
            sampler.awaitTermination(TestWait.part(10).toMillis(), TimeUnit.MILLISECONDS);
            System.gc();
            long after = memory.getHeapMemoryUsage().getUsed();
            System.out.printf("BENCHMARK export XLSX national entries, period %d (%s): %d rows, %.1f MB written in "
                    + "%.1f s; heap used: %d MB before, max %d MB sampled during (%d samples, quartiles of the run: "
                    + "%s), %d MB after a GC%n", period, selection.periodName(), rows, out.count / 1e6, seconds,
                    before >> 20, maxUsed.get() >> 20, samples.size(), quartileMaxima(samples), after >> 20);
        }
    }

    private String firstCommune() {
        return jdbc.sql("select min(code) from administrative_unit where level = 'COMMUNE'").query(String.class)
                .single();
    }

    /** The largest sample of each quarter of the run, in MB: flat when the export streams. */
    private static String quartileMaxima(List<Long> samples) {
        List<String> maxima = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            long max = 0;
            for (int i = q * samples.size() / 4; i < (q + 1) * samples.size() / 4; i++) {
                max = Math.max(max, samples.get(i));
            }
            maxima.add((max >> 20) + " MB");
        }
        return String.join(" / ", maxima);
    }

    /** Counts what it is given and keeps nothing. */
    private static final class CountingStream extends OutputStream {

        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
