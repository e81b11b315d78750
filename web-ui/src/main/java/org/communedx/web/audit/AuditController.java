package org.communedx.web.audit;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.communedx.service.audit.AuditSearch;
import org.communedx.service.audit.AuditSearch.AuditPage;
import org.communedx.service.audit.AuditSearch.AuditRow;
import org.communedx.service.audit.AuditSearch.Filter;
import org.communedx.service.audit.AuditText;
import org.communedx.service.report.Labels;
import org.communedx.web.report.Downloads;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail for administrators: filter by who, which unit, what kind of record and action, and when; page
 * through it, or download what matches as CSV.
 */
@Controller
class AuditController {

    /**
     * What the trail records, for the filter's choices: every kind and action that has a label
     * ({@code audit.entity.*}, {@code audit.action.*}; AuditFilterChoicesTests holds the two together).
     */
    static final List<String> ENTITY_TYPES = List.of("CRITERION_ENTRY", "ENTRY_COMMENT", "EVIDENCE",
            "SUGGESTED_VALUES", "PERIOD", "PLAN", "FRAMEWORK", "CRITERION_GROUP", "CRITERION", "FRAMEWORK_MAPPING",
            "USER", "ADMINISTRATIVE_UNIT", "UNITS", "EVIDENCE_STORE", "API_TOKEN", "LOGIN_ATTEMPTS");

    static final List<String> ACTIONS = List.of("CREATE", "EDIT", "SAVE_VALUE", "SUBMIT", "APPROVE", "RETURN",
            "REOPEN", "REOPEN_FOR_COMMUNE", "POST_COMMENT", "REQUEST_NOT_APPLICABLE", "APPROVE_NOT_APPLICABLE",
            "ADD_EVIDENCE", "REMOVE_EVIDENCE", "RECEIVE", "TAKE_SUGGESTION", "SUBMIT_FROM_SYSTEM", "CARRY_OVER",
            "REMOVE", "MOVE", "CLONE", "IMPORT_FRAMEWORK", "PUBLISH", "RETIRE", "IMPORT_MAPPING", "REPLACE_MAPPING",
            "PREFILL", "IMPORT_USER", "DISABLE", "ENABLE", "RESET_PASSWORD", "CHANGE_PASSWORD", "IMPORT_UNIT_LIST",
            "IMPORT_UNIT_MERGES", "MIGRATE_TO_S3", "ISSUE", "REVOKE", "RETENTION", "RELEASE");

    /** The text of changes that one line of a row shows before it folds them under a disclosure. */
    static final int FOLD_AFTER = 90;

    private static final int MAX_ACTOR = 64;

    private static final int MAX_UNIT = 5;

    private final AuditSearch audit;

    private final MessageSource messages;

    AuditController(AuditSearch audit, MessageSource messages) {
        this.audit = audit;
        this.messages = messages;
    }

    /** One event as the page shows it, in words. */
    record EventView(AuditRow row, String kind, String action, String subject, List<String> changes) {

        /**
         * Whether the changes take more than the row's line: then the row shows the start of them on one line, and
         * all of them, whole, under a disclosure.
         */
        public boolean folded() {
            return changes.stream().mapToInt(String::length).sum() > FOLD_AFTER;
        }
    }

    @GetMapping("/audit")
    String search(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String unit,
            @RequestParam(defaultValue = "") String entityType, @RequestParam(defaultValue = "") String action,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "1") int page, Model model, Locale locale) {
        Filter filter = filter(actor, unit, entityType, action, from, to);
        AuditPage found = audit.search(filter, page - 1);
        Labels labels = new Labels(messages, locale);
        model.addAttribute("filter", filter);
        model.addAttribute("entityTypes", ENTITY_TYPES);
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("events", found.rows().stream().map(row -> new EventView(row,
                AuditText.kind(row.entityType(), labels), AuditText.action(row.action(), labels),
                AuditText.subject(row, labels), AuditText.changes(row, labels))).toList());
        model.addAttribute("page", found.page() + 1);
        model.addAttribute("hasPrevious", found.hasPrevious());
        model.addAttribute("hasNext", found.hasNext());
        model.addAttribute("pageSize", AuditSearch.PAGE_SIZE);
        model.addAttribute("exportLimit", AuditSearch.EXPORT_LIMIT);
        return "audit/list";
    }

    /** The events the same filters find, newest first, at most {@link AuditSearch#EXPORT_LIMIT}. */
    @GetMapping("/audit.csv")
    void export(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String unit,
            @RequestParam(defaultValue = "") String entityType, @RequestParam(defaultValue = "") String action,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            Locale locale, HttpServletResponse response) throws IOException {
        Filter filter = filter(actor, unit, entityType, action, from, to);
        Labels labels = new Labels(messages, locale);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition(labels.get("audit.file") + ".csv"));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        audit.export(filter, labels, response.getOutputStream());
    }

    /** Text cut to its bound, and a kind or action the trail does not know left out rather than searched for. */
    private static Filter filter(String actor, String unit, String entityType, String action, LocalDate from,
            LocalDate to) {
        return new Filter(cut(actor, MAX_ACTOR), cut(unit, MAX_UNIT),
                ENTITY_TYPES.contains(entityType) ? entityType : "", ACTIONS.contains(action) ? action : "", from, to);
    }

    private static String cut(String text, int max) {
        String stripped = text.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }
}
