package org.communedx.service.mapping;

import java.time.Instant;
import java.util.List;

import org.communedx.model.framework.Criterion;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.mapping.FrameworkMapping;
import org.communedx.model.mapping.MappingKind;
import org.communedx.model.mapping.MappingLink;

/** What the mapping pages show. */
public final class MappingViews {

    private MappingViews() {
    }

    public record MappingSummary(long id, String fromCode, String fromVersion, String toCode, String toVersion,
            int linkCount, Instant importedAt, String importedBy) {

        static MappingSummary of(FrameworkMapping mapping) {
            return new MappingSummary(mapping.getId(), mapping.getSource().getCode(), mapping.getSource().getVersion(),
                    mapping.getTarget().getCode(), mapping.getTarget().getVersion(), mapping.getLinks().size(),
                    mapping.getImportedAt(), mapping.getImportedBy());
        }
    }

    /**
     * @param periods the periods on the new version, which a prefill may fill
     */
    public record MappingDetail(MappingSummary summary, List<LinkView> links, List<PeriodOption> periods) {
    }

    /** @param carriedTo the codes of the new criteria this link carries a value to */
    public record LinkView(MappingKind kind, List<CriterionRef> from, List<CriterionRef> to, List<String> carriedTo) {

        static LinkView of(MappingLink link) {
            return new LinkView(link.getKind(), link.getSources().stream().map(CriterionRef::of).toList(),
                    link.getTargets().stream().map(CriterionRef::of).toList(),
                    link.carries().stream().map(carry -> carry.target().getCode()).toList());
        }

        public boolean carries(String code) {
            return carriedTo.contains(code);
        }
    }

    public record CriterionRef(String code, LocalizedText name, MeasurementType type) {

        static CriterionRef of(Criterion criterion) {
            return new CriterionRef(criterion.getCode(), criterion.name(), criterion.getType());
        }
    }

    public record PeriodOption(long id, String name) {
    }
}
