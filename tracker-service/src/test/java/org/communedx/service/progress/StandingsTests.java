package org.communedx.service.progress;

import java.math.BigDecimal;
import java.util.List;

import org.communedx.model.framework.ScoreDisplay;
import org.communedx.model.framework.ScoreSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class StandingsTests {

    private static final ScoreSettings POINTS = new ScoreSettings(ScoreDisplay.POINTS, 1, new BigDecimal("1000"));

    @Test
    void aCommuneIsRankedByItsScoreAsTheVersionShowsIt() {
        assertThat(Standings.score(POINTS, new BigDecimal("825.64"), new BigDecimal("91.7")))
                .as("points, rounded to the version's decimals, whatever the percentage").isEqualTo("825.6");
        assertThat(Standings.score(ScoreSettings.PERCENT, new BigDecimal("3.00"), new BigDecimal("75.0")))
                .isEqualTo("75.0");
        assertThat(Standings.score(POINTS, null, null)).as("no assessment, no score").isNull();
        assertThat(Standings.score(ScoreSettings.PERCENT, null, null)).isNull();
    }

    @Test
    void equalShownScoresShareARankByNameAndACommuneNotBegunHasNone() {
        List<Commune> communes = List.of(new Commune("05", "Xã Yên Phú", null),
                new Commune("04", "Xã Bình", new BigDecimal("0.0")), new Commune("03", "Xã An", new BigDecimal("0.0")),
                new Commune("02", "Xã Đông", new BigDecimal("410.5")),
                new Commune("01", "Xã An", new BigDecimal("0.0")), new Commune("00", "Xã Ân", null));

        List<Ranked> ranked = Standings.rank(communes, Ranked::new);

        assertThat(ranked).extracting(Ranked::rank, Ranked::code).containsExactly(tuple(1, "02"), tuple(2, "01"),
                tuple(2, "03"), tuple(2, "04"), tuple(null, "00"), tuple(null, "05"));
    }

    record Commune(String code, String name, BigDecimal standing) implements Standings.Contender {
    }

    record Ranked(Commune commune, Integer rank) {

        String code() {
            return commune.code();
        }
    }
}
