package org.communedx.service.progress;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.period.PeriodTerms;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.progress.ProgressViews.CommuneFigure;
import org.communedx.service.progress.ProgressViews.Rollup;
import org.communedx.service.progress.ProgressViews.TrendPoint;
import org.communedx.service.scope.OutOfScopeException;
import org.communedx.service.scope.Scopes;
import org.communedx.service.unit.GsoListImport;
import org.communedx.service.unit.MergeImport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/**
 * Across the 2025 merger: the new Tỉnh Phú Thọ (25) and the new Xã Yên Phú (05305, formed from Xuất Hóa, Yên Phú and
 * Bình Hẻm) did not exist in 2024, so their 2024 figures are those of the communes they were formed from. The old
 * Huyện Lạc Sơn (157), a code nobody holds after the reform, keeps its own 2024 communes.
 */
@SpringBootTest(classes = ServiceTestApplication.class)
@Transactional
class MergedHistoryTests {

    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    @Autowired
    GsoListImport gsoImport;

    @Autowired
    MergeImport mergeImport;

    @Autowired
    Rollups rollups;

    @Autowired
    PeriodRepository periods;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    Scopes scopes;

    long period;

    @BeforeEach
    void theOldUnitsWithTwoScoredCommunesThenTheMerger() {
        gsoImport.importList(new ByteArrayResource(resource("/units/hoabinh-sample.csv")), LocalDate.of(2025, 3, 1));
        mergeImport.importMerges(new ByteArrayResource(resource("/units/merges-sample.csv")), REFORM,
                "Nghị quyết 1680/NQ-UBTVQH15",
                Set.of("25"));
        period = periods.save(new Period(new PeriodTerms("Năm 2024 (sáp nhập)", 2024, LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31), LocalDate.of(2024, 12, 15)),
                frameworks.findByCodeAndVersion("DX-XA", "1.0").orElseThrow())).getId();
        scored("05302", "40.0", LocalDate.of(2024, 3, 10));
        scored("05305", "20.0", LocalDate.of(2024, 5, 20));
        loginAs("admin", Role.ADMIN);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aNewProvincesRollupBeforeTheMergerCombinesTheCommunesItWasFormedFrom() {
        Rollup rollup = rollups.rollup("25", period);

        assertThat(rollup.formedOn()).isEqualTo(REFORM);
        assertThat(rollup.ranking()).extracting(CommuneFigure::code)
                .containsExactlyInAnyOrder("05266", "05302", "05305", "05308", "05347", "05068");
        assertThat(rollup.ranking().get(0).code()).isEqualTo("05302");
        assertThat(rollup.averageVerified()).as("60 over 6 communes").isEqualByComparingTo("10.0");
    }

    @Test
    void aNewCommunesTrendBeforeTheMergerIsTheAverageOfItsPredecessors() {
        List<TrendPoint> trend = rollups.trend("05305", period);

        assertThat(trend).hasSize(12);
        assertThat(trend.get(2).averageVerified()).as("March: Xuất Hóa's 40 over three").isEqualByComparingTo("13.3");
        assertThat(trend.get(11).averageVerified()).as("December: 60 over three").isEqualByComparingTo("20.0");
        assertThat(rollups.trendOf("05305", period)).as("the page says so").satisfies(merged -> {
            assertThat(merged.formedOn()).isEqualTo(REFORM);
            assertThat(merged.formedName()).isEqualTo("Xã Yên Phú");
            assertThat(merged.communes()).isEqualTo(3);
        });
    }

    @Test
    void aCodeNobodyHoldsAnyMoreMeansTheUnitThatHeldItThen() {
        Rollup lacSon = rollups.rollup("157", period);

        assertThat(lacSon.formedOn()).isNull();
        assertThat(lacSon.ranking()).extracting(CommuneFigure::code)
                .contains("05266", "05302", "05305", "05308", "05347").as("in Huyện Kim Bôi").doesNotContain("05068");
    }

    /**
     * The new province's manager follows its 2024 ranking to Xuất Hóa, which the new Xã Yên Phú absorbed; staff of
     * the new Xã Ngọc Lâu, formed in part from Ân Nghĩa, reach Ân Nghĩa's history but not Xuất Hóa's.
     */
    @Test
    void theUnitsFormedByTheMergerReachTheHistoryOfThoseTheyWereFormedFrom() {
        accounts.save(new UserAccount("tinh.phutho", "tinh.phutho", "{noop}x", Role.PROVINCE_MANAGER, "25",
                Instant.EPOCH));
        accounts.save(new UserAccount("xa.ngoclau", "xa.ngoclau", "{noop}x", Role.COMMUNE_STAFF, "05350",
                Instant.EPOCH));

        loginAs("tinh.phutho", Role.PROVINCE_MANAGER);
        assertThat(scopes.current().includes("05302")).isTrue();
        assertThat(rollups.trend("05302", period).get(2).averageVerified()).isEqualByComparingTo("40.0");

        loginAs("xa.ngoclau", Role.COMMUNE_STAFF);
        assertThat(scopes.current().includes("05347")).isTrue();
        assertThat(scopes.current().includes("05302")).isFalse();
        assertThatThrownBy(() -> rollups.trend("05302", period)).isInstanceOf(OutOfScopeException.class);
    }

    /** An assessment of the old commune in the period, with its summary and one history day. */
    private void scored(String code, String verified, LocalDate day) {
        Long unit = jdbc.queryForObject("select id from administrative_unit where code = ? and valid_to = ?",
                Long.class, code, REFORM.minusDays(1));
        Long assessment = jdbc.queryForObject("""
                insert into assessment (unit_id, period_id, created_at) values (?, ?, now()) returning id""",
                Long.class, unit, period);
        BigDecimal percent = new BigDecimal(verified);
        jdbc.update("""
                insert into assessment_progress (assessment_id, unit_id, period_id, applicable_weight, verified_weight,
                    claimed_weight, verified_percent, claimed_percent, updated_at)
                values (?, ?, ?, 27, 0, 0, ?, ?, now())""", assessment, unit, period, percent, percent);
        jdbc.update("""
                insert into assessment_progress_history (assessment_id, day, verified_percent, claimed_percent,
                    verified_change, claimed_change) values (?, ?, ?, ?, ?, ?)""",
                assessment, day, percent, percent, percent, percent);
    }

    private static byte[] resource(String name) {
        try (InputStream in = MergedHistoryTests.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
