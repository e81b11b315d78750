package org.communedx.web.report;

import java.util.logging.Level;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.openhtmltopdf.util.LogMessageId.LogMessageId0Param;
import com.openhtmltopdf.util.LogMessageId.LogMessageId1Param;
import com.openhtmltopdf.util.XRLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.thymeleaf.TemplateEngine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PdfRendererLogTests {

    private final Logger general = (Logger) LoggerFactory.getLogger(XRLog.GENERAL);

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    private ch.qos.logback.classic.Level configured;

    @BeforeEach
    void listen() {
        new ReportPdf(new TemplateEngine());
        configured = general.getLevel();
        events.start();
        general.addAppender(events);
    }

    @AfterEach
    void stopListening() {
        general.detachAppender(events);
        general.setLevel(configured);
    }

    @Test
    void theReportInstallsItForOpenhtmltopdf() {
        assertThat(XRLog.getLoggerImpl()).isInstanceOf(PdfRendererLog.class);
    }

    @Test
    void openhtmltopdfsMessagesReachTheApplicationsLogUnderTheirOwnNameAndLevel() {
        general.setLevel(ch.qos.logback.classic.Level.DEBUG);

        XRLog.log(Level.WARNING, LogMessageId0Param.GENERAL_PDF_USING_FAST_MODE);
        XRLog.log(Level.INFO, LogMessageId1Param.GENERAL_MESSAGE, "a word");

        assertThat(events.list).extracting(ILoggingEvent::getLoggerName, event -> event.getLevel().toString())
                .containsExactly(tuple("com.openhtmltopdf.general", "WARN"), tuple("com.openhtmltopdf.general", "INFO"));
        assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("Using fast-mode renderer. Prepare to fly.", "a word");
    }

    @Test
    void aFailureKeepsItsCause() {
        XRLog.log(Level.SEVERE, LogMessageId1Param.GENERAL_MESSAGE, "could not lay out", new IllegalStateException("why"));

        assertThat(events.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("why");
        });
    }

    @Test
    void theLoggingConfigurationDecidesWhatIsWritten() {
        general.setLevel(ch.qos.logback.classic.Level.WARN);

        XRLog.log(Level.INFO, LogMessageId0Param.GENERAL_PDF_USING_FAST_MODE);
        XRLog.log(Level.SEVERE, LogMessageId0Param.GENERAL_PDF_USING_FAST_MODE);

        assertThat(events.list).extracting(event -> event.getLevel().toString()).containsExactly("ERROR");
    }

    @Test
    void julLevelsMapOntoSlf4jLevels() {
        assertThat(PdfRendererLog.slf4j(Level.SEVERE)).isEqualTo(org.slf4j.event.Level.ERROR);
        assertThat(PdfRendererLog.slf4j(Level.WARNING)).isEqualTo(org.slf4j.event.Level.WARN);
        assertThat(PdfRendererLog.slf4j(Level.INFO)).isEqualTo(org.slf4j.event.Level.INFO);
        assertThat(PdfRendererLog.slf4j(Level.CONFIG)).isEqualTo(org.slf4j.event.Level.DEBUG);
        assertThat(PdfRendererLog.slf4j(Level.FINE)).isEqualTo(org.slf4j.event.Level.DEBUG);
        assertThat(PdfRendererLog.slf4j(Level.FINEST)).isEqualTo(org.slf4j.event.Level.TRACE);
    }
}
