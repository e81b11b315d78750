package org.communedx.web.config;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;

/** Why Tomcat could not take a multipart request apart, read off what it threw. */
public enum UnreadableParts {

    /** A file name with a NUL in it. */
    FILE_NAME_INVALID,
    /** A file, or the whole request, over the multipart limits. */
    TOO_LARGE,
    /** A part header over Tomcat's limit (server.tomcat.max-part-header-size), where only the file name can be long. */
    FILE_NAME_TOO_LONG,
    /** Anything else: a body that is not the multipart it says it is. */
    MALFORMED;

    /**
     * Tomcat reports a part header over its limit with the class it uses for the body's size, so the body's own
     * length tells the two apart.
     * @param maxRequestBytes the multipart limit of a whole request, 0 or less when there is none
     */
    public static UnreadableParts of(Exception unreadable, HttpServletRequest request, long maxRequestBytes) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFileNameException) {
                return FILE_NAME_INVALID;
            }
            if (cause instanceof FileSizeLimitExceededException || cause instanceof SizeException
                    && maxRequestBytes > 0 && request.getContentLengthLong() > maxRequestBytes) {
                return TOO_LARGE;
            }
            if (cause instanceof SizeException) {
                return FILE_NAME_TOO_LONG;
            }
        }
        return MALFORMED;
    }
}
