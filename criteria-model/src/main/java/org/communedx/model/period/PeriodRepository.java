package org.communedx.model.period;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PeriodRepository extends JpaRepository<Period, Long> {

    @Query("select p from Period p join fetch p.framework order by p.year desc, p.startDate desc")
    List<Period> findAllNewestFirst();

    @Query("select p from Period p join fetch p.framework where p.id = :id")
    Optional<Period> findWithFramework(long id);

    Optional<Period> findByName(String name);
}
