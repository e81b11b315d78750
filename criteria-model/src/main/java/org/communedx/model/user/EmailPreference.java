package org.communedx.model.user;

/** How often a user wants notices by e-mail; the inbox has them all either way. */
public enum EmailPreference {

    /** One e-mail for every notice, soon after it is made. */
    IMMEDIATE,

    /** One e-mail a day gathering the day's notices. */
    DAILY,

    /** No e-mail: the inbox only. */
    NONE
}
