package org.communedx.service.unit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.scope.OutOfScopeException;
import org.communedx.service.unit.UnitViews.SuccessionView;
import org.communedx.service.unit.UnitViews.TreeNode;
import org.communedx.service.unit.UnitViews.UnitDetail;
import org.communedx.service.unit.UnitViews.UnitSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.communedx.service.unit.UnitFixtures.LIST_DATE;
import static org.communedx.service.unit.UnitFixtures.REFORM;

@SpringBootTest(classes = ServiceTestApplication.class)
@Transactional
class UnitDirectoryTests {

    @Autowired
    GsoListImport gsoImport;

    @Autowired
    MergeImport mergeImport;

    @Autowired
    UnitDirectory directory;

    @Autowired
    UserAccountRepository accounts;

    @BeforeEach
    void importTheSampleAsAnAdministrator() {
        loginAs("admin", "ROLE_ADMIN");
        gsoImport.importList(UnitFixtures.file("hoabinh-sample.csv"), LIST_DATE);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDistrictOfficialReachesOnlyTheirDistrict() {
        accounts.save(new UserAccount("huyen.thu", "Huyện thử", "{noop}x", Role.DISTRICT_OFFICIAL, "157", Instant.EPOCH));
        loginAs("huyen.thu", "ROLE_DISTRICT_OFFICIAL");

        assertThat(directory.search("xa", LIST_DATE)).extracting(UnitSummary::code)
                .containsExactlyInAnyOrder("05302", "05305", "05308", "05347");
        assertThat(directory.search("nam thuong", LIST_DATE)).isEmpty();
        assertThat(directory.tree(List.of("157"), LIST_DATE).provinces()).singleElement()
                .satisfies(root -> assertThat(root.children()).hasSize(5));
        assertThatExceptionOfType(OutOfScopeException.class)
                .isThrownBy(() -> directory.detail("05068", Optional.empty()));
        assertThatExceptionOfType(OutOfScopeException.class)
                .isThrownBy(() -> directory.detail("17", Optional.empty()));
        assertThat(directory.detail("05305", Optional.empty()).unit().name()).isEqualTo("Xã Yên Phú");
    }

    @Test
    void aCodeReusedByAMergerMeansTheOldDistrictsOwnUnitForItsOfficial() {
        mergeImport.importMerges(UnitFixtures.file("merges-sample.csv"), REFORM, null, Set.of("25"));
        accounts.save(new UserAccount("huyen.cu", "Huyện cũ", "{noop}x", Role.DISTRICT_OFFICIAL, "157", Instant.EPOCH));
        loginAs("huyen.cu", "ROLE_DISTRICT_OFFICIAL");

        UnitDetail yenPhu = directory.detail("05305", Optional.empty());
        assertThat(yenPhu.unit().parentCode()).as("the old Yên Phú, not the new one of province 25").isEqualTo("157");
        assertThat(yenPhu.unit().validTo()).isEqualTo(REFORM.minusDays(1));
        assertThat(yenPhu.successors()).isEmpty();
        assertThat(yenPhu.otherPeriods()).isEmpty();
        assertThatExceptionOfType(UnitNotFoundException.class)
                .isThrownBy(() -> directory.detail("05305", Optional.of(REFORM)));
        assertThat(directory.search("yen phu", LIST_DATE)).extracting(UnitSummary::parentCode).containsExactly("157");
        assertThat(directory.search("yen phu", REFORM)).as("the new one's name, found by the old code").isEmpty();
        assertThat(directory.search("lac son", REFORM)).as("Xã Lạc Sơn holds Vụ Bản's code 05266").isEmpty();
    }

    @Test
    void anAnonymousCallerReachesNothing() {
        SecurityContextHolder.clearContext();

        assertThat(directory.search("lac son", LIST_DATE)).isEmpty();
        assertThat(directory.tree(List.of(), LIST_DATE).provinces()).isEmpty();
    }

    private static void loginAs(String username, String role) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(username, null, role));
    }

    @Test
    void findsLacSonWhateverTheCaseAndDiacritics() {
        for (String query : List.of("lac son", "LẠC SƠN", "Lac Son", "huyện lạc")) {
            assertThat(directory.search(query, LIST_DATE)).as(query).extracting(UnitSummary::code).containsExactly("157");
        }
        assertThat(directory.search("hoa binh", LIST_DATE)).extracting(UnitSummary::name).containsExactly("Tỉnh Hoà Bình");
        assertThat(directory.search("son", LIST_DATE)).extracting(UnitSummary::code).contains("157");
        assertThat(directory.search("yen phu", LIST_DATE)).as("from a word's start: not Huyện Phú … (huyen phu)")
                .extracting(UnitSummary::name).allSatisfy(name -> assertThat(name).containsIgnoringCase("Yên Phú"));
        assertThat(directory.search("ac son", LIST_DATE)).as("not from within a word").isEmpty();
    }

    @Test
    void findsByTheStartOfACodeAndTreatsWildcardsAsText() {
        assertThat(directory.search("0530", LIST_DATE)).extracting(UnitSummary::code)
                .containsExactlyInAnyOrder("05302", "05305", "05308");
        assertThat(directory.search("%", LIST_DATE)).isEmpty();
        assertThat(directory.search("   ", LIST_DATE)).isEmpty();
    }

    @Test
    void searchesAsOfADateAcrossTheReform() {
        mergeImport.importMerges(UnitFixtures.file("merges-sample.csv"), REFORM, null, Set.of("25"));

        assertThat(directory.search("binh hem", LIST_DATE)).extracting(UnitSummary::code).containsExactly("05308");
        assertThat(directory.search("binh hem", REFORM)).isEmpty();
        assertThat(directory.search("yen phu", REFORM)).singleElement()
                .satisfies(unit -> assertThat(unit.parentCode()).isEqualTo("25"));
    }

    @Test
    void opensTheTreeOneLevelAtATime() {
        List<TreeNode> provinces = directory.tree(List.of("17", "157"), LIST_DATE).provinces();

        assertThat(provinces).singleElement().satisfies(province -> {
            assertThat(province.open()).isTrue();
            assertThat(province.children()).extracting(node -> node.unit().code()).containsExactly("153", "157");
            assertThat(province.children().get(0).children()).isEmpty();
            assertThat(province.children().get(1).children()).extracting(node -> node.unit().code())
                    .containsExactly("05266", "05302", "05305", "05308", "05347");
        });
        assertThat(directory.tree(List.of(), LIST_DATE).provinces().get(0).children()).isEmpty();
    }

    @Test
    void showsAUnitWithItsPredecessorsSuccessorsAndOtherPeriods() {
        mergeImport.importMerges(UnitFixtures.file("merges-sample.csv"), REFORM, null, Set.of("25"));

        UnitDetail newYenPhu = directory.detail("05305", Optional.of(REFORM));
        assertThat(newYenPhu.unit().parentCode()).isEqualTo("25");
        assertThat(newYenPhu.predecessors()).extracting(view -> view.unit().code())
                .containsExactly("05302", "05305", "05308");
        assertThat(newYenPhu.otherPeriods()).singleElement()
                .satisfies(old -> assertThat(old.validTo()).isEqualTo(REFORM.minusDays(1)));

        UnitDetail binhHem = directory.detail("05308", Optional.empty());
        assertThat(binhHem.unit().validTo()).isEqualTo(REFORM.minusDays(1));
        assertThat(binhHem.successors()).extracting(SuccessionView::unit).extracting(UnitSummary::code)
                .containsExactly("05305");

        UnitDetail lacSon = directory.detail("157", Optional.of(LIST_DATE));
        assertThat(lacSon.children()).hasSize(5);
    }
}
