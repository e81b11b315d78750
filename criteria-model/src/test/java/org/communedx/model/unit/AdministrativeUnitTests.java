package org.communedx.model.unit;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AdministrativeUnitTests {

    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    private final AdministrativeUnit hoaBinh = AdministrativeUnit.province("17", "Tỉnh Hoà Bình", UnitType.TINH, null);

    private final AdministrativeUnit lacSon = AdministrativeUnit.within(hoaBinh, UnitLevel.DISTRICT, "157",
            "Huyện Lạc Sơn", UnitType.HUYEN, null);

    @Test
    void keepsTheNameInNfcAndItsFoldedFormForSearch() {
        assertThat(hoaBinh.getName()).isEqualTo("Tỉnh Hoà Bình");
        assertThat(hoaBinh.getSearchName()).isEqualTo("tinh hoa binh");
    }

    @Test
    void refusesANameLongerThanTheColumn() {
        String longest = "Xã " + "A".repeat(AdministrativeUnit.NAME_MAX - 3);
        assertThat(AdministrativeUnit.within(lacSon, UnitLevel.COMMUNE, "05305", longest, UnitType.XA, null)
                .getName()).hasSize(AdministrativeUnit.NAME_MAX);
        assertThatIllegalArgumentException().isThrownBy(() -> AdministrativeUnit.within(lacSon, UnitLevel.COMMUNE,
                "05305", longest + "A", UnitType.XA, null));
    }

    @Test
    void refusesCodesOfTheWrongShapeForTheLevel() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> AdministrativeUnit.within(lacSon, UnitLevel.COMMUNE, "5305", "Xã Yên Phú", UnitType.XA, null));
        assertThatIllegalArgumentException().isThrownBy(
                () -> AdministrativeUnit.province("017", "Tỉnh Hoà Bình", UnitType.TINH, null));
    }

    @Test
    void refusesATypeOrParentThatDoesNotFitTheLevel() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> AdministrativeUnit.within(lacSon, UnitLevel.COMMUNE, "05305", "Xã Yên Phú", UnitType.HUYEN, null));
        AdministrativeUnit yenPhu = AdministrativeUnit.within(lacSon, UnitLevel.COMMUNE, "05305", "Xã Yên Phú",
                UnitType.XA, null);
        assertThatIllegalArgumentException().isThrownBy(
                () -> AdministrativeUnit.within(yenPhu, UnitLevel.COMMUNE, "05308", "Xã Bình Hẻm", UnitType.XA, null));
    }

    /** A commune of an old list imported after the reform ends with its district, not counted as today's. */
    @Test
    void aUnitEndsNoLaterThanTheUnitItStandsUnder() {
        lacSon.close(REFORM.minusDays(1));

        AdministrativeUnit late = AdministrativeUnit.within(lacSon, UnitLevel.COMMUNE, "05290", "Xã Tân Lập",
                UnitType.XA, null);

        assertThat(late.getValidTo()).isEqualTo(REFORM.minusDays(1));
        assertThat(late.isValidOn(REFORM)).isFalse();
        assertThat(late.describe("Xã Tân Lập", UnitType.XA, lacSon)).as("nothing more to change").isFalse();
    }

    @Test
    void placesACommuneDirectlyUnderItsProvinceAfterTheReform() {
        AdministrativeUnit newYenPhu = AdministrativeUnit.within(hoaBinh, UnitLevel.COMMUNE, "05305", "Xã Yên Phú",
                UnitType.XA, REFORM);
        assertThat(newYenPhu.getParent()).isSameAs(hoaBinh);
        assertThat(newYenPhu.isValidOn(REFORM.minusDays(1))).isFalse();
        assertThat(newYenPhu.isValidOn(REFORM)).isTrue();
    }

    @Test
    void reportsWhetherANewDescriptionChangedAnything() {
        assertThat(lacSon.describe("Huyện  Lạc Sơn", UnitType.HUYEN, hoaBinh)).isFalse();
        assertThat(lacSon.describe("Huyện Lạc Sơn Mới", UnitType.HUYEN, hoaBinh)).isTrue();
    }

    /** A list or a merge file that places a tone mark the other way renames nothing: it is the same name. */
    @Test
    void aToneMarkPlacedTheOtherWayKeepsTheStoredName() {
        AdministrativeUnit quyHoa = AdministrativeUnit.within(lacSon, UnitLevel.COMMUNE, "05269", "Xã Quý Hòa",
                UnitType.XA, null);
        assertThat(quyHoa.describe("Xã Quý Hoà", UnitType.XA, lacSon)).isFalse();
        assertThat(quyHoa.getName()).isEqualTo("Xã Quý Hòa");
        assertThat(quyHoa.describe("Xã Quý Hóa", UnitType.XA, lacSon)).as("another tone is another name").isTrue();
    }

    @Test
    void closesOnceAndNeverBeforeItBegan() {
        lacSon.close(REFORM.minusDays(1));
        lacSon.close(REFORM.minusDays(1));
        assertThat(lacSon.isValidOn(REFORM)).isFalse();
        assertThatIllegalStateException().isThrownBy(() -> lacSon.close(REFORM));

        AdministrativeUnit newer = AdministrativeUnit.province("25", "Tỉnh Phú Thọ", UnitType.TINH, REFORM);
        assertThatIllegalArgumentException().isThrownBy(() -> newer.close(REFORM.minusDays(2)));
    }
}
