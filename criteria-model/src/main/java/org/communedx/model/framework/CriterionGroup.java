package org.communedx.model.framework;

import java.util.ArrayList;
import java.util.Collections;
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

@Entity
@Table(name = "criterion_group")
public class CriterionGroup implements Positioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "framework_id")
    private Framework framework;

    @Column(nullable = false)
    private String code;

    @Column(name = "name_vi", nullable = false)
    private String nameVi;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(nullable = false)
    private int position;

    @OneToMany(mappedBy = "group", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Criterion> criteria = new ArrayList<>();

    protected CriterionGroup() {
    }

    CriterionGroup(Framework framework, String code, LocalizedText name, int position) {
        this.framework = framework;
        this.code = Framework.requireText(code, "group code");
        rename(name);
        this.position = position;
    }

    public Criterion addCriterion(CriterionDefinition definition) {
        framework.requireDraft();
        Criterion criterion = new Criterion(this, definition, criteria.size());
        criteria.add(criterion);
        return criterion;
    }

    public void removeCriterion(Criterion criterion) {
        framework.requireDraft();
        criteria.remove(criterion);
        Framework.renumber(criteria);
    }

    public void moveCriterion(Criterion criterion, int offset) {
        framework.requireDraft();
        Framework.move(criteria, criterion, offset);
    }

    public void edit(String newCode, LocalizedText name) {
        framework.requireDraft();
        this.code = Framework.requireText(newCode, "group code");
        rename(name);
    }

    private void rename(LocalizedText name) {
        this.nameVi = Framework.requireText(name.vi(), "group name (vi)");
        this.nameEn = Framework.requireText(name.en(), "group name (en)");
    }

    void copyInto(Framework target) {
        CriterionGroup copy = target.addGroup(code, name());
        for (Criterion criterion : criteria) {
            copy.addCriterion(criterion.definition());
        }
    }

    /**
     * What the audit trail records of the group, before and after a change: its version, code, names, place (counted
     * from 1, as the version's page lists the groups) and the codes of its criteria.
     */
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("framework", framework.label());
        snapshot.put("code", code);
        snapshot.put("nameVi", nameVi);
        snapshot.put("nameEn", nameEn);
        snapshot.put("place", position + 1);
        snapshot.put("criteria", criteria.stream().map(Criterion::getCode).toList());
        return snapshot;
    }

    /** {@link #snapshot()} with each criterion's own snapshot in place of its code. */
    Map<String, Object> contents() {
        Map<String, Object> contents = snapshot();
        contents.put("criteria", criteria.stream().map(Criterion::snapshot).toList());
        return contents;
    }

    @Override
    public void setPosition(int position) {
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public Framework getFramework() {
        return framework;
    }

    public String getCode() {
        return code;
    }

    public LocalizedText name() {
        return new LocalizedText(nameVi, nameEn);
    }

    public int getPosition() {
        return position;
    }

    public List<Criterion> getCriteria() {
        return Collections.unmodifiableList(criteria);
    }
}
