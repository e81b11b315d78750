package org.communedx.service.evidence;

import java.io.IOException;

/**
 * A file that the database lists is not in the evidence store: deleted by hand, or a local store whose disk is not
 * mounted. Neither the user's doing nor mended by trying again, unlike {@link EvidenceStoreUnavailableException}: the
 * page asks the user to tell the administrator, and the log names the file.
 */
public class EvidenceFileMissingException extends IOException {

    EvidenceFileMissingException(long evidenceId, String sha256, Throwable cause) {
        super("Evidence " + evidenceId + " is listed but its content " + sha256 + " is not in the evidence store",
                cause);
    }
}
