package org.communedx.service.mapping;

import java.time.Instant;
import java.util.Optional;

import org.communedx.model.mapping.CarriedOverValue;
import org.communedx.model.mapping.CarriedOverValueRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where an entry's value was carried over from, for its page; the page has checked the caller's scope. */
@Service
@Transactional(readOnly = true)
public class CarryOvers {

    private final CarriedOverValueRepository marks;

    CarryOvers(CarriedOverValueRepository marks) {
        this.marks = marks;
    }

    /** @param entryId a stored entry the caller may read; {@code null} (an entry not stored yet) has none */
    public Optional<CarriedOver> forEntry(Long entryId) {
        return entryId == null ? Optional.empty() : marks.findById(entryId).map(CarriedOver::of);
    }

    public record CarriedOver(String periodName, String criterionCode, Instant carriedAt, String carriedBy) {

        static CarriedOver of(CarriedOverValue mark) {
            return new CarriedOver(mark.getSourcePeriodName(), mark.getSourceCriterionCode(), mark.getCarriedAt(),
                    mark.getCarriedBy());
        }
    }
}
