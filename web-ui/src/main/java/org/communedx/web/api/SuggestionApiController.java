package org.communedx.web.api;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.communedx.service.CommuneDxProperties;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.service.suggestion.SuggestedValues;
import org.communedx.service.suggestion.SuggestedValues.Outcome;
import org.communedx.service.suggestion.SuggestedValues.Suggestion;
import org.communedx.service.suggestion.SuggestedValues.SuggestionsRefused;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Suggested values from provincial systems: one commune's criterion, or many communes' at once. A provincial manager
 * or an administrator (a system's token carries one of these roles), within their scope. A bulk request is bounded in
 * bytes before it is read ({@code communedx.api.max-bulk-bytes}) and in suggestions by the service, and is all or
 * nothing: every problem is answered with its index and field, and nothing is stored.
 */
@RestController
class SuggestionApiController {

    /** One suggestion with its source is small; anything larger is not one. */
    static final long ONE_BODY_MAX = 16 * 1024;

    private final SuggestedValues suggestedValues;

    private final ApiRequests requests;

    private final long maxBulkBytes;

    SuggestionApiController(SuggestedValues suggestedValues, ApiRequests requests, CommuneDxProperties properties) {
        this.suggestedValues = suggestedValues;
        this.requests = requests;
        this.maxBulkBytes = properties.api().maxBulkBytes().toBytes();
    }

    @Schema(description = "One value a system measured")
    record SuggestionRequest(@Schema(description = "GSO code of the commune (bulk only)") String communeCode,
            @Schema(description = "The criterion's code (bulk only)") String criterionCode,
            @Schema(description = "As text (\"18/20\", \"42\", \"2\", \"yes\"), a number, a boolean, or "
                    + "{\"numerator\": 18, \"denominator\": 20}") Object value,
            @Schema(description = "The system's reference, at most 200 characters") String reference,
            @Schema(description = "When the system measured it, ISO-8601, a day (2025-11-30, its start in Vietnam) or "
                    + "an instant (2025-11-30T08:00:00Z): from a year before the period began to today",
                    type = "string", example = "2025-11-30") Instant measuredAt) {
    }

    @Schema(description = "Many communes' suggested values in one request")
    record BulkRequest(@Schema(description = "The system's name, at most 100 characters") String source,
            @Schema(description = "At most 100,000") List<SuggestionRequest> suggestions) {
    }

    @Schema(description = "One suggested value")
    record OneRequest(@Schema(description = "The system's name, at most 100 characters") String source,
            Object value, String reference,
            @Schema(description = "As in a bulk request: a day or an instant", type = "string", example = "2025-11-30")
            Instant measuredAt) {
    }

    @Operation(summary = "Puts many communes' suggested values for a period, all or nothing",
            description = "Each replaces the commune's current suggestion for the criterion; for an automatic "
                    + "criterion the value also goes to the reviewer as a submission where the entry can take it. "
                    + "Any problem (a commune unknown or outside the caller's scope, an unknown criterion, a value of "
                    + "the wrong type or range, a duplicate) is a 400 listing every problem with its index and "
                    + "field, and nothing is stored.",
            requestBody = @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = BulkRequest.class))))
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = "Sends the first answer again")
    @ApiResponse(responseCode = "200", description = "How many values were received, and how many of them went to "
            + "the reviewer as submissions", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Outcome.class)))
    @PutMapping(value = "/api/v1/periods/{periodId}/suggested-values", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> putMany(@PathVariable long periodId, HttpServletRequest request) throws IOException {
        byte[] body = ApiRequests.body(request, maxBulkBytes);
        JsonNode json = ApiRequests.json(body);
        String source = json.hasNonNull("source") ? json.get("source").asString() : null;
        JsonNode list = json.get("suggestions");
        if (list == null || !list.isArray()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.refused.fields", List.of(), List.of(
                    new ApiProblem.FieldError(null, "suggestions", "suggestion.none", List.of())));
        }
        List<Suggestion> suggestions = new ArrayList<>(list.size());
        List<ApiProblem.FieldError> unreadable = new ArrayList<>();
        for (int index = 0; index < list.size(); index++) {
            JsonNode one = list.get(index);
            suggestions.add(new Suggestion(text(one, "communeCode"), text(one, "criterionCode"),
                    EntryApiController.text(one.get("value")), text(one, "reference"),
                    measuredAt(one, index, unreadable)));
        }
        if (!unreadable.isEmpty()) {
            throw refusedWithTheRest(periodId, suggestions, source, unreadable);
        }
        return requests.once(request, body, () -> {
            Outcome outcome = suggestedValues.put(periodId, suggestions, source);
            return ApiRequests.answer(HttpStatus.OK, outcome, null);
        });
    }

    @Operation(summary = "Puts one commune's suggested value for a criterion in a period",
            description = "As the bulk request, for one: a commune unknown or outside the caller's scope is 404; a "
                    + "value of the wrong type or range 400 naming the field.",
            requestBody = @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = OneRequest.class))))
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = "Sends the first answer again")
    @ApiResponse(responseCode = "200", description = "How many values were received, and how many of them went to "
            + "the reviewer as submissions", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Outcome.class)))
    @PutMapping(value = "/api/v1/communes/{code}/periods/{periodId}/criteria/{criterion}/suggested-value",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> putOne(@PathVariable String code, @PathVariable long periodId,
            @PathVariable String criterion, HttpServletRequest request) throws IOException {
        byte[] body = ApiRequests.body(request, ONE_BODY_MAX);
        JsonNode json = ApiRequests.json(body);
        List<ApiProblem.FieldError> unreadable = new ArrayList<>();
        Suggestion suggestion = new Suggestion(code, criterion, EntryApiController.text(json.get("value")),
                text(json, "reference"), measuredAt(json, null, unreadable));
        if (!unreadable.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.refused.fields", List.of(), unreadable);
        }
        String source = text(json, "source");
        return requests.once(request, body, () -> {
            try {
                Outcome outcome = suggestedValues.put(periodId, List.of(suggestion), source);
                return ApiRequests.answer(HttpStatus.OK, outcome, null);
            }
            catch (SuggestionsRefused refused) {
                // Addressed by its path, an unknown commune or criterion is not there: 404, as on the pages.
                if (refused.problems().stream().anyMatch(problem -> problem.index() != null
                        && ("communeCode".equals(problem.field()) || "criterionCode".equals(problem.field())))) {
                    throw new ApiProblem(HttpStatus.NOT_FOUND, "api.refused.notFound", List.of());
                }
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.refused.fields", List.of(),
                        refused.problems().stream().map(problem -> new ApiProblem.FieldError(null, problem.field(),
                                problem.messageKey(), problem.arguments())).toList());
            }
        });
    }

    /**
     * A request refused for what it could not say (a time that is not one), with every other problem of its
     * suggestions ({@link SuggestedValues#problems}) in the same answer, by index: the rest came only once the time
     * was mended, a request later.
     */
    private ApiProblem refusedWithTheRest(long periodId, List<Suggestion> suggestions, String source,
            List<ApiProblem.FieldError> unreadable) {
        List<ApiProblem.FieldError> errors = new ArrayList<>(unreadable);
        suggestedValues.problems(periodId, suggestions, source).forEach(problem -> errors.add(
                new ApiProblem.FieldError(problem.index(), problem.field(), problem.messageKey(), problem.arguments())));
        errors.sort(Comparator.comparing(ApiProblem.FieldError::index, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new ApiProblem(HttpStatus.BAD_REQUEST, "api.refused.fields", List.of(), errors);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Instant measuredAt(JsonNode node, Integer index, List<ApiProblem.FieldError> unreadable) {
        String text = text(node, "measuredAt");
        if (text == null) {
            return null;
        }
        try {
            // A day, as the README says and the check judges (by Vietnam's day), or an instant.
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ProgressLedger.VIETNAM).toInstant()
                    : Instant.parse(text);
        }
        catch (DateTimeParseException ex) {
            unreadable.add(new ApiProblem.FieldError(index, "measuredAt", "api.refused.instant", List.of()));
            return null;
        }
    }
}
