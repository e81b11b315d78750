package org.communedx.model.framework;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FrameworkRepository extends JpaRepository<Framework, Long> {

    Optional<Framework> findByCodeAndVersion(String code, String version);

    List<Framework> findAllByOrderByCodeAscVersionDesc();

    boolean existsByCodeAndVersion(String code, String version);
}
