package org.communedx.web.framework;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.communedx.model.framework.Framework;

/** The version label of the imported draft; blank keeps the version the file names. */
record ImportForm(@Size(max = 16) @Pattern(regexp = "(" + Framework.VERSION_SHAPE + ")?") String newVersion) {
}
