package org.communedx.service.framework;

import java.util.List;

import org.communedx.model.framework.CriterionDefinition;
import org.communedx.model.framework.CriterionGroup;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.ScoreClasses;
import org.communedx.model.framework.ScoreSettings;

/** A framework version as a file holds it, whatever the format: what is exported and what an import creates. */
record FrameworkDocument(String code, String version, LocalizedText title, ScoreSettings scoreSettings,
        List<GroupDocument> groups, ScoreClasses scoreClasses) {

    FrameworkDocument(String code, String version, LocalizedText title, ScoreSettings scoreSettings,
            List<GroupDocument> groups) {
        this(code, version, title, scoreSettings, groups, ScoreClasses.NONE);
    }

    static FrameworkDocument of(Framework framework) {
        return new FrameworkDocument(framework.getCode(), framework.getVersion(), framework.title(),
                framework.scoreSettings(), framework.getGroups().stream().map(GroupDocument::of).toList(),
                framework.scoreClasses());
    }

    /** A new draft holding every group and criterion of this document, in order. */
    Framework toDraft(String newVersion) {
        Framework framework = Framework.draft(code, newVersion, title);
        framework.changeScoreSettings(scoreSettings);
        framework.changeScoreClasses(scoreClasses);
        for (GroupDocument group : groups) {
            CriterionGroup added = framework.addGroup(group.code(), group.name());
            group.criteria().forEach(added::addCriterion);
        }
        return framework;
    }

    record GroupDocument(String code, LocalizedText name, List<CriterionDefinition> criteria) {

        static GroupDocument of(CriterionGroup group) {
            return new GroupDocument(group.getCode(), group.name(),
                    group.getCriteria().stream().map(criterion -> criterion.definition()).toList());
        }
    }
}
