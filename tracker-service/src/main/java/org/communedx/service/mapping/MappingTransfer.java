package org.communedx.service.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.mapping.FrameworkMapping;
import org.communedx.model.mapping.FrameworkMapping.LinkDefinition;
import org.communedx.model.mapping.FrameworkMappingRepository;
import org.communedx.model.mapping.MappingKind;
import org.communedx.model.mapping.MappingProblem;
import org.communedx.model.mapping.MappingRuleViolation;
import org.communedx.model.period.PeriodRepository;
import org.communedx.service.Actors;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.importing.ImportFileRefused;
import org.communedx.service.importing.ImportLimits;
import org.communedx.service.importing.LimitedInputStream;
import org.communedx.service.importing.UploadContent;
import org.communedx.service.importing.UploadReader;
import org.communedx.service.mapping.MappingFileProblem.Place;
import org.communedx.service.mapping.MappingViews.LinkView;
import org.communedx.service.mapping.MappingViews.MappingDetail;
import org.communedx.service.mapping.MappingViews.MappingSummary;
import org.communedx.service.mapping.MappingViews.PeriodOption;
import org.communedx.service.mapping.RawMapping.RawLink;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mappings between framework versions, for administrators only: listed, shown, exported as YAML or XLSX, and
 * imported from either. An import checks the whole file (its form here, its meaning in
 * {@link FrameworkMapping#define}) and saves all of it or nothing; a file for two versions that already have a
 * mapping replaces it. Files are bounded by the framework import limits ({@code communedx.imports.frameworks}),
 * a link counting as a row.
 */
@Service
@Transactional(readOnly = true)
public class MappingTransfer {

    static final String AUDIT_TYPE = "FRAMEWORK_MAPPING";

    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final FrameworkMappingRepository mappings;

    private final FrameworkRepository frameworks;

    private final PeriodRepository periods;

    private final AuditLog audit;

    private final Clock clock;

    private final ImportLimits limits;

    private final YAMLMapper yamlReader;

    MappingTransfer(FrameworkMappingRepository mappings, FrameworkRepository frameworks, PeriodRepository periods,
            AuditLog audit, Clock clock, CommuneDxProperties properties) {
        this.mappings = mappings;
        this.frameworks = frameworks;
        this.periods = periods;
        this.audit = audit;
        this.clock = clock;
        CommuneDxProperties.Imports imports = properties.imports();
        this.limits = ImportLimits.of(imports.frameworks().maxFileSize(), imports.frameworks().maxRows(),
                imports.maxCellLength());
        this.yamlReader = MappingYaml.reader(limits.maxBytes());
    }

    /** Only administrators see, change and use mappings; the URL rules say the same for every route. */
    static void requireAdministrator() {
        Actors.requireAnyRole("Only administrators map framework versions", "ADMIN");
    }

    public ImportLimits importLimits() {
        return limits;
    }

    public List<MappingSummary> list() {
        requireAdministrator();
        return mappings.findAllInOrder().stream().map(MappingSummary::of).toList();
    }

    /** @throws MappingNotFoundException when there is no such mapping */
    public MappingDetail detail(long id) {
        requireAdministrator();
        FrameworkMapping mapping = load(id);
        List<PeriodOption> onTarget = periods.findAllNewestFirst().stream()
                .filter(period -> period.getFramework().getId().equals(mapping.getTarget().getId()))
                .map(period -> new PeriodOption(period.getId(), period.getName())).toList();
        return new MappingDetail(MappingSummary.of(mapping), mapping.getLinks().stream().map(LinkView::of).toList(),
                onTarget);
    }

    public ExportedFile exportYaml(long id) {
        requireAdministrator();
        MappingDocument document = MappingDocument.of(load(id));
        return new ExportedFile(fileName(document, "yaml"), "application/yaml; charset=UTF-8",
                MappingYaml.write(document));
    }

    public ExportedFile exportXlsx(long id) {
        requireAdministrator();
        MappingDocument document = MappingDocument.of(load(id));
        return new ExportedFile(fileName(document, "xlsx"), XLSX_TYPE, MappingWorkbook.write(document));
    }

    /**
     * Saves the file's mapping, in place of any mapping between the same two versions; audited.
     * @throws MappingImportRefused with every problem found, when nothing was saved
     */
    @Transactional
    public MappingSummary importMapping(InputStreamSource file) {
        requireAdministrator();
        List<MappingFileProblem> problems = new ArrayList<>();
        RawMapping raw = read(file, problems);
        if (raw == null) {
            throw new MappingImportRefused(problems);
        }
        Framework source = version(raw, "fromCode", "fromVersion", problems);
        Framework target = version(raw, "toCode", "toVersion", problems);
        List<LinkDefinition> links = new ArrayList<>();
        for (RawLink link : raw.links()) {
            MappingKind kind = kind(link, problems);
            links.add(new LinkDefinition(kind == null ? MappingKind.SAME : kind, link.from(), link.to()));
        }
        if (raw.links().isEmpty()) {
            problems.add(MappingFileProblem.ofFile("mapping.import.problem.noLinks"));
        }
        if (!problems.isEmpty() || source == null || target == null) {
            throw new MappingImportRefused(problems);
        }
        FrameworkMapping mapping;
        try {
            mapping = FrameworkMapping.define(source, target, links, Actors.username(), clock.instant());
        }
        catch (MappingRuleViolation violation) {
            for (MappingProblem problem : violation.problems()) {
                problems.add(problem.link() < 0
                        ? new MappingFileProblem(Place.FILE, 0, null, problem.messageKey(), problem.arguments())
                        : raw.links().get(problem.link()).problemOf(problem));
            }
            throw new MappingImportRefused(problems);
        }
        Optional<FrameworkMapping> replaced = mappings.findBySourceIdAndTargetId(source.getId(), target.getId());
        Map<String, Object> before = replaced.map(MappingTransfer::auditView).orElse(null);
        replaced.ifPresent(old -> {
            mappings.delete(old);
            mappings.flush();
        });
        FrameworkMapping saved = mappings.saveAndFlush(mapping);
        audit.record(AUDIT_TYPE, saved.getId(), replaced.isPresent() ? "REPLACE_MAPPING" : "IMPORT_MAPPING", before,
                auditView(saved));
        return MappingSummary.of(saved);
    }

    /** What the audit trail keeps of a mapping: its versions and every link as a file states it. */
    private static Map<String, Object> auditView(FrameworkMapping mapping) {
        MappingDocument document = MappingDocument.of(mapping);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("from", document.fromCode() + " " + document.fromVersion());
        view.put("to", document.toCode() + " " + document.toVersion());
        view.put("links", document.links().stream().map(link -> link.kind() + ": "
                + MappingDocument.joined(link.from()) + " -> " + MappingDocument.joined(link.to())).toList());
        return view;
    }

    private Framework version(RawMapping raw, String codeField, String versionField,
            List<MappingFileProblem> problems) {
        String code = raw.header().get(codeField);
        String version = raw.header().get(versionField);
        for (String field : List.of(codeField, versionField)) {
            if (raw.header().get(field) == null) {
                problems.add(new MappingFileProblem(raw.headerPlace(), raw.headerNumber(), field,
                        "mapping.import.problem.required", List.of()));
            }
        }
        if (code == null || version == null) {
            return null;
        }
        Optional<Framework> framework = frameworks.findByCodeAndVersion(code, version);
        if (framework.isEmpty()) {
            problems.add(new MappingFileProblem(raw.headerPlace(), raw.headerNumber(), versionField,
                    "mapping.import.problem.unknownVersion", List.of(code, version)));
        }
        return framework.orElse(null);
    }

    private static MappingKind kind(RawLink link, List<MappingFileProblem> problems) {
        if (link.kind() == null) {
            problems.add(link.problem("kind", "mapping.import.problem.required"));
            return null;
        }
        try {
            return MappingKind.valueOf(link.kind().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException unknown) {
            problems.add(link.problem("kind", "mapping.import.problem.badKind", link.kind()));
            return null;
        }
    }

    /** The file read within its limits; {@code null} with at least one problem. */
    private RawMapping read(InputStreamSource file, List<MappingFileProblem> problems) {
        String mediaType = file == null ? null : UploadContent.mediaType(file).orElse(null);
        if (mediaType == null) {
            problems.add(MappingFileProblem.ofFile("mapping.import.problem.empty"));
            return null;
        }
        RawMapping raw;
        try {
            if (UploadContent.isZip(mediaType)) {
                UploadContent.requireUnpackedWithin(file, limits.maxBytes());
                try (InputStream in = new LimitedInputStream(file.getInputStream(), limits.maxBytes())) {
                    raw = MappingWorkbook.read(in, problems);
                }
            }
            else if (mediaType.startsWith("text/") || mediaType.endsWith("yaml")) {
                try (UploadReader text = UploadReader.text(file.getInputStream(), limits.maxBytes())) {
                    raw = MappingYaml.read(yamlReader, text, problems);
                }
            }
            else {
                problems.add(MappingFileProblem.ofFile("mapping.import.problem.unsupportedKind", mediaType));
                return null;
            }
        }
        catch (ImportFileRefused refused) {
            problems.add(refused.reason() == ImportFileRefused.Reason.NOT_UTF8
                    ? MappingFileProblem.ofFile("mapping.import.problem.notUtf8", refused.line())
                    : MappingFileProblem.ofFile(refused.messageKey(), refused.arguments().toArray()));
            return null;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (raw != null && raw.links().size() > limits.maxRows()) {
            problems.add(MappingFileProblem.ofFile("import.limit.rows", limits.maxRows()));
            return null;
        }
        return raw;
    }

    private FrameworkMapping load(long id) {
        return mappings.findWithVersions(id).orElseThrow(() -> new MappingNotFoundException(id));
    }

    private static String fileName(MappingDocument document, String extension) {
        return "mapping-" + document.fromCode() + "-" + document.fromVersion() + "-to-" + document.toCode() + "-"
                + document.toVersion() + "." + extension;
    }

    /** A file to download. */
    public record ExportedFile(String fileName, String contentType, byte[] content) {
    }
}
