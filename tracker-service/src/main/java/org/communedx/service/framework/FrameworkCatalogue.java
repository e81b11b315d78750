package org.communedx.service.framework;

import java.time.Clock;
import java.util.List;

import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkProblem;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.FrameworkRuleViolation;
import org.communedx.model.framework.FrameworkStatus;
import org.communedx.service.framework.FrameworkViews.FrameworkDetail;
import org.communedx.service.framework.FrameworkViews.FrameworkSummary;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Framework versions: reading them, and the clone, publish and retire life cycle. */
@Service
@Transactional(readOnly = true)
public class FrameworkCatalogue {

    private final FrameworkRepository frameworks;

    private final Clock clock;

    FrameworkCatalogue(FrameworkRepository frameworks, Clock clock) {
        this.frameworks = frameworks;
        this.clock = clock;
    }

    /** Every version for administrators and provincial managers; for everyone else, the published and retired ones. */
    public List<FrameworkSummary> versions() {
        boolean drafts = seesDrafts();
        return frameworks.findAllByOrderByCodeAscVersionDesc().stream()
                .filter(framework -> drafts || framework.getStatus() != FrameworkStatus.DRAFT)
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
        if (frameworks.existsByCodeAndVersion(code, newVersion)) {
            throw new FrameworkRuleViolation(new FrameworkProblem(code, "framework.problem.versionTaken", newVersion));
        }
        return FrameworkSummary.of(frameworks.save(source.cloneAsDraft(newVersion)));
    }

    @Transactional
    public void publish(String code, String version) {
        FrameworkEditors.requireEditor();
        load(code, version).publish(clock.instant());
    }

    @Transactional
    public void retire(String code, String version) {
        FrameworkEditors.requireEditor();
        load(code, version).retire();
    }

    private Framework load(String code, String version) {
        return frameworks.findByCodeAndVersion(code, version)
                .orElseThrow(() -> new FrameworkNotFoundException(code, version));
    }
}
