package org.communedx.web.startup;

import java.io.PrintStream;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports a start-up failure that Spring Boot understands as a single line on standard error. The people
 * who start the tracker are district IT officers, not Java developers: a stack-trace wall hides the one
 * sentence they need. (The default multi-line report is switched off in application.yml.)
 */
public class OneLineFailureReporter implements FailureAnalysisReporter {

    private final PrintStream out;

    public OneLineFailureReporter() {
        this(System.err);
    }

    OneLineFailureReporter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void report(FailureAnalysis analysis) {
        out.println(line(analysis));
        out.flush();
    }

    static String line(FailureAnalysis analysis) {
        String text = "Commune DX Tracker could not start: " + analysis.getDescription()
                + (analysis.getAction() == null ? "" : " " + analysis.getAction());
        return text.replaceAll("\\s+", " ").trim();
    }
}
