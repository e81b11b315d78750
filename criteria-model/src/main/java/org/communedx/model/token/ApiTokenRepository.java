package org.communedx.model.token;

import java.util.Collection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    /**
     * The tokens whose unit is in {@code scope} (every token when {@code everywhere}), none of an administrator's
     * unless {@code everywhere}: what one issuer may see and revoke.
     */
    @Query("select t from ApiToken t where :everywhere = true or t.unitCode in :scope")
    Page<ApiToken> findVisible(boolean everywhere, Collection<String> scope, Pageable pageable);
}
