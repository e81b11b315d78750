package org.communedx.web.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;

import org.communedx.model.RuleViolation;
import org.communedx.model.evidence.EvidenceMetadata;
import org.communedx.service.assessment.CriterionAddress;
import org.communedx.service.evidence.EvidenceFileMissingException;
import org.communedx.service.evidence.EvidenceService;
import org.communedx.service.evidence.EvidenceService.EvidenceContent;
import org.communedx.service.evidence.EvidenceThumbnails;
import org.communedx.service.evidence.EvidenceThumbnails.Thumbnail;
import org.communedx.service.evidence.EvidenceViews.EvidenceView;
import org.communedx.web.config.Uploads;
import org.communedx.web.entry.ClosedPeriodRefusal;
import org.communedx.web.report.Downloads;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Evidence files: upload to an entry, download, preview and removal. Who may do what, and the scope, are the
 * service's rules. Every answer goes back to the entry page (Post/Redirect/Get) with a message key, or with
 * {@code evidenceProblems}: the keys and arguments of what was refused, which the evidence panel lists.
 */
@Controller
class EvidenceController {

    /** A picture frame, drawn without text so that it needs no translation; the title is the image's alt text. */
    private static final Resource NO_THUMBNAIL = new ClassPathResource("evidence/no-thumbnail.svg");

    /**
     * Evidence and its thumbnails are never kept by the browser: on a shared office PC, a file kept for an hour
     * (a thumbnail for a day) was shown from the cache after its reader had logged out. The files are small next
     * to what a page costs, and thumbnails are kept on the server.
     */
    private static final String NOT_KEPT = "private, no-store";

    private final EvidenceService evidence;

    private final EvidenceThumbnails thumbnails;

    EvidenceController(EvidenceService evidence, EvidenceThumbnails thumbnails) {
        this.evidence = evidence;
        this.thumbnails = thumbnails;
    }

    @PostMapping("/entries/{entryId}/evidence")
    String upload(@PathVariable long entryId, @RequestParam(required = false) MultipartFile file,
            @Valid @ModelAttribute EvidenceForm form, BindingResult binding, RedirectAttributes redirect)
            throws IOException {
        upload(file, form, binding, redirect, dates -> evidence.dateProblems(entryId, dates.documentDate(),
                dates.effectiveDate(), dates.validUntil()), content -> evidence.contentRefusal(entryId, content),
                (metadata, content) -> evidence.upload(entryId, metadata, content, Uploads.fileName(file)));
        return "redirect:/entries/{entryId}";
    }

    /** A file for a criterion's entry before it is stored, from the entry page at the criterion's address. */
    @PostMapping("/communes/{code}/periods/{periodId}/criteria/{criterion}/evidence")
    String upload(@PathVariable String code, @PathVariable long periodId, @PathVariable String criterion,
            @RequestParam(required = false) MultipartFile file, @Valid @ModelAttribute EvidenceForm form,
            BindingResult binding, RedirectAttributes redirect) throws IOException {
        CriterionAddress address = new CriterionAddress(code, periodId, criterion);
        upload(file, form, binding, redirect, dates -> evidence.dateProblems(address, dates.documentDate(),
                dates.effectiveDate(), dates.validUntil()), content -> evidence.contentRefusal(address, content),
                (metadata, content) -> evidence.upload(address, metadata, content, Uploads.fileName(file)));
        return "redirect:/communes/{code}/periods/{periodId}/criteria/{criterion}";
    }

    private void upload(MultipartFile file, EvidenceForm form, BindingResult binding, RedirectAttributes redirect,
            Function<EvidenceForm, List<RuleViolation>> dateProblems,
            Function<InputStream, Optional<RuleViolation>> contentRefusal, Upload upload) throws IOException {
        // Every refusal of the form at once, the dates' and the file's among them, in the order of the fields: each
        // round sends the file again, which on a commune's slow link takes its time. The dates are asked of the
        // period only where they were read.
        List<Problem> problems = new ArrayList<>(problems(binding));
        dateProblems.apply(form.withDatesRead(binding)).forEach(refused -> problems.add(new Problem(
                refused.messageKey(), refused.arguments())));
        if (file == null || file.isEmpty()) {
            problems.add(new Problem(Uploads.chosen(file) ? "evidence.refused.empty" : "evidence.refused.noFile",
                    List.of()));
        }
        else if (!problems.isEmpty()) {
            try (InputStream content = file.getInputStream()) {
                contentRefusal.apply(content).ifPresent(refused -> problems.add(new Problem(refused.messageKey(),
                        refused.arguments())));
            }
        }
        problems.sort(Comparator.comparingInt(problem -> EvidenceForm.FIELDS.indexOf(problem.field())));
        if (!problems.isEmpty()) {
            refuse(redirect, form, problems);
            redirect.addFlashAttribute("evidenceFileChosen", Uploads.chosen(file));
        }
        else {
            try (InputStream content = file.getInputStream()) {
                upload.store(form.toMetadata(), content);
                redirect.addFlashAttribute("messageKey", "evidence.uploaded");
            }
            catch (RuleViolation refused) {
                refuse(redirect, form, List.of(new Problem(refused.messageKey(), refused.arguments())));
                redirect.addFlashAttribute("evidenceFileChosen", true);
                ClosedPeriodRefusal.note(redirect, refused);
            }
        }
    }

    /** Back to the entry page with what was refused, and the fields as the user typed them. */
    private static void refuse(RedirectAttributes redirect, EvidenceForm form, List<Problem> problems) {
        redirect.addFlashAttribute("evidenceProblems", problems);
        redirect.addFlashAttribute("evidenceForm", form.refill());
    }

    /** One of the evidence service's two uploads, by the entry's id or by the criterion's address. */
    private interface Upload {

        void store(EvidenceMetadata metadata, InputStream content);
    }

    /** Always a download: the browser saves the file and never renders it in the application's origin. */
    @GetMapping("/evidence/{id}")
    ResponseEntity<Resource> download(@PathVariable long id) throws IOException {
        return serve(evidence.open(id), false);
    }

    /** In the page, for thumbnails and PDF previews; other types are downloaded as above. */
    @GetMapping("/evidence/{id}/inline")
    ResponseEntity<Resource> inline(@PathVariable long id) throws IOException {
        EvidenceContent content = evidence.open(id);
        return serve(content, content.file().inline());
    }

    /**
     * A small copy of a photograph for the evidence list; where none can be made, the original if it is small in
     * pixels (a WebP), else a placeholder: an image is never sent whole that would take the browser's memory.
     */
    @GetMapping("/evidence/{id}/thumbnail")
    ResponseEntity<?> thumbnail(@PathVariable long id) throws IOException {
        Optional<Thumbnail> thumbnail;
        try {
            thumbnail = thumbnails.of(id);
        }
        catch (EvidenceFileMissingException missing) {
            // The entry's list stays whole; opening the file says what is wrong, and the log names it then.
            return placeholder();
        }
        if (thumbnail.isPresent()) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(thumbnail.get().mediaType()))
                    .header("X-Content-Type-Options", "nosniff")
                    .header(HttpHeaders.CACHE_CONTROL, NOT_KEPT)
                    .body(thumbnail.get().content());
        }
        if (thumbnails.originalMayStandIn(id)) {
            return inline(id);
        }
        return placeholder();
    }

    private static ResponseEntity<Resource> placeholder() {
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("image/svg+xml"))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, NOT_KEPT)
                .body(NO_THUMBNAIL);
    }

    /**
     * Removal asks first, on a page of its own that names the file: one tap had removed it, and the content security
     * policy allows no script for a confirm dialog.
     */
    @GetMapping("/evidence/{id}/remove")
    String confirmRemoval(@PathVariable long id, Model model, RedirectAttributes redirect) {
        long entryId = evidence.open(id).file().entryId();
        try {
            model.addAttribute("file", evidence.removable(id));
            return "evidence/remove";
        }
        catch (RuleViolation refused) {
            return refusedRemoval(entryId, refused, redirect);
        }
    }

    @PostMapping("/evidence/{id}/remove")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        long entryId = evidence.open(id).file().entryId();
        try {
            evidence.remove(id);
            redirect.addFlashAttribute("messageKey", "evidence.removed");
        }
        catch (RuleViolation refused) {
            return refusedRemoval(entryId, refused, redirect);
        }
        return "redirect:/entries/" + entryId;
    }

    /** Back to the entry, with why the file cannot be removed now, where the file list shows its problems. */
    private static String refusedRemoval(long entryId, RuleViolation refused, RedirectAttributes redirect) {
        redirect.addFlashAttribute("evidenceProblems", List.of(new Problem(refused.messageKey(), refused.arguments())));
        ClosedPeriodRefusal.note(redirect, refused);
        return "redirect:/entries/" + entryId;
    }

    private static ResponseEntity<Resource> serve(EvidenceContent content, boolean inline) throws IOException {
        EvidenceView file = content.file();
        String name = file.downloadName();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .contentLength(file.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, inline ? Downloads.inline(name) : Downloads.disposition(name))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, NOT_KEPT)
                .body(new InputStreamResource(content.content().getInputStream()));
    }

    /**
     * The form's refusals as message keys, each with the limit it broke (the 255 of {@code @Size(max = 255)}) for the
     * message's {0}, so that the limit is said once, on the form.
     */
    static List<Problem> problems(BindingResult binding) {
        return binding.getFieldErrors().stream().map(error -> new Problem(EvidenceForm.messageKey(error), limit(error)))
                .toList();
    }

    private static List<Object> limit(ObjectError error) {
        if (!error.contains(ConstraintViolation.class)) {
            return List.of();
        }
        Object max = error.unwrap(ConstraintViolation.class).getConstraintDescriptor().getAttributes().get("max");
        return max == null ? List.of() : List.of(max);
    }

    /** Serializable: it waits in the session for the next page, and shared sessions are stored serialized. */
    record Problem(String messageKey, List<Object> arguments) implements Serializable {

        /** The form's field it is about, which the panel shows it under. */
        public String field() {
            return EvidenceForm.fieldOf(messageKey);
        }

        /** The id of the field's input on the entry page, which the refusal links to. */
        public String inputId() {
            return EvidenceForm.inputId(field());
        }
    }
}
