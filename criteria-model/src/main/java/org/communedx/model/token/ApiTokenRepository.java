package org.communedx.model.token;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    /**
     * The id of the unit a token {@code t} is at on {@code :today}: the unit holding its code that day, else the last
     * that held it; null for an administrator's token. After a merger the same code names a unit of the old province
     * before it and one of the new after, so a scope is asked of this unit, never of the code.
     */
    String UNIT_ID = """
            (select h.id from administrative_unit h
             where h.code = t.unit_code and (h.valid_from is null or h.valid_from <= :today)
             order by h.valid_to desc nulls first limit 1)""";

    String VISIBLE = "(:everywhere or " + UNIT_ID + " in (:unitIds))";

    /**
     * The tokens whose unit is one of {@code unitIds} (every token when {@code everywhere}), none of an
     * administrator's unless {@code everywhere}, newest first: what one issuer may see and revoke.
     */
    @Query(value = "select t.* from api_token t where " + VISIBLE + " order by t.created_at desc, t.id desc",
            countQuery = "select count(*) from api_token t where " + VISIBLE, nativeQuery = true)
    Page<ApiToken> findVisible(boolean everywhere, Collection<Long> unitIds, LocalDate today, Pageable pageable);

    /** The token, if {@link #findVisible(boolean, Collection, LocalDate, Pageable)} lists it. */
    @Query(value = "select t.* from api_token t where t.id = :id and " + VISIBLE, nativeQuery = true)
    Optional<ApiToken> findVisible(long id, boolean everywhere, Collection<Long> unitIds, LocalDate today);
}
