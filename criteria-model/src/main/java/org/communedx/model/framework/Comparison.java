package org.communedx.model.framework;

import java.math.BigDecimal;

/** Whether a value meets its target from above ("at least") or from below ("at most", e.g. incidents). */
public enum Comparison {
    AT_LEAST, AT_MOST;

    public boolean isMet(BigDecimal value, BigDecimal target) {
        int order = value.compareTo(target);
        return this == AT_LEAST ? order >= 0 : order <= 0;
    }
}
