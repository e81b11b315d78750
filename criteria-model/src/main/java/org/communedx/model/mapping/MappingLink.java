package org.communedx.model.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.communedx.model.framework.Criterion;

/** One correspondence of a {@link FrameworkMapping}: a kind, the old criteria and the new ones. */
@Entity
@Table(name = "framework_mapping_link")
public class MappingLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "mapping_id")
    private FrameworkMapping mapping;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MappingKind kind;

    @ManyToMany
    @JoinTable(name = "framework_mapping_link_source", joinColumns = @JoinColumn(name = "link_id"),
            inverseJoinColumns = @JoinColumn(name = "criterion_id"))
    @OrderColumn(name = "position")
    private List<Criterion> sources = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "framework_mapping_link_target", joinColumns = @JoinColumn(name = "link_id"),
            inverseJoinColumns = @JoinColumn(name = "criterion_id"))
    @OrderColumn(name = "position")
    private List<Criterion> targets = new ArrayList<>();

    protected MappingLink() {
    }

    MappingLink(FrameworkMapping mapping, int position, MappingKind kind, List<Criterion> sources,
            List<Criterion> targets) {
        this.mapping = mapping;
        this.position = position;
        this.kind = kind;
        this.sources.addAll(sources);
        this.targets.addAll(targets);
    }

    /**
     * The pairs of an old and a new criterion whose values a prefill carries over; the one place that rule is
     * written. A value only means the same under the same measurement type, so only such pairs carry. SAME carries
     * the old value to the new criterion; SPLIT to each new criterion of the old one's type, since each part was
     * measured by the whole before; MERGED carries nothing, since no one part's value measures the whole (the
     * commune enters it anew); NEW and DROPPED have nothing to carry.
     */
    public List<Carry> carries() {
        return switch (kind) {
            case SAME, SPLIT -> targets.stream().filter(target -> target.getType() == sources.get(0).getType())
                    .map(target -> new Carry(sources.get(0), target)).toList();
            case MERGED, NEW, DROPPED -> List.of();
        };
    }

    /** An old criterion whose value goes to a new one. */
    public record Carry(Criterion source, Criterion target) {
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public MappingKind getKind() {
        return kind;
    }

    public List<Criterion> getSources() {
        return Collections.unmodifiableList(sources);
    }

    public List<Criterion> getTargets() {
        return Collections.unmodifiableList(targets);
    }
}
