package org.communedx.service.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.framework.FrameworkViews.FrameworkSummary;
import org.communedx.service.framework.ImportProblem.Place;
import org.communedx.service.importing.ImportFileRefused;
import org.communedx.service.importing.ImportLimits;
import org.communedx.service.importing.LimitedInputStream;
import org.communedx.service.importing.UploadContent;
import org.communedx.service.importing.UploadReader;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.InputStreamSource;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Framework versions as files: export as YAML or XLSX, and import either as a new draft. A file is recognised
 * by its content, never by its name. An import checks the whole file first and saves all of it or nothing.
 */
@Service
@Transactional(readOnly = true)
public class FrameworkTransfer {

    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final FrameworkRepository frameworks;

    private final ImportLimits limits;

    private final YAMLMapper yamlReader;

    private final AuditLog audit;

    FrameworkTransfer(FrameworkRepository frameworks, CommuneDxProperties properties, AuditLog audit) {
        this.frameworks = frameworks;
        this.audit = audit;
        CommuneDxProperties.Imports imports = properties.imports();
        this.limits = ImportLimits.of(imports.frameworks().maxFileSize(), imports.frameworks().maxRows(),
                imports.maxCellLength());
        this.yamlReader = FrameworkYaml.reader(limits.maxBytes());
    }

    /** The bounds of one imported file; its rows are its groups and criteria. */
    public ImportLimits importLimits() {
        return limits;
    }

    public ExportedFile exportYaml(String code, String version) {
        return new ExportedFile(fileName(code, version, "yaml"), "application/yaml; charset=UTF-8",
                FrameworkYaml.write(document(code, version)));
    }

    public ExportedFile exportXlsx(String code, String version) {
        return new ExportedFile(fileName(code, version, "xlsx"), XLSX_TYPE,
                FrameworkWorkbook.write(document(code, version)));
    }

    /**
     * A new draft with every group and criterion of the file, audited whole.
     * @param newVersion the new draft's version; blank to keep the version the file names
     * @throws FrameworkImportRefused with every problem found, when nothing was saved
     */
    @Transactional
    public FrameworkSummary importDraft(InputStreamSource file, String newVersion) {
        FrameworkEditors.requireEditor();
        List<ImportProblem> problems = new ArrayList<>();
        FrameworkDocument document = read(file, problems);
        if (document == null) {
            throw new FrameworkImportRefused(problems);
        }
        String version = newVersion == null || newVersion.isBlank() ? document.version() : newVersion.strip();
        if (!Framework.isVersion(version)) {
            problems.add(ImportProblem.ofFile("framework.import.problem.badVersion", version));
        }
        else if (frameworks.existsByCodeAndVersionIgnoreCase(document.code(), version)) {
            problems.add(ImportProblem.ofFile("framework.problem.versionTaken", version));
        }
        if (!problems.isEmpty()) {
            throw new FrameworkImportRefused(problems);
        }
        Framework draft = frameworks.save(document.toDraft(version));
        frameworks.flush();
        audit.record(FrameworkAudit.FRAMEWORK, draft.getId(), "IMPORT_FRAMEWORK", null, draft.contents());
        return FrameworkSummary.of(draft);
    }

    /** The file read within its limits, a YAML text as it streams in; {@code null} with at least one problem. */
    private FrameworkDocument read(InputStreamSource file, List<ImportProblem> problems) {
        String mediaType = UploadContent.mediaType(file).orElse(null);
        if (mediaType == null) {
            problems.add(ImportProblem.ofFile("framework.import.problem.empty"));
            return null;
        }
        RawFramework raw;
        try {
            raw = switch (kind(mediaType)) {
                case WORKBOOK -> {
                    UploadContent.requireUnpackedWithin(file, limits.maxBytes());
                    try (InputStream in = new LimitedInputStream(file.getInputStream(), limits.maxBytes())) {
                        yield FrameworkWorkbook.read(in, problems);
                    }
                }
                case TEXT -> {
                    try (UploadReader text = UploadReader.text(file.getInputStream(), limits.maxBytes())) {
                        yield FrameworkYaml.read(yamlReader, text, problems);
                    }
                }
                case OTHER -> {
                    problems.add(ImportProblem.ofFile("framework.import.problem.unsupportedKind", mediaType));
                    yield null;
                }
            };
        }
        catch (ImportFileRefused refused) {
            problems.add(refused.reason() == ImportFileRefused.Reason.NOT_UTF8
                    ? new ImportProblem(Place.YAML_LINE, refused.line(), null, "framework.import.problem.notUtf8")
                    : ImportProblem.ofFile(refused.messageKey(), refused.arguments().toArray()));
            return null;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (raw == null) {
            return null;
        }
        int rows = raw.groups().size() + raw.groups().stream().mapToInt(group -> group.criteria().size()).sum();
        if (rows > limits.maxRows()) {
            problems.add(ImportProblem.ofFile("import.limit.rows", limits.maxRows()));
            return null;
        }
        return DocumentRules.check(raw, problems);
    }

    /** What the bytes are, by their magic numbers and text statistics; the file name plays no part. */
    static Kind kind(String type) {
        if (UploadContent.isZip(type)) {
            return Kind.WORKBOOK;
        }
        if (type.startsWith("text/") || type.endsWith("yaml")) {
            return Kind.TEXT;
        }
        return Kind.OTHER;
    }

    private FrameworkDocument document(String code, String version) {
        return FrameworkDocument.of(frameworks.findByCodeAndVersion(code, version)
                .orElseThrow(() -> new FrameworkNotFoundException(code, version)));
    }

    private static String fileName(String code, String version, String extension) {
        return code + "-" + version + "." + extension;
    }

    enum Kind {
        WORKBOOK, TEXT, OTHER
    }

    /** A file to download. */
    public record ExportedFile(String fileName, String contentType, byte[] content) {
    }
}
