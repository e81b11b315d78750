package org.communedx.service.mapping;

import java.util.List;

import org.communedx.model.framework.Criterion;
import org.communedx.model.mapping.FrameworkMapping;
import org.communedx.model.mapping.MappingKind;

/** A mapping as its files hold it: the two versions, and each link's kind and criterion codes. */
record MappingDocument(String fromCode, String fromVersion, String toCode, String toVersion, List<Link> links) {

    record Link(MappingKind kind, List<String> from, List<String> to) {
    }

    static MappingDocument of(FrameworkMapping mapping) {
        return new MappingDocument(mapping.getSource().getCode(), mapping.getSource().getVersion(),
                mapping.getTarget().getCode(), mapping.getTarget().getVersion(),
                mapping.getLinks().stream().map(link -> new Link(link.getKind(),
                        link.getSources().stream().map(Criterion::getCode).toList(),
                        link.getTargets().stream().map(Criterion::getCode).toList())).toList());
    }

    /** Codes as both files write them, separated by a comma and a space. */
    static String joined(List<String> codes) {
        return String.join(", ", codes);
    }
}
