package org.communedx.web.evidence;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.communedx.web.config.UnreadableParts;
import org.communedx.web.config.UnreadableUploadAnswer;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * An evidence upload that Tomcat cannot take apart goes back to its entry page with the reason in the user's
 * language: a file over the multipart limits, a file name so long that its part's header is over Tomcat's limit, or
 * one with a NUL in it. It only ever redirects to the entry page with a message.
 */
@Component
class UploadPartFailures implements UnreadableUploadAnswer {

    private final EvidenceUploadLimit limit;

    UploadPartFailures(EvidenceUploadLimit limit) {
        this.limit = limit;
    }

    @Override
    public boolean answers(HttpServletRequest request) {
        return EvidenceUploadLimit.upload(request).matches();
    }

    @Override
    public void answer(HttpServletRequest request, HttpServletResponse response, UnreadableParts reason)
            throws IOException {
        Matcher upload = EvidenceUploadLimit.upload(request);
        upload.matches();
        String entryPage = request.getContextPath() + upload.group(1);
        FlashMap flash = new FlashMap();
        flash.put("evidenceProblems", List.of(problem(reason)));
        flash.setTargetRequestPath(entryPage);
        new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
        response.sendRedirect(entryPage);
    }

    private EvidenceController.Problem problem(UnreadableParts reason) {
        return switch (reason) {
            case FILE_NAME_INVALID -> new EvidenceController.Problem("evidence.refused.fileName", List.of());
            case TOO_LARGE ->
                new EvidenceController.Problem("evidence.refused.tooLarge", List.of(limit.maxMegabytes()));
            case FILE_NAME_TOO_LONG -> new EvidenceController.Problem("evidence.refused.fileNameTooLong", List.of());
            case MALFORMED -> new EvidenceController.Problem("evidence.refused.unreadable", List.of());
        };
    }
}
