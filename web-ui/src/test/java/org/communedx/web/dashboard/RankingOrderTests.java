package org.communedx.web.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.communedx.service.progress.ProgressViews.CommuneFigure;
import org.communedx.service.progress.RankingPage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RankingOrderTests {

    private final List<CommuneFigure> figures = figures(250);

    @Test
    void pagesHoldAHundredCommunesInTheChosenOrder() {
        RankingPage<CommuneFigure> first = RankingOrder.RANK.page(figures, 1);
        RankingPage<CommuneFigure> last = RankingOrder.LOWEST.page(figures, 3);

        assertThat(first.rows()).hasSize(100);
        assertThat(first.rows().get(0).rank()).isEqualTo(1);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.hasPrevious()).isFalse();
        assertThat(last.rows()).hasSize(50);
        assertThat(last.first()).isEqualTo(201);
        assertThat(last.rows().get(49).rank()).as("lowest first ends on the best").isEqualTo(1);
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void aPageOutOfRangeShowsTheNearestAndAnUnknownSortTheRank() {
        assertThat(RankingOrder.RANK.page(figures, 9).number()).isEqualTo(3);
        assertThat(RankingOrder.RANK.page(figures, -1).number()).isEqualTo(1);
        assertThat(RankingOrder.of("drop table")).isEqualTo(RankingOrder.RANK);
        assertThat(RankingOrder.RANK.page(List.of(), 1).pages()).isEqualTo(1);
    }

    @Test
    void lowestFirstTurnsTheRankRoundWithThoseThatHaveNotBegunFirstAndTiesByName() {
        List<CommuneFigure> ranked = List.of(figure(1, "Xã Yên Phú", "50.0"), figure(2, "Xã An", "40.0"),
                figure(2, "Xã Bình", "40.0"), figure(4, "Xã Dân Chủ", "0.0"), figure(null, "Xã Ân Nghĩa", "0.0"),
                figure(null, "Xã Đông Sơn", "0.0"));

        assertThat(RankingOrder.LOWEST.page(ranked, 1).rows()).extracting(CommuneFigure::name).containsExactly(
                "Xã Ân Nghĩa", "Xã Đông Sơn", "Xã Dân Chủ", "Xã An", "Xã Bình", "Xã Yên Phú");
    }

    @Test
    void namesSortInTheVietnameseAlphabet() {
        List<CommuneFigure> ranked = List.of(figure(1, "Xã Yên Phú", "50.0"), figure(2, "Xã Đông Sơn", "40.0"),
                figure(3, "Xã Ân Nghĩa", "30.0"), figure(4, "Xã Dân Chủ", "20.0"), figure(5, "Xã An Bình", "10.0"));

        assertThat(RankingOrder.NAME.page(ranked, 1).rows()).extracting(CommuneFigure::name).containsExactly(
                "Xã An Bình", "Xã Ân Nghĩa", "Xã Dân Chủ", "Xã Đông Sơn", "Xã Yên Phú");
    }

    private static CommuneFigure figure(Integer rank, String name, String verified) {
        BigDecimal figure = new BigDecimal(verified);
        return new CommuneFigure(rank, name, name, "157", "Huyện Lạc Sơn", figure, figure, Map.of(), null, null, null,
                false);
    }

    private static List<CommuneFigure> figures(int count) {
        List<CommuneFigure> figures = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            BigDecimal verified = BigDecimal.valueOf(1000 - i, 1);
            figures.add(new CommuneFigure(i, String.format("%05d", i), "Xã " + i, "157", "Huyện Lạc Sơn", verified,
                    verified, Map.of(), null, null, null, false));
        }
        return figures;
    }
}
