package org.communedx.model.framework;

/** How a criterion's value turns into points; see {@link ScoringRule#points}. */
public enum ScoringMethod {
    /** The whole maximum when the target is met, nothing otherwise: the rule of DX-XA 1.0. */
    ALL_OR_NOTHING,
    /** The maximum times the share of the target reached, capped at the maximum (mirrored for "at most"). */
    PROPORTIONAL,
    /** Value bands, each worth its points. */
    STEPS,
    /** Points for each level 0 to 3, for LEVEL criteria. */
    LEVELS
}
