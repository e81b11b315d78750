package org.communedx.model.framework;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FrameworkRepository extends JpaRepository<Framework, Long> {

    Optional<Framework> findByCodeAndVersion(String code, String version);

    List<Framework> findAllByOrderByCodeAscVersionDesc();

    boolean existsByCodeAndVersion(String code, String version);

    /** Versions that differ only in case (2.0a, 2.0A) would be told apart by their addresses alone. */
    boolean existsByCodeAndVersionIgnoreCase(String code, String version);
}
