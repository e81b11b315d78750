package org.communedx.web.home;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NavigationTests {

    @Test
    void theLanguageSwitchKeepsTheQueryAndReplacesOnlyTheLanguage() {
        assertThat(new Navigation("/dashboard", "period=3&threshold=50").language("en"))
                .isEqualTo("?period=3&threshold=50&lang=en");
        assertThat(new Navigation("/dashboard", "lang=en&period=3&lang=vi").language("vi"))
                .isEqualTo("?period=3&lang=vi");
        assertThat(new Navigation("/", null).language("en")).isEqualTo("?lang=en");
        assertThat(new Navigation("/entries/5/value", null, "/entries/5").language("en"))
                .as("a form refused: the page it is on").isEqualTo("/entries/5?lang=en");
    }

    @Test
    void theLanguageSwitchEncodesWhatItKeepsAndDropsWhatDoesNotDecode() {
        assertThat(new Navigation("/units", "q=%22%3E%3Cb%3E&bad=%ZZ&flag&q2=y%C3%AAn+ph%C3%BA").language("en"))
                .isEqualTo("?q=%22%3E%3Cb%3E&flag&q2=y%C3%AAn+ph%C3%BA&lang=en");
        assertThat(new Navigation("/units", "q=\"><script>").language("vi")).isEqualTo("?q=%22%3E%3Cscript%3E&lang=vi");
        assertThat(new Navigation("/units", "q=" + "a".repeat(Navigation.MAX_QUERY)).language("vi"))
                .isEqualTo("?lang=vi");
    }

    @Test
    void anItemIsTheCurrentPageOnItsOwnAddressAndTheCurrentSectionBelowIt() {
        Navigation unit = new Navigation("/units/157", null);
        assertThat(unit.current("/units")).isEqualTo("true");
        assertThat(new Navigation("/units", null).current("/units")).isEqualTo("page");
        assertThat(unit.current("/")).isNull();
        assertThat(new Navigation("/", null).current("/")).isEqualTo("page");
        assertThat(new Navigation("/unitsx", null).current("/units")).isNull();
        assertThat(new Navigation("/users/7", null).anyCurrent("/frameworks", "/users")).isTrue();
        assertThat(unit.anyCurrent("/frameworks", "/users")).isFalse();
    }

    /** A unit's dashboard and ranking are under /units by address, but the menu's dashboard is where they belong. */
    @Test
    void aUnitsFiguresAreTheDashboardsSectionNotTheUnitLists() {
        for (String figures : new String[] { "/units/157/dashboard", "/units/25/periods/4/ranking" }) {
            assertThat(new Navigation(figures, null).current("/dashboard")).as(figures).isEqualTo("true");
            assertThat(new Navigation(figures, null).current("/units")).as(figures).isNull();
        }
        assertThat(new Navigation("/dashboard/national", null).current("/dashboard")).isEqualTo("true");
    }
}
