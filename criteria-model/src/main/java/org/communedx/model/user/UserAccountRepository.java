package org.communedx.model.user;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @Query("select u from UserAccount u where lower(u.username) = lower(?1)")
    Optional<UserAccount> findByUsername(String username);

    /** The enabled accounts whose unit is {@code unitCode}: those a notice about that unit may concern. */
    @Query("select u from UserAccount u where u.unitCode = ?1 and u.enabled = true order by u.id")
    List<UserAccount> findEnabledByUnitCode(String unitCode);

    /**
     * Notes a login on the account's one column, without loading it: a login that wrote the whole account back would
     * undo a change committed meanwhile (an administrator disabling it), and moves no version.
     */
    @Modifying
    @Query("update UserAccount u set u.lastLoginAt = ?2 where lower(u.username) = lower(?1)")
    void recordLogin(String username, Instant at);

    @Query("select count(u) > 0 from UserAccount u where lower(u.username) = lower(?1)")
    boolean existsByUsername(String username);

    /**
     * Accounts with one of {@code roles} whose unit is in {@code scope} (ignored when {@code everywhere}), and whose
     * username or name contains {@code text}, or whose unit code is {@code text}. {@code text} is
     * {@linkplain org.communedx.model.Unicode#fold folded}, with LIKE's wildcards escaped with '\'; empty matches
     * everyone.
     */
    @Query("select u from UserAccount u where u.role in :roles"
            + " and (:everywhere = true or u.unitCode in :scope)"
            + " and (:text = '' or lower(u.username) like concat('%', :text, '%') escape '\\'"
            + " or u.searchName like concat('%', :text, '%') escape '\\' or u.unitCode = :text)")
    Page<UserAccount> search(String text, Collection<Role> roles, boolean everywhere, Collection<String> scope,
            Pageable pageable);
}
