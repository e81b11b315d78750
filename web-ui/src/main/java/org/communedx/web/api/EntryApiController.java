package org.communedx.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.communedx.model.RuleViolation;
import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.framework.MeasurementType;
import org.communedx.service.assessment.AssessmentViews.EntryDetail;
import org.communedx.service.assessment.AssessmentViews.EntryView;
import org.communedx.service.assessment.AssessmentWorkflow;
import org.communedx.service.assessment.CriterionAddress;
import org.communedx.service.evidence.EvidenceService;
import org.communedx.service.evidence.EvidenceViews.EvidenceView;
import org.communedx.web.config.Uploads;
import org.communedx.web.evidence.EvidenceForm;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The write API of a commune's criterion entry, for commune staff's scripts and tools: its value into a DRAFT, its
 * evidence files, its submission; the same workflow, scope and deadline as the entry page. The entry's version is
 * its ETag; a write of its value or a submission must send it in {@code If-Match} (428 without it, 412 when another
 * change came first). Every write takes an {@code Idempotency-Key}.
 */
@RestController
class EntryApiController {

    /** A value and its explanation are small; anything larger is not one. */
    static final long VALUE_BODY_MAX = 16 * 1024;

    private final AssessmentWorkflow workflow;

    private final EvidenceService evidence;

    private final ApiRequests requests;

    EntryApiController(AssessmentWorkflow workflow, EvidenceService evidence, ApiRequests requests) {
        this.workflow = workflow;
        this.evidence = evidence;
        this.requests = requests;
    }

    @Schema(description = "A criterion of a commune's assessment in a period")
    record Entry(String communeCode, long periodId, String criterionCode, MeasurementType type, EntryStatus status,
            @Schema(description = "The value as text: \"18/20\" (PERCENT), \"42\" (COUNT), \"2\" (LEVEL), "
                    + "\"yes\"/\"no\" (BOOLEAN); null before one is entered") String value,
            String explanation, String reason, Instant lastChangedAt, String lastChangedBy,
            @Schema(description = "The entry's version, also its ETag: send it in If-Match") long version) {

        static Entry of(CriterionAddress address, EntryView entry) {
            return new Entry(address.communeCode(), address.periodId(), address.criterionCode(), entry.type(),
                    entry.status(), entry.value() == null ? null : entry.value().text(), entry.explanation(),
                    entry.reason(), entry.lastChangedAt(), entry.lastChangedBy(), entry.version());
        }
    }

    @Schema(description = "A value for an entry")
    record ValueRequest(
            @Schema(description = "As text (\"18/20\", \"42\", \"2\", \"yes\"), a number (COUNT, LEVEL), a boolean "
                    + "(BOOLEAN), or {\"numerator\": 18, \"denominator\": 20} (PERCENT)") Object value,
            @Schema(description = "At most 2,000 characters. The value and the explanation are replaced together: "
                    + "left out or null, the entry's explanation is removed") String explanation) {
    }

    @Operation(summary = "A criterion entry of a commune in a period, with its version as ETag",
            description = "Reading stores nothing: before the commune's first write the entry is NOT_STARTED with "
                    + "version 0.")
    @ApiResponse(responseCode = "200", description = "The entry",
            headers = @Header(name = "ETag", description = "The entry's version, for a write's If-Match",
                    schema = @Schema(type = "string", example = "\"7\"")))
    @GetMapping("/api/v1/communes/{code}/periods/{periodId}/criteria/{criterion}")
    ResponseEntity<Entry> entry(@PathVariable String code, @PathVariable long periodId,
            @PathVariable String criterion) {
        CriterionAddress address = new CriterionAddress(code, periodId, criterion);
        EntryView entry = workflow.detail(address).entry();
        return ResponseEntity.ok().eTag(ApiRequests.etag(entry.version())).body(Entry.of(address, entry));
    }

    @Operation(summary = "Sets the entry's value; the entry becomes a DRAFT",
            description = "Commune staff of the commune, until the period's deadline. If-Match with the entry's "
                    + "version is required (428 without it, 412 when stale); a value of the wrong type or range is "
                    + "400 naming the field.",
            requestBody = @RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ValueRequest.class))))
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = true, description = "The entry's ETag")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = "Sends the first answer again")
    @ApiResponse(responseCode = "200", description = "The entry as saved",
            headers = @Header(name = "ETag", description = "The entry's new version, for the next write's If-Match",
                    schema = @Schema(type = "string", example = "\"7\"")),
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Entry.class)))
    @PutMapping(value = "/api/v1/communes/{code}/periods/{periodId}/criteria/{criterion}/value",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> setValue(@PathVariable String code, @PathVariable long periodId,
            @PathVariable String criterion, HttpServletRequest request) throws IOException {
        byte[] body = ApiRequests.body(request, VALUE_BODY_MAX);
        long version = ApiRequests.ifMatch(request);
        JsonNode json = ApiRequests.json(body);
        CriterionAddress address = new CriterionAddress(code, periodId, criterion);
        String explanation = json.hasNonNull("explanation") ? json.get("explanation").asString() : null;
        if (explanation != null && explanation.length() > CriterionEntry.EXPLANATION_MAX) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.refused.field", List.of("explanation"),
                    List.of(new ApiProblem.FieldError(null, "explanation", "entry.form.explanationTooLong",
                            List.of(CriterionEntry.EXPLANATION_MAX))));
        }
        return requests.once(request, body, () -> {
            EntryDetail detail = workflow.detail(address);
            EntryValue value = value(detail.entry().type(), json.get("value"));
            EntryView saved = workflow.saveValue(address, version, value, explanation);
            return ApiRequests.answer(HttpStatus.OK, Entry.of(address, saved), saved.version());
        });
    }

    @Operation(summary = "Submits the entry for review",
            description = "Commune staff of the commune, until the deadline; the entry needs a value and, where the "
                    + "criterion asks for it, evidence (409 otherwise). If-Match is required.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = true, description = "The entry's ETag")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = "Sends the first answer again")
    @ApiResponse(responseCode = "200", description = "The entry as submitted",
            headers = @Header(name = "ETag", description = "The entry's new version, for the next write's If-Match",
                    schema = @Schema(type = "string", example = "\"7\"")),
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Entry.class)))
    @PostMapping("/api/v1/communes/{code}/periods/{periodId}/criteria/{criterion}/submit")
    ResponseEntity<String> submit(@PathVariable String code, @PathVariable long periodId,
            @PathVariable String criterion, HttpServletRequest request) throws IOException {
        byte[] body = ApiRequests.body(request, VALUE_BODY_MAX);
        long version = ApiRequests.ifMatch(request);
        CriterionAddress address = new CriterionAddress(code, periodId, criterion);
        return requests.once(request, body, () -> {
            EntryView submitted = workflow.submit(address, version);
            return ApiRequests.answer(HttpStatus.OK, Entry.of(address, submitted), submitted.version());
        });
    }

    @Operation(summary = "Attaches an evidence file to the entry",
            description = "Multipart: the file in \"file\", with title, issuingBody, documentDate (ISO date) and "
                    + "optionally documentNumber. The same checks as the entry page: the content's type is detected "
                    + "from its bytes, its size bounded; commune staff only, while the entry may change. If-Match is "
                    + "optional here: a file does not replace anything. The answer's ETag is the entry's version "
                    + "after the file was added, for the next write's If-Match: adding a file changes the entry.")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = "Sends the first answer again")
    @ApiResponse(responseCode = "201", description = "The file was added",
            headers = @Header(name = "ETag", description = "The entry's version after the file was added, for the next write's If-Match",
                    schema = @Schema(type = "string", example = "\"7\"")),
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Evidence.class)))
    @RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = EvidenceUpload.class)))
    @PostMapping(value = "/api/v1/communes/{code}/periods/{periodId}/criteria/{criterion}/evidence",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<String> evidence(@PathVariable String code, @PathVariable long periodId,
            @PathVariable String criterion, @RequestParam(required = false) MultipartFile file,
            @Valid @ModelAttribute EvidenceForm form, BindingResult binding, HttpServletRequest request)
            throws IOException {
        if (binding.hasErrors()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.refused.fields", List.of(),
                    binding.getFieldErrors().stream().map(error -> new ApiProblem.FieldError(null, error.getField(),
                            EvidenceForm.messageKey(error), List.of())).toList());
        }
        if (file == null || file.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.refused.fields", List.of(),
                    List.of(new ApiProblem.FieldError(null, "file",
                            file == null ? "evidence.refused.noFile" : "evidence.refused.empty", List.of())));
        }
        CriterionAddress address = new CriterionAddress(code, periodId, criterion);
        byte[] content = (form + "\n" + Uploads.fileName(file) + "\n" + sha256(file))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return requests.once(request, content, () -> {
            try (InputStream in = file.getInputStream()) {
                EvidenceView stored = evidence.upload(address, form.toMetadata(), in, Uploads.fileName(file));
                return ApiRequests.answer(HttpStatus.CREATED, new Evidence(stored.id(), stored.type().name(),
                        stored.sizeBytes(), stored.originalName(), stored.title()),
                        workflow.detail(address).entry().version());
            }
            catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
            catch (RuleViolation refused) {
                // The file's own refusals (its type, its size, its name) name the file; the workflow's stay 409.
                if (!refused.messageKey().startsWith("evidence.refused.")
                        || refused.messageKey().equals("evidence.refused.locked")) {
                    throw refused;
                }
                if (refused.messageKey().equals("evidence.refused.diskFull")
                        || refused.messageKey().equals("evidence.refused.storeUnavailable")) {
                    throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, refused.messageKey(), refused.arguments());
                }
                throw new ApiProblem(refused.messageKey().equals("evidence.refused.tooLarge")
                        ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST, "api.refused.fields", List.of(),
                        List.of(new ApiProblem.FieldError(null, EvidenceForm.fieldOf(refused.messageKey()),
                                refused.messageKey(), refused.arguments())));
            }
        });
    }

    record Evidence(long id, String type, long sizeBytes, String originalName, String title) {
    }

    /**
     * The value in the JSON for the criterion's type, read by {@link EntryValue#parse}, the rule the entry form's
     * values are made by; a 400 naming the field {@code value} when it is not one.
     */
    static EntryValue value(MeasurementType type, JsonNode node) {
        try {
            return EntryValue.parse(type, text(node));
        }
        catch (RuleViolation refused) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.refused.field", List.of("value"),
                    List.of(new ApiProblem.FieldError(null, "value", refused.messageKey(), refused.arguments())));
        }
    }

    /** A JSON value as the text {@link EntryValue#parse} reads; null for none. */
    static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? "yes" : "no";
        }
        if (node.isObject() && node.has("numerator") && node.has("denominator")) {
            return node.get("numerator").asString() + "/" + node.get("denominator").asString();
        }
        if (node.isValueNode()) {
            return node.asString();
        }
        return null;
    }

    private static String sha256(MultipartFile file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(file.getInputStream(),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return java.util.HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The multipart fields of an evidence upload, as the description shows them: sent flat, beside the file. */
    @Schema(description = "An evidence file and what its document says about itself, as multipart fields")
    record EvidenceUpload(
            @Schema(description = "The file: PDF, an image or an office document, its type read from its bytes",
                    format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file,
            @Schema(description = "At most 255 characters", requiredMode = Schema.RequiredMode.REQUIRED) String title,
            @Schema(description = "At most 255 characters", requiredMode = Schema.RequiredMode.REQUIRED)
            String issuingBody,
            @Schema(description = "The document's date, not after today", format = "date",
                    requiredMode = Schema.RequiredMode.REQUIRED) String documentDate,
            @Schema(description = "Optional, at most 100 characters") String documentNumber,
            @Schema(description = "Optional: the day it takes effect; left out, its date", format = "date")
            String effectiveDate,
            @Schema(description = "Optional: the last day it is valid", format = "date") String validUntil) {
    }
}
