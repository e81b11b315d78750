package org.communedx.model.unit;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An old unit that went, wholly or in part, into a new one; history is combined along these links. */
@Entity
@Table(name = "unit_succession")
public class UnitSuccession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "predecessor_id", updatable = false)
    private AdministrativeUnit predecessor;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "successor_id", updatable = false)
    private AdministrativeUnit successor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SuccessionKind kind;

    @Column(name = "effective_date", nullable = false)
    private LocalDate effectiveDate;

    @Column(name = "legal_basis")
    private String legalBasis;

    protected UnitSuccession() {
    }

    public UnitSuccession(AdministrativeUnit predecessor, AdministrativeUnit successor, SuccessionKind kind,
            LocalDate effectiveDate, String legalBasis) {
        if (predecessor == successor) {
            throw new IllegalArgumentException("A unit does not succeed itself: " + predecessor.getCode());
        }
        this.predecessor = predecessor;
        this.successor = successor;
        this.effectiveDate = effectiveDate;
        restate(kind, legalBasis);
    }

    /** A re-import may correct the kind or the legal basis. @return whether anything changed */
    public boolean restate(SuccessionKind newKind, String newLegalBasis) {
        String basis = newLegalBasis == null || newLegalBasis.isBlank() ? null : newLegalBasis.strip();
        boolean changed = newKind != kind || !Objects.equals(basis, legalBasis);
        this.kind = Objects.requireNonNull(newKind, "kind");
        this.legalBasis = basis;
        return changed;
    }

    public Long getId() {
        return id;
    }

    public AdministrativeUnit getPredecessor() {
        return predecessor;
    }

    public AdministrativeUnit getSuccessor() {
        return successor;
    }

    public SuccessionKind getKind() {
        return kind;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public String getLegalBasis() {
        return legalBasis;
    }
}
