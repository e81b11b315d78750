package org.communedx.service;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** A page number from a link or a script lands on rows: past the last the last, before the first the first. */
class PagesTests {

    @Test
    void aNumberPastTheLastPageIsTheLast() {
        assertThat(Pages.within(0, 0, 25)).isZero();
        assertThat(Pages.within(3, 0, 25)).as("an empty list has its one empty page").isZero();
        assertThat(Pages.within(1, 25, 25)).isZero();
        assertThat(Pages.within(1, 26, 25)).isEqualTo(1);
        assertThat(Pages.within(1_000, 260, 25)).isEqualTo(10);
        assertThat(Pages.within(Integer.MAX_VALUE, Long.MAX_VALUE, 500)).as("an offset that stays an int")
                .isEqualTo(1_000_000);
        assertThat(Pages.within(-5, 260, 25)).isZero();
    }

    @Test
    void aRepositoryIsAskedAgainOnlyPastTheLastPage() {
        List<Integer> rows = IntStream.range(0, 60).boxed().toList();
        List<Integer> asked = new ArrayList<>();
        Page<Integer> last = Pages.found(7, number -> {
            asked.add(number);
            PageRequest request = PageRequest.of(number, 25);
            int from = Math.min(rows.size(), (int) request.getOffset());
            return new PageImpl<>(rows.subList(from, Math.min(rows.size(), from + 25)), request, rows.size());
        });

        assertThat(asked).containsExactly(7, 2);
        assertThat(last.getNumber()).isEqualTo(2);
        assertThat(last.getContent()).containsExactly(50, 51, 52, 53, 54, 55, 56, 57, 58, 59);

        asked.clear();
        Page<Integer> none = Pages.found(3, number -> {
            asked.add(number);
            return new PageImpl<>(List.of(), PageRequest.of(number, 25), 0);
        });
        assertThat(asked).as("an empty list, at its one page").containsExactly(3, 0);
        assertThat(none.getNumber()).isZero();
        assertThat(none.getContent()).isEmpty();
    }
}
