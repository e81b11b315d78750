package org.communedx.service.framework;

import java.time.Clock;
import java.util.List;

import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkProblem;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.FrameworkRuleViolation;
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

    public List<FrameworkSummary> versions() {
        return frameworks.findAllByOrderByCodeAscVersionDesc().stream().map(FrameworkSummary::of).toList();
    }

    public FrameworkDetail version(String code, String version) {
        return FrameworkDetail.of(load(code, version));
    }

    @Transactional
    public FrameworkSummary cloneToDraft(String code, String version, String newVersion) {
        Framework source = load(code, version);
        if (frameworks.existsByCodeAndVersion(code, newVersion)) {
            throw new FrameworkRuleViolation(new FrameworkProblem(code, "framework.problem.versionTaken", newVersion));
        }
        return FrameworkSummary.of(frameworks.save(source.cloneAsDraft(newVersion)));
    }

    @Transactional
    public void publish(String code, String version) {
        load(code, version).publish(clock.instant());
    }

    @Transactional
    public void retire(String code, String version) {
        load(code, version).retire();
    }

    private Framework load(String code, String version) {
        return frameworks.findByCodeAndVersion(code, version)
                .orElseThrow(() -> new FrameworkNotFoundException(code, version));
    }
}
