package org.communedx.service.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitSuccessionRepository;
import org.communedx.service.ServiceTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Figures for docs/performance.md, not a test: it asserts nothing and is not in the default suite (its name does
 * not end in Tests). Run it with
 * {@code ./mvnw -B -pl tracker-service -am test -Dtest=UnitImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It imports the national GSO list twice, each time in its own transaction as the import page does, then times
 * the unit search at that size.
 */
@SpringBootTest(classes = ServiceTestApplication.class)
@EnabledIf("org.communedx.service.unit.ReferenceData#present")
class UnitImportBenchmark {

    private static final LocalDate LIST_DATE = LocalDate.of(2025, 3, 1);

    @Autowired
    GsoListImport gsoImport;

    @Autowired
    UnitDirectory directory;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    UnitSuccessionRepository successions;

    @Test
    void nationalList() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("admin", null, "ROLE_ADMIN"));
        successions.deleteAllInBatch();
        byte[] national = ReferenceData.read("units-vn-2025-03.csv");
        try {
            long start = System.nanoTime();
            UnitImportSummary first = gsoImport.importList(new ByteArrayResource(national), LIST_DATE);
            double firstSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            UnitImportSummary second = gsoImport.importList(new ByteArrayResource(national), LIST_DATE);
            double secondSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCHMARK import units-vn-2025-03.csv (first): %.2f s, %s%n", firstSeconds, first.total());
            System.out.printf("BENCHMARK re-import units-vn-2025-03.csv: %.2f s, %s%n", secondSeconds, second.total());

            List<String> queries = List.of("lac son", "LẠC SƠN", "Lac Son", "yen phu", "hoa", "xa tan", "phuong 1",
                    "thanh pho", "0530", "quan");
            for (int warmUp = 0; warmUp < 20; warmUp++) {
                queries.forEach(query -> directory.search(query, LIST_DATE));
            }
            if (directory.search("lac son", LIST_DATE).isEmpty()) {
                throw new IllegalStateException("The search found nothing; the figures would mean nothing");
            }
            List<Double> millis = new ArrayList<>();
            for (int round = 0; round < 30; round++) {
                for (String query : queries) {
                    long t = System.nanoTime();
                    directory.search(query, LIST_DATE);
                    millis.add((System.nanoTime() - t) / 1e6);
                }
            }
            Collections.sort(millis);
            System.out.printf("BENCHMARK unit search over %d units, %d searches: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    units.count(), millis.size(), millis.get(millis.size() / 2),
                    millis.get((int) (millis.size() * 0.95)), millis.get(millis.size() - 1));
        }
        finally {
            units.deleteAllInBatch();
            SecurityContextHolder.clearContext();
        }
    }
}
