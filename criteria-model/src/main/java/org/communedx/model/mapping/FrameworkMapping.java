package org.communedx.model.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.communedx.model.framework.Criterion;
import org.communedx.model.framework.CriterionGroup;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkStatus;

/**
 * How the criteria of one published framework version correspond to those of another. A mapping accounts for every
 * criterion of both versions exactly once on its side: each old one is kept (SAME), split, merged or dropped, and
 * each new one comes from one of those or is NEW. {@link #define} checks all of it and refuses the whole mapping
 * with every problem, so that a mapping that exists is always complete and consistent.
 */
@Entity
@Table(name = "framework_mapping")
public class FrameworkMapping {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_framework_id")
    private Framework source;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "target_framework_id")
    private Framework target;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @Column(name = "imported_by", nullable = false)
    private String importedBy;

    @OneToMany(mappedBy = "mapping", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<MappingLink> links = new ArrayList<>();

    protected FrameworkMapping() {
    }

    /**
     * A mapping from {@code source} to {@code target} with the given links, their criteria named by code.
     * @throws MappingRuleViolation with every problem, each with the index of its link in {@code links} (or none
     *     for the mapping as a whole)
     */
    public static FrameworkMapping define(Framework source, Framework target, List<LinkDefinition> links,
            String importedBy, Instant now) {
        List<MappingProblem> problems = new ArrayList<>();
        if (source.getId() != null && source.getId().equals(target.getId())) {
            problems.add(MappingProblem.ofMapping("mapping.problem.sameVersion", source.getVersion()));
        }
        for (Framework framework : List.of(source, target)) {
            if (framework.getStatus() == FrameworkStatus.DRAFT) {
                problems.add(MappingProblem.ofMapping("mapping.problem.notPublished", framework.getCode(),
                        framework.getVersion()));
            }
        }
        Map<String, Criterion> sourceCriteria = criteria(source);
        Map<String, Criterion> targetCriteria = criteria(target);
        Map<String, Integer> sourceUsed = new HashMap<>();
        Map<String, Integer> targetUsed = new HashMap<>();
        FrameworkMapping mapping = new FrameworkMapping();
        mapping.source = source;
        mapping.target = target;
        mapping.importedBy = importedBy;
        mapping.importedAt = now;
        for (int i = 0; i < links.size(); i++) {
            LinkDefinition link = links.get(i);
            if (!link.kind().accepts(link.sourceCodes().size(), link.targetCodes().size())) {
                problems.add(new MappingProblem(i, "mapping.problem.kindCounts", List.of(link.kind().name(),
                        link.sourceCodes().size(), link.targetCodes().size())));
            }
            List<Criterion> sources = resolve(i, link.sourceCodes(), sourceCriteria, sourceUsed, source,
                    "mapping.problem.unknownSource", "mapping.problem.sourceTwice", problems);
            List<Criterion> targets = resolve(i, link.targetCodes(), targetCriteria, targetUsed, target,
                    "mapping.problem.unknownTarget", "mapping.problem.targetTwice", problems);
            mapping.links.add(new MappingLink(mapping, i, link.kind(), sources, targets));
        }
        sourceCriteria.keySet().stream().filter(code -> !sourceUsed.containsKey(code)).forEach(code -> problems.add(
                MappingProblem.ofMapping("mapping.problem.sourceMissing", code, source.getVersion())));
        targetCriteria.keySet().stream().filter(code -> !targetUsed.containsKey(code)).forEach(code -> problems.add(
                MappingProblem.ofMapping("mapping.problem.targetMissing", code, target.getVersion())));
        if (!problems.isEmpty()) {
            throw new MappingRuleViolation(problems);
        }
        return mapping;
    }

    private static List<Criterion> resolve(int link, List<String> codes, Map<String, Criterion> criteria,
            Map<String, Integer> used, Framework framework, String unknownKey, String twiceKey,
            List<MappingProblem> problems) {
        List<Criterion> resolved = new ArrayList<>();
        for (String code : codes) {
            Criterion criterion = criteria.get(code);
            if (criterion == null) {
                problems.add(new MappingProblem(link, unknownKey, List.of(code, framework.getVersion())));
                continue;
            }
            Integer earlier = used.putIfAbsent(code, link);
            if (earlier != null) {
                problems.add(new MappingProblem(link, twiceKey, List.of(code, earlier + 1)));
                continue;
            }
            resolved.add(criterion);
        }
        return resolved;
    }

    /** The version's criteria by code, in the framework's order. */
    private static Map<String, Criterion> criteria(Framework framework) {
        Map<String, Criterion> criteria = new LinkedHashMap<>();
        for (CriterionGroup group : framework.getGroups()) {
            for (Criterion criterion : group.getCriteria()) {
                criteria.put(criterion.getCode(), criterion);
            }
        }
        return criteria;
    }

    public Long getId() {
        return id;
    }

    public Framework getSource() {
        return source;
    }

    public Framework getTarget() {
        return target;
    }

    public Instant getImportedAt() {
        return importedAt;
    }

    public String getImportedBy() {
        return importedBy;
    }

    public List<MappingLink> getLinks() {
        return Collections.unmodifiableList(links);
    }

    /** One link as a file states it: its kind and the codes of its old and new criteria. */
    public record LinkDefinition(MappingKind kind, List<String> sourceCodes, List<String> targetCodes) {

        public LinkDefinition {
            sourceCodes = List.copyOf(sourceCodes);
            targetCodes = List.copyOf(targetCodes);
        }
    }
}
