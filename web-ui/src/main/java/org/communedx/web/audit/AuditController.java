package org.communedx.web.audit;

import java.time.LocalDate;
import java.util.List;

import org.communedx.service.audit.AuditSearch;
import org.communedx.service.audit.AuditSearch.AuditRecord;
import org.communedx.service.audit.AuditSearch.Filter;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for administrators: filter by who, what and when. */
@Controller
class AuditController {

    /** What the trail records today, for the filter's choices. */
    static final List<String> ENTITY_TYPES = List.of("CRITERION_ENTRY", "EVIDENCE", "PERIOD", "PLAN", "FRAMEWORK",
            "CRITERION_GROUP", "CRITERION", "FRAMEWORK_MAPPING");

    static final List<String> ACTIONS = List.of("CREATE", "EDIT", "SAVE_VALUE", "SUBMIT", "APPROVE", "RETURN",
            "REOPEN", "REQUEST_NOT_APPLICABLE", "APPROVE_NOT_APPLICABLE", "ADD_EVIDENCE", "REMOVE_EVIDENCE",
            "CARRY_OVER", "REMOVE", "MOVE", "CLONE", "IMPORT_FRAMEWORK", "PUBLISH", "RETIRE", "IMPORT_MAPPING",
            "REPLACE_MAPPING", "PREFILL");

    private final AuditSearch audit;

    AuditController(AuditSearch audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String search(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String entityType,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        Filter filter = new Filter(actor, ENTITY_TYPES.contains(entityType) ? entityType : "",
                ACTIONS.contains(action) ? action : "", from, to);
        List<AuditRecord> found = audit.search(filter);
        model.addAttribute("filter", filter);
        model.addAttribute("entityTypes", ENTITY_TYPES);
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("events", found.stream().limit(AuditSearch.PAGE_SIZE).toList());
        model.addAttribute("more", found.size() > AuditSearch.PAGE_SIZE);
        model.addAttribute("pageSize", AuditSearch.PAGE_SIZE);
        return "audit/list";
    }
}
