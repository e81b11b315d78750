package org.communedx.web.framework;

import java.io.Serializable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.communedx.model.framework.Framework;

/**
 * The version label of a new draft, e.g. "1.1". Serializable: a rejected one waits in the session for the next page,
 * and shared sessions (communedx.sessions=jdbc) are stored serialized.
 */
record CloneForm(@NotBlank @Size(max = 16) @Pattern(regexp = Framework.VERSION_SHAPE) String newVersion)
        implements Serializable {
}
