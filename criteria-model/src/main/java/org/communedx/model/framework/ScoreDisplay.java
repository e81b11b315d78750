package org.communedx.model.framework;

/** Whether a framework's figures are shown as a percent of the maximum or as points out of it. */
public enum ScoreDisplay {
    PERCENT, POINTS
}
