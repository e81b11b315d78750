package org.communedx.model.mapping;

/**
 * How criteria of an old framework version correspond to criteria of a new one. Each kind says how many criteria
 * it takes on each side; {@link #accepts} is the one place that rule is written.
 */
public enum MappingKind {

    /** One old criterion is one new criterion. */
    SAME(Arity.ONE, Arity.ONE),
    /** One old criterion became several new ones. */
    SPLIT(Arity.ONE, Arity.SEVERAL),
    /** Several old criteria became one new one. */
    MERGED(Arity.SEVERAL, Arity.ONE),
    /** A new criterion with no old counterpart. */
    NEW(Arity.NONE, Arity.ONE),
    /** An old criterion with no new counterpart. */
    DROPPED(Arity.ONE, Arity.NONE);

    private final Arity sources;

    private final Arity targets;

    MappingKind(Arity sources, Arity targets) {
        this.sources = sources;
        this.targets = targets;
    }

    /** Whether a link of this kind may name that many old and that many new criteria. */
    public boolean accepts(int sourceCount, int targetCount) {
        return sources.accepts(sourceCount) && targets.accepts(targetCount);
    }

    /** How many criteria the kind takes on one side: none, exactly one, or at least two. */
    enum Arity {

        NONE, ONE, SEVERAL;

        boolean accepts(int count) {
            return switch (this) {
                case NONE -> count == 0;
                case ONE -> count == 1;
                case SEVERAL -> count >= 2;
            };
        }
    }
}
