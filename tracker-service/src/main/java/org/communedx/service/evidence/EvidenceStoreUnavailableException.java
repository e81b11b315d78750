package org.communedx.service.evidence;

import java.io.IOException;

/**
 * The evidence store's server refused a request or could not be reached: an S3-compatible server that is down,
 * full, or forbids the tracker's key. Nothing the user can fix; an upload is then refused with
 * {@code evidence.refused.storeUnavailable}, and the entry is left as it was.
 */
public class EvidenceStoreUnavailableException extends IOException {

    EvidenceStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
