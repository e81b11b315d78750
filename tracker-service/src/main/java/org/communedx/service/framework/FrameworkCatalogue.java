package org.communedx.service.framework;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkProblem;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.FrameworkRuleViolation;
import org.communedx.model.framework.FrameworkStatus;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.framework.FrameworkViews.FrameworkDetail;
import org.communedx.service.framework.FrameworkViews.FrameworkSummary;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Framework versions: reading them, and the clone, publish and retire life cycle, each step audited. */
@Service
@Transactional(readOnly = true)
public class FrameworkCatalogue {

    private final FrameworkRepository frameworks;

    private final Clock clock;

    private final AuditLog audit;

    FrameworkCatalogue(FrameworkRepository frameworks, Clock clock, AuditLog audit) {
        this.frameworks = frameworks;
        this.clock = clock;
        this.audit = audit;
    }

    /** Every version for administrators and provincial managers; for everyone else, the published and retired ones. */
    public List<FrameworkSummary> versions() {
        boolean drafts = seesDrafts();
        return frameworks.findAllByOrderByCodeAscVersionDesc().stream()
                .filter(framework -> drafts || framework.getStatus() != FrameworkStatus.DRAFT)
                .map(FrameworkSummary::of).toList();
    }

    /** The draft versions not yet published, for the editors who publish them; nobody else has drafts to finish. */
    public List<FrameworkSummary> drafts() {
        FrameworkEditors.requireEditor();
        return frameworks.findAllByOrderByCodeAscVersionDesc().stream()
                .filter(framework -> framework.getStatus() == FrameworkStatus.DRAFT)
                .map(FrameworkSummary::of).toList();
    }

    /** @throws FrameworkNotFoundException also for a draft that the caller may not see */
    public FrameworkDetail version(String code, String version) {
        Framework framework = load(code, version);
        if (framework.getStatus() == FrameworkStatus.DRAFT && !seesDrafts()) {
            throw new FrameworkNotFoundException(code, version);
        }
        return FrameworkDetail.of(framework);
    }

    /**
     * A draft is unfinished work, for the administrators who edit it and the provincial managers who follow it; the
     * pages showed it to no one else, but the API, open to every signed-in user, showed it to all.
     */
    private static boolean seesDrafts() {
        return FrameworkEditors.mayReadDrafts();
    }

    @Transactional
    public FrameworkSummary cloneToDraft(String code, String version, String newVersion) {
        FrameworkEditors.requireEditor();
        Framework source = load(code, version);
        if (frameworks.existsByCodeAndVersionIgnoreCase(code, newVersion)) {
            throw new FrameworkRuleViolation(new FrameworkProblem(code, "framework.problem.versionTaken", newVersion));
        }
        Framework draft = frameworks.save(source.cloneAsDraft(newVersion));
        frameworks.flush();
        Map<String, Object> contents = draft.contents();
        contents.put("clonedFrom", source.label());
        audit.record(FrameworkAudit.FRAMEWORK, draft.getId(), "CLONE", null, contents);
        return FrameworkSummary.of(draft);
    }

    /** Refused with every problem, and then nothing is changed or audited. */
    @Transactional
    public void publish(String code, String version) {
        FrameworkEditors.requireEditor();
        Framework framework = load(code, version);
        Map<String, Object> before = framework.snapshot();
        framework.publish(clock.instant());
        audit.record(FrameworkAudit.FRAMEWORK, framework.getId(), "PUBLISH", before, framework.snapshot());
    }

    @Transactional
    public void retire(String code, String version) {
        FrameworkEditors.requireEditor();
        Framework framework = load(code, version);
        Map<String, Object> before = framework.snapshot();
        framework.retire();
        audit.record(FrameworkAudit.FRAMEWORK, framework.getId(), "RETIRE", before, framework.snapshot());
    }

    /**
     * Throws away a draft made by mistake ("2.0A" for "2.1"), audited with all it held. Nothing refers to a draft:
     * periods and mappings take published versions only. A published or retired version stays for good.
     * @return the version's label, "DX-XA 2.0A", for the page that says it is gone
     */
    @Transactional
    public String discardDraft(String code, String version) {
        FrameworkEditors.requireEditor();
        Framework framework = load(code, version);
        framework.requireDraft();
        Map<String, Object> contents = framework.contents();
        frameworks.delete(framework);
        frameworks.flush();
        audit.record(FrameworkAudit.FRAMEWORK, framework.getId(), "REMOVE", contents, null);
        return framework.label();
    }

    private Framework load(String code, String version) {
        return frameworks.findByCodeAndVersion(code, version)
                .orElseThrow(() -> new FrameworkNotFoundException(code, version));
    }
}
