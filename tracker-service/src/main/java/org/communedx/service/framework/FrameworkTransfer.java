package org.communedx.service.framework;

import java.util.ArrayList;
import java.util.List;

import org.apache.tika.Tika;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.service.UploadedText;
import org.communedx.service.framework.FrameworkViews.FrameworkSummary;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Framework versions as files: export as YAML or XLSX, and import either as a new draft. A file is recognised
 * by its content, never by its name. An import checks the whole file first and saves all of it or nothing.
 */
@Service
@Transactional(readOnly = true)
public class FrameworkTransfer {

    static final int MAX_IMPORT_BYTES = 5 * 1024 * 1024;

    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final Tika TIKA = new Tika();

    private final FrameworkRepository frameworks;

    FrameworkTransfer(FrameworkRepository frameworks) {
        this.frameworks = frameworks;
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
     * A new draft with every group and criterion of the file.
     * @param newVersion the new draft's version; blank to keep the version the file names
     * @throws FrameworkImportRefused with every problem found, when nothing was saved
     */
    @Transactional
    public FrameworkSummary importDraft(byte[] content, String newVersion) {
        FrameworkEditors.requireEditor();
        List<ImportProblem> problems = new ArrayList<>();
        FrameworkDocument document = read(content, problems);
        if (document == null) {
            throw new FrameworkImportRefused(problems);
        }
        String version = newVersion == null || newVersion.isBlank() ? document.version() : newVersion.strip();
        if (!DocumentRules.VERSION.matcher(version).matches()) {
            problems.add(ImportProblem.ofFile("framework.import.problem.badVersion", version));
        }
        else if (frameworks.existsByCodeAndVersion(document.code(), version)) {
            problems.add(ImportProblem.ofFile("framework.problem.versionTaken", version));
        }
        if (!problems.isEmpty()) {
            throw new FrameworkImportRefused(problems);
        }
        return FrameworkSummary.of(frameworks.save(document.toDraft(version)));
    }

    private static FrameworkDocument read(byte[] content, List<ImportProblem> problems) {
        if (content == null || content.length == 0) {
            problems.add(ImportProblem.ofFile("framework.import.problem.empty"));
            return null;
        }
        if (content.length > MAX_IMPORT_BYTES) {
            problems.add(ImportProblem.ofFile("framework.import.problem.tooLarge", MAX_IMPORT_BYTES / (1024 * 1024)));
            return null;
        }
        RawFramework raw = switch (kind(content)) {
            case WORKBOOK -> FrameworkWorkbook.read(content, problems);
            case TEXT -> {
                String text = UploadedText.utf8(content).orElse(null);
                if (text == null) {
                    problems.add(ImportProblem.ofFile("framework.import.problem.notUtf8"));
                    yield null;
                }
                yield FrameworkYaml.read(text, problems);
            }
            case OTHER -> {
                problems.add(ImportProblem.ofFile("framework.import.problem.unsupportedKind", TIKA.detect(content)));
                yield null;
            }
        };
        return raw == null ? null : DocumentRules.check(raw, problems);
    }

    /** What the bytes are, by their magic numbers and text statistics; the file name plays no part. */
    static Kind kind(byte[] content) {
        String type = TIKA.detect(content);
        if (type.equals("application/zip") || type.equals("application/x-tika-ooxml") || type.equals(XLSX_TYPE)) {
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
