package org.communedx.service.unit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.communedx.model.RuleViolation;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.scope.Scopes;
import org.communedx.service.unit.UnitViews.UnitSummary;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes a unit created by mistake (a test commune, a code mistyped in a list): only while nothing refers to it, so
 * that no history is lost. Units the tracker has used (a commune with an assessment, a district with communes, a
 * unit in a plan or a merger) stay; their names are mended by importing the list again. Administrators only; audited.
 */
@Service
@Transactional(readOnly = true)
public class UnitRemoval {

    private final AdministrativeUnitRepository units;

    private final Scopes scopes;

    private final JdbcClient jdbc;

    private final AuditLog audit;

    UnitRemoval(AdministrativeUnitRepository units, Scopes scopes, JdbcClient jdbc, AuditLog audit) {
        this.units = units;
        this.scopes = scopes;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * What would keep a unit: each a message key ({@code unit.remove.use.*}) with how many.
     * @param count how many refer to the unit that way
     */
    public record Use(String messageKey, long count) {
    }

    /** The unit, and what refers to it: it may be removed when {@code uses} is empty. */
    public record Removal(long id, UnitSummary unit, List<Use> uses) {

        public boolean possible() {
            return uses.isEmpty();
        }
    }

    /** What removing the unit {@code id}, of code {@code code}, would meet. Administrators only. */
    public Removal removal(String code, long id) {
        AdministrativeUnit unit = load(code, id);
        return new Removal(id, UnitSummary.of(unit), uses(unit));
    }

    /**
     * Removes the unit, audited as {@code REMOVE} with what it was.
     * @throws RuleViolation {@code unit.remove.inUse} when something refers to it now
     */
    @Transactional
    public UnitSummary remove(String code, long id) {
        AdministrativeUnit unit = load(code, id);
        // Held until commit: an assessment or a child made meanwhile would otherwise point at a removed unit.
        jdbc.sql("select id from administrative_unit where id = :id for update").param("id", id).query(Long.class)
                .single();
        if (!uses(unit).isEmpty()) {
            throw new RuleViolation("unit.remove.inUse");
        }
        UnitSummary removed = UnitSummary.of(unit);
        units.delete(unit);
        units.flush();
        // What the unit was, in the fields the trail names: its name says its type ("Xã Thử").
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("code", removed.code());
        was.put("name", removed.name());
        was.put("parentCode", removed.parentCode());
        was.put("parentName", removed.parentName());
        was.put("validFrom", removed.validFrom());
        was.put("validTo", removed.validTo());
        audit.record(UnitSettings.AUDIT_TYPE, id, "REMOVE", was, null);
        return removed;
    }

    private AdministrativeUnit load(String code, long id) {
        if (!scopes.current().everything()) {
            throw new AccessDeniedException("Only an administrator removes a unit");
        }
        return units.findById(id).filter(unit -> unit.getCode().equals(code))
                .orElseThrow(() -> new UnitNotFoundException(code));
    }

    /**
     * Everything that refers to the unit, in one query. Accounts and API tokens name their unit by code: they are the
     * unit's when it is the one that holds the code last ({@code findLastHolders}); another unit of the code that
     * holds it later keeps them.
     */
    private List<Use> uses(AdministrativeUnit unit) {
        boolean holdsAccounts = units.findLastHolders(List.of(unit.getCode())).stream()
                .anyMatch(holder -> unit.getId().equals(holder.getId()));
        Map<String, Object> counts = jdbc.sql("""
                select (select count(*) from administrative_unit where parent_id = :id) as children,
                    (select count(*) from assessment where unit_id = :id) as assessments,
                    (select count(*) from plan where scope_unit_id = :id)
                        + (select count(*) from plan_commune where unit_id = :id) as plans,
                    (select count(*) from unit_succession where predecessor_id = :id or successor_id = :id)
                        as successions,
                    (select count(*) from suggested_value where unit_id = :id) as suggestions,
                    (select count(*) from notification where unit_id = :id) as notices,
                    case when :holder then (select count(*) from user_account where unit_code = :code) else 0 end
                        as accounts,
                    case when :holder then (select count(*) from api_token where unit_code = :code
                        and revoked_at is null and expires_at > now()) else 0 end as tokens""")
                .param("id", unit.getId()).param("code", unit.getCode()).param("holder", holdsAccounts).query()
                .singleRow();
        List<Use> uses = new ArrayList<>();
        counts.forEach((kind, count) -> {
            long n = ((Number) count).longValue();
            if (n > 0) {
                uses.add(new Use("unit.remove.use." + kind, n));
            }
        });
        return uses;
    }
}
