package org.communedx.web.unit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;

import org.communedx.model.unit.SuccessionKind;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitType;
import org.communedx.service.unit.UnitDirectory;
import org.communedx.service.unit.UnitViews.SuccessionView;
import org.communedx.service.unit.UnitViews.UnitDetail;
import org.communedx.service.unit.UnitViews.UnitSummary;

import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only units for provincial systems and scripts; the search is the units page's. */
@RestController
@RequestMapping("/api/v1/units")
class UnitApiController {

    private final UnitDirectory directory;

    UnitApiController(UnitDirectory directory) {
        this.directory = directory;
    }

    /**
     * The units whose name or code matches, in the caller's scope. Without a search, 400 naming {@code q}, as the API
     * refuses any parameter missing or out of its bounds: an empty list had answered, as if the scope held no unit.
     */
    @GetMapping
    List<UnitDocument> search(@Parameter(description = "A code, or words of a name from the start of a word"
            + " (without tone marks or with)") @RequestParam @NotBlank String q,
            @RequestParam(required = false) LocalDate asOf) {
        return directory.search(q, asOf != null ? asOf : directory.today()).stream().map(UnitDocument::of).toList();
    }

    @GetMapping("/{code}")
    UnitDetailDocument unit(@PathVariable String code,
            @RequestParam(required = false) LocalDate asOf) {
        UnitDetail detail = directory.detail(code, Optional.ofNullable(asOf));
        UnitSummary unit = detail.unit();
        return new UnitDetailDocument(unit.code(), unit.name(), unit.level(), unit.type(), unit.validFrom(),
                unit.validTo(), unit.parentCode() == null ? null : new UnitReference(unit.parentCode(), unit.parentName()),
                detail.children().stream().map(UnitDocument::of).toList(),
                detail.predecessors().stream().map(SuccessionDocument::of).toList(),
                detail.successors().stream().map(SuccessionDocument::of).toList());
    }

    record UnitReference(String code, String name) {
    }

    record UnitDocument(String code, String name, UnitLevel level, UnitType type, LocalDate validFrom,
            LocalDate validTo, String parentCode) {

        static UnitDocument of(UnitSummary unit) {
            return new UnitDocument(unit.code(), unit.name(), unit.level(), unit.type(), unit.validFrom(),
                    unit.validTo(), unit.parentCode());
        }
    }

    record UnitDetailDocument(String code, String name, UnitLevel level, UnitType type, LocalDate validFrom,
            LocalDate validTo, UnitReference parent, List<UnitDocument> children,
            List<SuccessionDocument> predecessors, List<SuccessionDocument> successors) {
    }

    record SuccessionDocument(UnitDocument unit, SuccessionKind kind, LocalDate effectiveDate, String legalBasis) {

        static SuccessionDocument of(SuccessionView succession) {
            return new SuccessionDocument(UnitDocument.of(succession.unit()), succession.kind(),
                    succession.effectiveDate(), succession.legalBasis());
        }
    }
}
