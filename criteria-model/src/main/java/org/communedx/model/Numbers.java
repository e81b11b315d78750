package org.communedx.model;

import java.math.BigDecimal;

/** Decimals as a person reads them, and types them back into a form. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * The number without trailing zeros, and never in scientific notation: 100.00 becomes 100, where
     * {@link BigDecimal#stripTrailingZeros()} alone gives 1E+2, which a form field shows and then refuses.
     */
    public static BigDecimal plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
