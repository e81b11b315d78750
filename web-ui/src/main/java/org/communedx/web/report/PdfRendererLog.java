package org.communedx.web.report;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * openhtmltopdf's messages in the application's log, under its own logger names ({@code com.openhtmltopdf.load} and
 * so on), with the levels the logging configuration gives them. Left to itself openhtmltopdf writes them to standard
 * error through a console handler of its own, past Logback: a handful of unformatted lines for every PDF, without the
 * instance name or the time that every other line carries.
 */
final class PdfRendererLog implements XRLogger {

    private PdfRendererLog() {
    }

    /** Sends openhtmltopdf's messages here from now on, for the whole JVM (openhtmltopdf keeps one logger). */
    static void install() {
        XRLog.setLoggerImpl(new PdfRendererLog());
    }

    @Override
    public void log(String where, java.util.logging.Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, java.util.logging.Level level, String message, Throwable error) {
        LoggerFactory.getLogger(where).atLevel(slf4j(level)).setCause(error).log(message);
    }

    /** Levels come from the logging configuration ({@code logging.level.com.openhtmltopdf}), not from openhtmltopdf. */
    @Override
    public void setLevel(String logger, java.util.logging.Level level) {
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        return logger.isEnabledForLevel(slf4j(diagnostic.getLevel()));
    }

    static Level slf4j(java.util.logging.Level level) {
        int value = level.intValue();
        if (value >= java.util.logging.Level.SEVERE.intValue()) {
            return Level.ERROR;
        }
        if (value >= java.util.logging.Level.WARNING.intValue()) {
            return Level.WARN;
        }
        if (value >= java.util.logging.Level.INFO.intValue()) {
            return Level.INFO;
        }
        if (value >= java.util.logging.Level.FINE.intValue()) {
            return Level.DEBUG;
        }
        return Level.TRACE;
    }
}
