package org.communedx.web.framework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.communedx.model.framework.LocalizedText;
import org.communedx.service.framework.FrameworkEditor.GroupEdit;

/** A group's code and names; the limits are the database columns'. */
record GroupForm(@NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 300) String nameVi,
        @NotBlank @Size(max = 300) String nameEn) {

    static GroupForm empty() {
        return new GroupForm("", "", "");
    }

    static GroupForm of(GroupEdit group) {
        return new GroupForm(group.code(), group.name().vi(), group.name().en());
    }

    LocalizedText toName() {
        return new LocalizedText(nameVi, nameEn);
    }
}
