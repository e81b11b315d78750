package org.communedx.service.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitNamesTests {

    /** Word by word, as a dictionary: the collator alone passed over the space and put Quyết before Quý Hòa. */
    @Test
    void aWordThatBeginsAnotherComesFirst() {
        List<String> names = new ArrayList<>(List.of("Xã Quyết Thắng", "Xã Quý Hòa", "Xã Quy Mông", "Xã Quyết Tiến"));

        names.sort(UnitNames.comparing(Function.identity()));

        assertThat(names).containsExactly("Xã Quy Mông", "Xã Quý Hòa", "Xã Quyết Thắng", "Xã Quyết Tiến");
    }

    @Test
    void namesFollowTheVietnameseAlphabetNotTheBytes() {
        List<String> names = new ArrayList<>(List.of("Xã Yên Phú", "Xã Ư Thôn", "Xã Ơ Loan", "Xã Ô Lâm", "Xã Ong",
                "Xã Đông Sơn", "Xã Dân Chủ", "Xã Ân Nghĩa", "Xã Ăn Ninh", "Xã An Bình", "Xã Uy Nỗ"));

        names.sort(UnitNames.comparing(Function.identity()));

        assertThat(names).containsExactly("Xã An Bình", "Xã Ăn Ninh", "Xã Ân Nghĩa", "Xã Dân Chủ", "Xã Đông Sơn",
                "Xã Ong", "Xã Ô Lâm", "Xã Ơ Loan", "Xã Uy Nỗ", "Xã Ư Thôn", "Xã Yên Phú");
    }

    /** A numbered ward by its number: the collator put Phường 1, 10, 11 … 19 before Phường 2. */
    @Test
    void aNumberSortsAsANumber() {
        List<String> names = new ArrayList<>(List.of("Phường 10", "Phường 2", "Phường Bến Nghé", "Phường 1",
                "Phường 22", "Phường 3", "Phường 01"));

        names.sort(UnitNames.comparing(Function.identity()));

        assertThat(names).containsExactly("Phường 01", "Phường 1", "Phường 2", "Phường 3", "Phường 10", "Phường 22",
                "Phường Bến Nghé");
    }
}
