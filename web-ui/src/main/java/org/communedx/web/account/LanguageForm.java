package org.communedx.web.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The interface language, {@code vi} or {@code en}. */
record LanguageForm(@NotNull @Pattern(regexp = "vi|en") String language) {
}
