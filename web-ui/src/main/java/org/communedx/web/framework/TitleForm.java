package org.communedx.web.framework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.communedx.model.framework.LocalizedText;

/** A draft version's title in both languages. */
record TitleForm(@NotBlank @Size(max = 300) String titleVi, @NotBlank @Size(max = 300) String titleEn) {

    static TitleForm of(LocalizedText title) {
        return new TitleForm(title.vi(), title.en());
    }

    LocalizedText toTitle() {
        return new LocalizedText(titleVi, titleEn);
    }
}
