package org.communedx.web.account;

import jakarta.validation.constraints.NotNull;

import org.communedx.model.user.EmailPreference;

/** How often the user wants notices by e-mail: {@code IMMEDIATE}, {@code DAILY} or {@code NONE}. */
record EmailPreferenceForm(@NotNull EmailPreference emailPreference) {
}
