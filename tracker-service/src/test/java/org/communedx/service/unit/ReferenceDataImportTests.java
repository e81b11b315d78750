package org.communedx.service.unit;

import java.util.Set;

import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitSuccessionRepository;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.unit.UnitImportSummary.Counts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.service.unit.UnitFixtures.LIST_DATE;
import static org.communedx.service.unit.UnitFixtures.REFORM;

/** The real Hòa Bình list and the national merge mapping; runs only where shared/data sits beside the checkout. */
@SpringBootTest(classes = ServiceTestApplication.class)
@Transactional
@EnabledIf("org.communedx.service.unit.ReferenceData#present")
class ReferenceDataImportTests {

    @Autowired
    GsoListImport gsoImport;

    @Autowired
    MergeImport mergeImport;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    UnitSuccessionRepository successions;

    @Test
    void importsHoaBinhOnceAndItsMergeIntoPhuThoLinksTheNewYenPhu() {
        byte[] hoaBinh = ReferenceData.read("units-hoabinh-2025-03.csv");

        UnitImportSummary first = gsoImport.importList(new ByteArrayResource(hoaBinh), LIST_DATE);
        assertThat(first.counts(UnitLevel.PROVINCE)).isEqualTo(new Counts(1, 0, 0));
        assertThat(first.counts(UnitLevel.DISTRICT)).isEqualTo(new Counts(10, 0, 0));
        assertThat(first.counts(UnitLevel.COMMUNE)).isEqualTo(new Counts(151, 0, 0));

        UnitImportSummary again = gsoImport.importList(new ByteArrayResource(hoaBinh), LIST_DATE);
        assertThat(again.total()).isEqualTo(new Counts(0, 0, 162));

        mergeImport.importMerges(new ByteArrayResource(ReferenceData.read("units-vn-2025-07-merges.csv")), REFORM, null,
                Set.of("25"));
        AdministrativeUnit newYenPhu = units.findByCodeValidOn("05305", REFORM).orElseThrow();
        assertThat(newYenPhu.getName()).isEqualTo("Xã Yên Phú");
        assertThat(successions.findBySuccessor(newYenPhu))
                .extracting(succession -> succession.getPredecessor().getName())
                .containsExactly("Xã Xuất Hóa", "Xã Yên Phú", "Xã Bình Hẻm");
    }
}
