package org.communedx.service.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.communedx.model.RuleViolation;
import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.CriterionEntryRepository;
import org.communedx.model.assessment.EntryConflict;
import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.evidence.Evidence;
import org.communedx.model.evidence.EvidenceMetadata;
import org.communedx.model.evidence.EvidenceRepository;
import org.communedx.model.evidence.EvidenceType;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.user.Role;
import org.communedx.service.Actors;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.assessment.AssessmentWorkflow;
import org.communedx.service.assessment.CriterionAddress;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.evidence.EvidenceStore.Staged;
import org.communedx.service.evidence.EvidenceViews.EvidenceList;
import org.communedx.service.evidence.EvidenceViews.EvidenceView;
import org.communedx.service.scope.Scopes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evidence files of criterion entries. Every call checks the scope first (outside it, the entry or file does not
 * exist); only commune staff of the entry's own commune add or remove files, and only while the entry is theirs
 * to edit and their period's submission deadline has not passed. Each change is audited in the same transaction,
 * and the database row and the stored file agree: the file is complete in the store before its row is written, and
 * a rolled-back upload removes the file it added.
 */
@Service
@Transactional(readOnly = true)
public class EvidenceService {

    static final String AUDIT_TYPE = "EVIDENCE";

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceService.class);

    private final EvidenceRepository evidence;

    private final CriterionEntryRepository entries;

    private final EvidenceStore store;

    private final CommuneDxProperties properties;

    private final Scopes scopes;

    private final AuditLog audit;

    private final Clock clock;

    private final AssessmentWorkflow workflow;

    private final DiskReserve diskReserve;

    private final PeriodRepository periods;

    private final ProgressLedger progress;

    EvidenceService(EvidenceRepository evidence, CriterionEntryRepository entries,
            EvidenceStore store, CommuneDxProperties properties, Scopes scopes, AuditLog audit, Clock clock,
            AssessmentWorkflow workflow, DiskReserve diskReserve, PeriodRepository periods, ProgressLedger progress) {
        this.periods = periods;
        this.progress = progress;
        this.diskReserve = diskReserve;
        this.workflow = workflow;
        this.evidence = evidence;
        this.entries = entries;
        this.store = store;
        this.properties = properties;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores a file for the entry. The content is streamed to a temporary file while it is hashed and counted,
     * then its type is detected from the bytes; an empty, too large or disallowed file is refused with a
     * {@link RuleViolation} ({@code evidence.refused.*}) and nothing is kept; so is any file that the store's server
     * refuses or cannot take ({@code evidence.refused.storeUnavailable}), any file while the disk is
     * down to its reserve, and, before a byte is read, any file after the period's deadline
     * ({@code period.refused.deadlinePassed}).
     * @param originalName the name the user gave, only for display; it never becomes a path
     */
    @Transactional
    public EvidenceView upload(long entryId, EvidenceMetadata metadata, InputStream content, String originalName) {
        CriterionEntry entry = loadEntry(entryId);
        requireCommuneStaff(entry);
        workflow.requireOpenToCommune(entry);
        if (!entry.getStatus().isEditable()) {
            throw new RuleViolation("evidence.refused.locked", entry.getStatus());
        }
        Period period = entry.getAssessment().getPeriod();
        metadata.requireNotAfter(LocalDate.now(clock)).requireValidDuring(period.getStartDate(), period.getEndDate());
        FileNames.requireNoControlCharacters(originalName);
        try (Staged staged = stage(content)) {
            diskReserve.require();
            EvidenceType type = acceptedType(staged);
            // The same bytes twice on one criterion list two files that are one, which a reviewer opens twice.
            Optional<Evidence> same = evidence.findFirstByEntryIdAndSha256(entryId, staged.sha256());
            if (same.isPresent()) {
                // Named as the list names it, with its type's extension ("anh.pdf.jpg"), not as it was sent.
                throw new RuleViolation("evidence.refused.duplicate",
                        FileNames.download(same.get().getOriginalName(), same.get().type()));
            }
            boolean created = storeOrRefuse(staged);
            if (created) {
                removeOnRollback(staged.sha256());
            }
            var before = entry.snapshot();
            entry.evidenceAdded(Actors.username(), clock.instant());
            Evidence file = evidence.save(new Evidence(entry, staged.sha256(), staged.size(), type,
                    FileNames.stored(originalName, type), FileNames.display(originalName), metadata,
                    Actors.username(), clock.instant()));
            flush(entry);
            audit.record(AUDIT_TYPE, file.getId(), "ADD_EVIDENCE", null, file.snapshot());
            if (!before.get("status").equals(entry.getStatus().name())) {
                audit.record("CRITERION_ENTRY", entryId, "ADD_EVIDENCE", before, entry.snapshot());
                // A file may be a commune's first write (a draft begun with its evidence): it begins the period.
                progress.record(entry.getAssessment().getId(), clock.instant());
            }
            return EvidenceView.of(file, today());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * What the file alone would be refused for (empty, too large, a type not accepted, too many pixels), for a form
     * refused for its other fields: said in the same round rather than once they are mended. Nothing is kept, and
     * nothing is read but for the commune's own staff, who alone may upload there.
     */
    public Optional<RuleViolation> contentRefusal(long entryId, InputStream content) {
        return contentRefusal(loadEntry(entryId).getAssessment().getUnit().getCode(), content);
    }

    /** {@link #contentRefusal(long, InputStream)}, for the entry at the criterion's address. */
    public Optional<RuleViolation> contentRefusal(CriterionAddress address, InputStream content) {
        return contentRefusal(address.communeCode(), content);
    }

    /**
     * Every rule the document's dates break for the entry's period ({@link EvidenceMetadata#dateProblems}), for a form
     * that says them with its fields' refusals and the file's, in one round. For the commune's own staff only, as
     * {@link #contentRefusal(long, InputStream)}.
     */
    public List<RuleViolation> dateProblems(long entryId, @Nullable LocalDate documentDate,
            @Nullable LocalDate effectiveDate, @Nullable LocalDate validUntil) {
        CriterionEntry entry = loadEntry(entryId);
        return dateProblems(entry.getAssessment().getUnit().getCode(), entry.getAssessment().getPeriod(),
                documentDate, effectiveDate, validUntil);
    }

    /** {@link #dateProblems(long, LocalDate, LocalDate, LocalDate)}, for the entry at the criterion's address. */
    public List<RuleViolation> dateProblems(CriterionAddress address, @Nullable LocalDate documentDate,
            @Nullable LocalDate effectiveDate, @Nullable LocalDate validUntil) {
        return periods.findById(address.periodId()).map(period -> dateProblems(address.communeCode(), period,
                documentDate, effectiveDate, validUntil)).orElse(List.of());
    }

    private List<RuleViolation> dateProblems(String communeCode, Period period, @Nullable LocalDate documentDate,
            @Nullable LocalDate effectiveDate, @Nullable LocalDate validUntil) {
        if (!isCommuneStaff(communeCode)) {
            return List.of();
        }
        return EvidenceMetadata.dateProblems(documentDate, effectiveDate, validUntil, today(), period.getStartDate(),
                period.getEndDate());
    }

    private Optional<RuleViolation> contentRefusal(String communeCode, InputStream content) {
        if (!isCommuneStaff(communeCode)) {
            return Optional.empty();
        }
        try (Staged staged = stage(content)) {
            acceptedType(staged);
            return Optional.empty();
        }
        catch (RuleViolation refused) {
            return Optional.of(refused);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The staged file's type, if its content is one the tracker accepts. */
    private EvidenceType acceptedType(Staged staged) throws IOException {
        if (staged.size() == 0) {
            throw new RuleViolation("evidence.refused.empty");
        }
        Optional<EvidenceType> detected = ContentTypes.detect(staged.file());
        if (detected.isEmpty()) {
            throw new RuleViolation(ContentTypes.refusal(staged.file()));
        }
        EvidenceType type = detected.get();
        if (type.isImage()) {
            requireFewEnoughPixels(staged, type);
        }
        // A reviewer previews a PDF in the browser, whose viewer runs the scripts it carries.
        if (type == EvidenceType.PDF && PdfActions.runSomething(staged.file())) {
            throw new RuleViolation("evidence.refused.pdfActions");
        }
        return type;
    }

    /**
     * Stages the upload unless the disk is already down to its reserve; a write that fails because the disk filled
     * up meanwhile is refused the same way, not as a server error.
     */
    private Staged stage(InputStream content) throws IOException {
        diskReserve.require();
        try {
            return store.stage(content, properties.evidence().maxFileSize().toBytes());
        }
        catch (IOException ex) {
            diskReserve.require();
            throw ex;
        }
    }

    /**
     * Stores the staged file; a store whose server refuses or cannot be reached (S3) refuses the upload as a rule
     * would, so that the user reads why and the transaction, which has written nothing yet, rolls back.
     */
    private boolean storeOrRefuse(Staged staged) throws IOException {
        try {
            return store.store(staged);
        }
        catch (EvidenceStoreUnavailableException ex) {
            LOG.warn("Upload refused: {}", ex.getMessage());
            throw new RuleViolation("evidence.refused.storeUnavailable");
        }
    }

    /** An image is judged by the pixels its header declares, before anything (a thumbnail, a browser) decodes it. */
    private void requireFewEnoughPixels(Staged staged, EvidenceType type) throws IOException {
        ImageSize size = ImageSize.of(staged.file(), type).orElseThrow(() -> new RuleViolation("evidence.refused.type"));
        long max = properties.evidence().maxImagePixels();
        if (size.pixels() > max) {
            throw new RuleViolation("evidence.refused.tooManyPixels", size.width(), size.height(),
                    Math.max(1, max / 1_000_000));
        }
    }

    /** Stores a file for the entry at the criterion's address; the commune's first write creates its entries. */
    @Transactional
    public EvidenceView upload(CriterionAddress address, EvidenceMetadata metadata, InputStream content,
            String originalName) {
        return upload(workflow.entryToWrite(address), metadata, content, originalName);
    }

    /**
     * The files of the entry at the criterion's address: before the commune's first write stores the entry, none,
     * and its staff may add the first (a NOT_STARTED entry is theirs to edit).
     */
    public EvidenceList list(CriterionAddress address) {
        return workflow.storedEntryId(address).map(this::list).orElseGet(() -> new EvidenceList(null,
                EntryStatus.NOT_STARTED.isEditable() && isCommuneStaff(address.communeCode())
                        && workflow.openToCommune(address.periodId()), List.of()));
    }

    /** The entry's files, oldest first, and whether the current user may change them now. */
    public EvidenceList list(long entryId) {
        CriterionEntry entry = loadEntry(entryId);
        return new EvidenceList(entryId, mayChange(entry),
                evidence.findByEntryInOrder(entryId).stream().map(file -> EvidenceView.of(file, today())).toList());
    }

    /** How many files the entry has, for the submission rule. */
    public int count(long entryId) {
        return Math.toIntExact(evidence.countByEntryId(entryId));
    }

    /** A file to download, after the scope check. */
    public EvidenceContent open(long evidenceId) {
        Evidence file = loadEvidence(evidenceId);
        String sha256 = file.getSha256();
        return new EvidenceContent(EvidenceView.of(file, today()), () -> {
            try {
                return store.open(sha256);
            }
            catch (NoSuchFileException missing) {
                throw new EvidenceFileMissingException(evidenceId, sha256, missing);
            }
        }, sha256);
    }

    /**
     * A file that the caller may remove now, for the page that asks before the removal: what {@link #remove} checks,
     * so that a page opened from a stale link does not offer a removal that would be refused.
     * @throws RuleViolation as {@link #remove} would refuse it
     */
    public EvidenceView removable(long evidenceId) {
        Evidence file = loadEvidence(evidenceId);
        removable(file);
        return EvidenceView.of(file, today());
    }

    private CriterionEntry removable(Evidence file) {
        CriterionEntry entry = file.getEntry();
        requireCommuneStaff(entry);
        workflow.requireOpenToCommune(entry);
        entry.requireEvidenceRemovable();
        return entry;
    }

    /**
     * Removes a file, only while its entry is a draft or was returned, and until the period's deadline.
     * @return the entry the file belonged to
     */
    @Transactional
    public long remove(long evidenceId) {
        Evidence file = loadEvidence(evidenceId);
        CriterionEntry entry = removable(file);
        var snapshot = file.snapshot();
        entry.evidenceRemoved(Actors.username(), clock.instant());
        evidence.delete(file);
        flush(entry);
        // The file stays until the sweep finds it unreferenced: another row may share it, or an upload of the same
        // content may be on its way; deleting it here could leave that row without its file.
        audit.record(AUDIT_TYPE, evidenceId, "REMOVE_EVIDENCE", snapshot, null);
        return entry.getId();
    }

    /** Vietnam's date, in which documents take effect and expire. */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(ProgressLedger.VIETNAM));
    }

    private void flush(CriterionEntry entry) {
        try {
            entries.saveAndFlush(entry);
        }
        catch (OptimisticLockingFailureException ex) {
            throw new EntryConflict();
        }
    }

    /**
     * A refused upload takes back the file it stored, unless a row committed meanwhile refers to the same content:
     * two uploads of one file at once (a double tap on a slow link, on S3 where both find it absent) each think they
     * stored it, and the one refused must not take it from the one saved.
     */
    private void removeOnRollback(String sha256) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED && !evidence.existsBySha256(sha256)) {
                    try {
                        store.delete(sha256);
                    }
                    catch (IOException ex) {
                        // The sweep removes it later: no row refers to it.
                    }
                }
            }
        });
    }

    private CriterionEntry loadEntry(long entryId) {
        CriterionEntry entry = entries.findForWorkflow(entryId)
                .orElseThrow(() -> new EvidenceNotFoundException(entryId));
        scopes.current().require(entry.getAssessment().getUnit());
        return entry;
    }

    private Evidence loadEvidence(long evidenceId) {
        Evidence file = evidence.findWithEntry(evidenceId).orElseThrow(() -> new EvidenceNotFoundException(evidenceId));
        scopes.current().require(file.getEntry().getAssessment().getUnit());
        return file;
    }

    private boolean mayChange(CriterionEntry entry) {
        return entry.getStatus().isEditable() && isCommuneStaff(entry.getAssessment().getUnit().getCode())
                && workflow.openToCommune(entry);
    }

    private void requireCommuneStaff(CriterionEntry entry) {
        if (!isCommuneStaff(entry.getAssessment().getUnit().getCode())) {
            throw new AccessDeniedException(Actors.username() + " may not change the evidence of "
                    + entry.getAssessment().getUnit().getCode());
        }
    }

    private boolean isCommuneStaff(String communeCode) {
        return scopes.acting().filter(account -> account.role() == Role.COMMUNE_STAFF)
                .filter(account -> communeCode.equals(account.unitCode())).isPresent();
    }

    /**
     * A file's description and its bytes; each {@code getInputStream()} opens the stored file anew.
     * @param sha256 the stored content's hash, under which copies made from it (thumbnails) are kept
     */
    public record EvidenceContent(EvidenceView file, InputStreamSource content, String sha256) {
    }
}
