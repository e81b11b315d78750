package org.communedx.model.unit;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitNamesTests {

    @Test
    void foldsCaseAndDiacriticsSoThatEverySpellingFindsTheSameUnit() {
        assertThat(UnitNames.fold("Huyện Lạc Sơn")).isEqualTo("huyen lac son");
        assertThat(UnitNames.fold("LẠC SƠN")).isEqualTo("lac son");
        assertThat(UnitNames.fold("Lac Son")).isEqualTo("lac son");
        assertThat(UnitNames.fold("Xã Định Cư")).isEqualTo("xa dinh cu");
        assertThat(UnitNames.fold("ĐÀ BẮC")).isEqualTo("da bac");
    }

    @Test
    void bothPlacementsOfTheToneMarkFoldAlike() {
        assertThat(UnitNames.fold("Tỉnh Hoà Bình")).isEqualTo(UnitNames.fold("Tỉnh Hòa Bình")).isEqualTo("tinh hoa binh");
    }

    @Test
    void normalizesDecomposedTextToNfcAndCollapsesSpaces() {
        String decomposed = Normalizer.normalize("Xã  Yên Phú ", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Xã Yên Phú");
        assertThat(UnitNames.normalize(decomposed)).isEqualTo("Xã Yên Phú");
    }

    @Test
    void readsTheTypeFromTheNameWithTheLongestLabelWinning() {
        assertThat(UnitType.ofName("Thành phố Hòa Bình", UnitLevel.DISTRICT)).contains(UnitType.THANH_PHO);
        assertThat(UnitType.ofName("Thị xã Sơn Tây", UnitLevel.DISTRICT)).contains(UnitType.THI_XA);
        assertThat(UnitType.ofName("Tỉnh Hoà Bình", UnitLevel.PROVINCE)).contains(UnitType.TINH);
        assertThat(UnitType.ofName("Huyện Lạc Sơn", UnitLevel.PROVINCE)).isEmpty();
        assertThat(UnitType.ofName("Thịnh Lang", UnitLevel.COMMUNE)).isEmpty();
        assertThat(UnitType.ofLabel("thị trấn")).contains(UnitType.THI_TRAN);
    }
}
