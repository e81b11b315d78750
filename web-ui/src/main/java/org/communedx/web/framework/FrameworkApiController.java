package org.communedx.web.framework;

import java.math.BigDecimal;
import java.util.List;

import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.FrameworkStatus;
import org.communedx.model.framework.MeasurementType;
import org.communedx.service.framework.FrameworkCatalogue;
import org.communedx.service.framework.FrameworkViews.CriterionView;
import org.communedx.service.framework.FrameworkViews.FrameworkDetail;
import org.communedx.service.framework.FrameworkViews.GroupView;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read-only framework data for provincial systems and scripts. */
@RestController
@RequestMapping("/api/v1/frameworks")
class FrameworkApiController {

    private final FrameworkCatalogue catalogue;

    FrameworkApiController(FrameworkCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    List<FrameworkVersion> versions() {
        return catalogue.versions().stream()
                .map(summary -> new FrameworkVersion(summary.code(), summary.version(), summary.status()))
                .toList();
    }

    @GetMapping("/{code}/{version}")
    FrameworkDocument version(@PathVariable String code, @PathVariable String version) {
        FrameworkDetail detail = catalogue.version(code, version);
        return new FrameworkDocument(detail.code(), detail.version(), detail.status(),
                detail.groups().stream().map(GroupDocument::of).toList());
    }

    record FrameworkVersion(String code, String version, FrameworkStatus status) {
    }

    record FrameworkDocument(String code, String version, FrameworkStatus status, List<GroupDocument> groups) {
    }

    record GroupDocument(String code, String nameVi, String nameEn, List<CriterionDocument> criteria) {

        static GroupDocument of(GroupView group) {
            return new GroupDocument(group.code(), group.name().vi(), group.name().en(),
                    group.criteria().stream().map(CriterionDocument::of).toList());
        }
    }

    record CriterionDocument(String code, String nameVi, String nameEn, MeasurementType type, BigDecimal target,
            Comparison comparison, BigDecimal weight) {

        static CriterionDocument of(CriterionView criterion) {
            return new CriterionDocument(criterion.code(), criterion.name().vi(), criterion.name().en(),
                    criterion.type(), criterion.target(), criterion.comparison(), criterion.weight());
        }
    }
}
