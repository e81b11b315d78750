package org.communedx.model.mapping;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CarriedOverValueRepository extends JpaRepository<CarriedOverValue, Long> {
}
