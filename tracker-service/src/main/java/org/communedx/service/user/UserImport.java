package org.communedx.service.user;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVRecord;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.importing.CsvRecords;
import org.communedx.service.importing.ImportFileRefused;
import org.communedx.service.importing.ImportLimits;
import org.communedx.service.importing.TableRows;
import org.communedx.service.importing.UploadContent;
import org.communedx.service.job.BackgroundJobs;
import org.communedx.service.job.JobNotFoundException;
import org.communedx.service.job.JobProgress;
import org.communedx.service.job.JobStatus;
import org.communedx.service.user.UserRules.Actor;
import org.communedx.service.user.UserViews.IssuedPassword;
import org.communedx.service.user.UserViews.NewUser;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many users at once from a CSV file (UTF-8, a byte order mark allowed) with the header {@value #HEADER}.
 * All or nothing: one problem anywhere and no user is created, and every problem is listed by line and column.
 * The file is recognised by its content, never by its name.
 */
@Service
@Transactional(readOnly = true)
public class UserImport {

    public static final String HEADER = "username,display_name,role,unit_code,email";

    public static final String JOB_KIND = "user-import";

    private static final List<String> COLUMNS = List.of(HEADER.split(","));

    private final UserRules rules;

    private final UserAdministration administration;

    private final BackgroundJobs jobs;

    private final TransactionTemplate transactions;

    private final ImportLimits limits;

    UserImport(UserRules rules, UserAdministration administration, BackgroundJobs jobs,
            PlatformTransactionManager transactionManager, CommuneDxProperties properties) {
        this.rules = rules;
        this.administration = administration;
        this.jobs = jobs;
        this.transactions = new TransactionTemplate(transactionManager);
        CommuneDxProperties.Imports imports = properties.imports();
        this.limits = ImportLimits.of(imports.users().maxFileSize(), imports.users().maxRows(),
                imports.maxCellLength());
    }

    /** The bounds of one file; the rows are users, each of which costs a bcrypt hash (about 0.1 s). */
    public ImportLimits limits() {
        return limits;
    }

    /**
     * Checks the file and, when every line is right, creates its users in the background: each costs a bcrypt hash,
     * and a thousand of them outlast what a browser or a proxy waits for. The administrator follows the job and
     * fetches the one-time passwords once through {@link BackgroundJobs}.
     * @param file the CSV file, read a record at a time; {@code null} when none was chosen
     * @return the job creating the users
     * @throws UserRejected with every problem of the file; nothing is saved and no job started
     */
    public UUID start(InputStreamSource file) {
        CheckedUsers users = check(file);
        return jobs.start(JOB_KIND,
                progress -> new ImportedUsers(transactions.execute(status -> create(users, progress))));
    }

    /**
     * The import job's progress, for the administrator who started it.
     * @throws JobNotFoundException unless that administrator started that import, and it is still kept
     */
    public JobStatus job(UUID id) {
        return jobs.status(id, JOB_KIND);
    }

    /**
     * The users an import job created, with their one-time passwords, handed over once.
     * @return empty while the job runs, after it failed, or once the passwords were fetched or expired
     * @throws JobNotFoundException unless that administrator started that import, and it is still kept
     */
    public Optional<ImportedUsers> takeImported(UUID id) {
        return jobs.takeResult(id, JOB_KIND, ImportedUsers.class);
    }

    /**
     * Reads the file a record at a time and checks every line against the rules and the accounts as they are now.
     * @param file the CSV file; {@code null} when none was chosen
     * @throws UserRejected with every problem of the file
     */
    public CheckedUsers check(InputStreamSource file) {
        String mediaType = UploadContent.mediaType(file)
                .orElseThrow(() -> new UserRejected(UserProblem.of(0, null, "users.import.problem.emptyFile")));
        if (UploadContent.isZip(mediaType)) {
            // An Excel workbook, the usual mistake: say how to make the CSV, not what its content type is called.
            throw new UserRejected(UserProblem.of(0, null, "users.import.problem.workbook"));
        }
        if (!mediaType.startsWith("text/") && !mediaType.equals("application/octet-stream")) {
            throw new UserRejected(UserProblem.of(0, null, "users.import.problem.notCsv", mediaType));
        }
        UserList list = new UserList();
        try {
            CsvRecords.read(file, limits, list);
        }
        catch (ImportFileRefused refused) {
            throw new UserRejected(switch (refused.reason()) {
                case NOT_UTF8 -> UserProblem.of(refused.line(), null, "users.import.problem.notUtf8");
                case MALFORMED_CSV -> UserProblem.of(refused.line(), null, "users.import.problem.malformed");
                default -> UserProblem.of(refused.line(), null, refused.messageKey(), refused.arguments().toArray());
            });
        }
        if (!list.headerRead) {
            throw new UserRejected(UserProblem.of(0, null, "users.import.problem.emptyFile"));
        }
        if (list.lines.isEmpty() && list.problems.isEmpty()) {
            throw new UserRejected(UserProblem.of(0, null, "users.import.problem.noRows"));
        }
        CheckedUsers users = checked(list.lines, list.problems);
        if (!list.problems.isEmpty()) {
            throw new UserRejected(list.problems);
        }
        return users;
    }

    /**
     * Creates the users the file named, checking them once more: an account may have been created or a unit closed
     * since the file was read. All or nothing.
     * @return the users created, each with the one-time password to hand over
     * @throws UserRejected with every problem found now; nothing is saved
     */
    @Transactional
    public List<IssuedPassword> create(CheckedUsers users, JobProgress progress) {
        List<UserProblem> problems = new ArrayList<>();
        CheckedUsers again = checked(users.lines(), problems);
        if (!problems.isEmpty()) {
            throw new UserRejected(problems);
        }
        progress.total(again.users().size());
        List<IssuedPassword> issued = new ArrayList<>();
        for (NewUser user : again.users()) {
            issued.add(administration.issue(user, "IMPORT_USER"));
            progress.advance();
        }
        return issued;
    }

    private CheckedUsers checked(List<Line> lines, List<UserProblem> problems) {
        Actor actor = rules.actor();
        List<NewUser> users = new ArrayList<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        for (Line row : lines) {
            int line = row.number();
            String username = UserAccount.normalizeUsername(row.username());
            Integer earlier = firstLineOf.putIfAbsent(username, line);
            if (earlier != null && !username.isEmpty()) {
                problems.add(UserProblem.of(line, UserField.USERNAME, "users.import.problem.duplicateUsername",
                        username, earlier));
            }
            else {
                rules.checkUsername(line, row.username(), problems);
            }
            rules.checkDisplayName(line, row.displayName(), problems);
            Role role = role(line, row.role(), problems);
            String unitCode = unitCode(row.unitCode(), role);
            if (role != null && rules.checkRole(line, actor, role, problems)) {
                rules.checkUnit(line, actor, role, unitCode, problems);
            }
            rules.checkEmail(line, row.email(), problems);
            users.add(new NewUser(row.username(), row.displayName(), role, unitCode, row.email()));
        }
        return new CheckedUsers(List.copyOf(lines), List.copyOf(users));
    }

    /**
     * A unit code as the file means it: Excel, opening a CSV, reads 05068 as the number 5068 and saves it so. The
     * zeros are put back where only one level's code can be meant: a commune staff's unit is a commune (five digits),
     * a province manager's a province (two), and four digits are no other level's than a commune's.
     */
    static String unitCode(String typed, Role role) {
        String code = UserRules.blankToNull(typed);
        if (code == null || !code.matches("[0-9]{1,4}")) {
            return typed;
        }
        UnitLevel meant = role == Role.COMMUNE_STAFF || code.length() == 4 ? UnitLevel.COMMUNE
                : role == Role.PROVINCE_MANAGER ? UnitLevel.PROVINCE : null;
        return meant == null ? code : meant.withLeadingZeros(code);
    }

    /** What an import job hands over once: the users it created and their one-time passwords. */
    public record ImportedUsers(List<IssuedPassword> issued) {
    }

    /** The lines of a file that passed every check, as read and as users to create. */
    public record CheckedUsers(List<Line> lines, List<NewUser> users) {
    }

    /** One user's line of the file, its values as typed. */
    public record Line(int number, String username, String displayName, String role, String unitCode,
            String email) {
    }

    /** The file's records as they are read: the header is checked, and each non-blank row after it kept. */
    private static final class UserList implements Consumer<CSVRecord> {

        private final List<UserProblem> problems = new ArrayList<>();

        private final List<Line> lines = new ArrayList<>();

        private boolean headerRead;

        @Override
        public void accept(CSVRecord row) {
            if (row.stream().allMatch(String::isBlank)) {
                return;
            }
            int line = (int) row.getRecordNumber();
            if (!headerRead) {
                List<String> header = row.toList().stream().map(String::strip).toList();
                if (TableRows.semicolonSeparated(header)) {
                    throw new UserRejected(UserProblem.of(line, null, "import.problem.semicolons"));
                }
                if (!header.equals(COLUMNS)) {
                    throw new UserRejected(UserProblem.of(line, null, "users.import.problem.header",
                            String.join(",", row.toList()), HEADER));
                }
                headerRead = true;
                return;
            }
            if (row.size() != COLUMNS.size()) {
                problems.add(UserProblem.of(line, null, "users.import.problem.columnCount", row.size(), COLUMNS.size()));
                return;
            }
            lines.add(new Line(line, row.get(0).strip(), row.get(1).strip(), row.get(2), row.get(3).strip(),
                    row.get(4).strip()));
        }
    }

    private static Role role(int line, String text, List<UserProblem> problems) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        if (name.isEmpty()) {
            problems.add(UserProblem.of(line, UserField.ROLE, "users.problem.roleRequired"));
            return null;
        }
        try {
            return Role.valueOf(name);
        }
        catch (IllegalArgumentException ex) {
            problems.add(UserProblem.of(line, UserField.ROLE, "users.import.problem.unknownRole", text.strip()));
            return null;
        }
    }
}
