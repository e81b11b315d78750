package org.communedx.service.user;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVRecord;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.importing.CsvRecords;
import org.communedx.service.importing.ImportFileRefused;
import org.communedx.service.importing.ImportLimits;
import org.communedx.service.importing.UploadContent;
import org.communedx.service.user.UserRules.Actor;
import org.communedx.service.user.UserViews.IssuedPassword;
import org.communedx.service.user.UserViews.NewUser;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Many users at once from a CSV file (UTF-8, a byte order mark allowed) with the header {@value #HEADER}.
 * All or nothing: one problem anywhere and no user is created, and every problem is listed by line and column.
 * The file is recognised by its content, never by its name.
 */
@Service
@Transactional(readOnly = true)
public class UserImport {

    public static final String HEADER = "username,display_name,role,unit_code,email";

    private static final List<String> COLUMNS = List.of(HEADER.split(","));

    private final UserRules rules;

    private final UserAdministration administration;

    private final ImportLimits limits;

    UserImport(UserRules rules, UserAdministration administration, CommuneDxProperties properties) {
        this.rules = rules;
        this.administration = administration;
        CommuneDxProperties.Imports imports = properties.imports();
        this.limits = ImportLimits.of(imports.users().maxFileSize(), imports.users().maxRows(),
                imports.maxCellLength());
    }

    /** The bounds of one file; the rows are users, each of which costs a bcrypt hash (about 0.1 s). */
    public ImportLimits limits() {
        return limits;
    }

    /**
     * @param file the CSV file, read a record at a time; {@code null} when none was chosen
     * @return the users created, each with the one-time password to hand over
     * @throws UserRejected with every problem of the file; nothing is saved
     */
    @Transactional
    public List<IssuedPassword> importCsv(InputStreamSource file) {
        UserList list = new UserList(rules.actor());
        String mediaType = UploadContent.mediaType(file)
                .orElseThrow(() -> new UserRejected(UserProblem.of(0, null, "users.import.problem.emptyFile")));
        if (!mediaType.startsWith("text/") && !mediaType.equals("application/octet-stream")) {
            throw new UserRejected(UserProblem.of(0, null, "users.import.problem.notCsv", mediaType));
        }
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
        if (list.users.isEmpty() && list.problems.isEmpty()) {
            throw new UserRejected(UserProblem.of(0, null, "users.import.problem.noRows"));
        }
        if (!list.problems.isEmpty()) {
            throw new UserRejected(list.problems);
        }
        return list.users.stream().map(administration::issue).toList();
    }

    /** The file's records as they are read: the header is checked, and each non-blank row after it checked. */
    private final class UserList implements Consumer<CSVRecord> {

        private final Actor actor;

        private final List<UserProblem> problems = new ArrayList<>();

        private final List<NewUser> users = new ArrayList<>();

        private final Map<String, Integer> firstLineOf = new HashMap<>();

        private boolean headerRead;

        UserList(Actor actor) {
            this.actor = actor;
        }

        @Override
        public void accept(CSVRecord row) {
            if (row.stream().allMatch(String::isBlank)) {
                return;
            }
            int line = (int) row.getRecordNumber();
            if (!headerRead) {
                List<String> header = row.toList().stream().map(String::strip).toList();
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
            NewUser user = new NewUser(row.get(0).strip(), row.get(1).strip(), null, row.get(3).strip(),
                    row.get(4).strip());
            String username = UserAccount.normalizeUsername(user.username());
            Integer earlier = firstLineOf.putIfAbsent(username, line);
            if (earlier != null && !username.isEmpty()) {
                problems.add(UserProblem.of(line, UserField.USERNAME, "users.import.problem.duplicateUsername",
                        username, earlier));
            }
            else {
                rules.checkUsername(line, user.username(), problems);
            }
            rules.checkDisplayName(line, user.displayName(), problems);
            Role role = role(line, row.get(2), problems);
            if (role != null && rules.checkRole(line, actor, role, problems)) {
                rules.checkUnit(line, actor, role, user.unitCode(), problems);
            }
            rules.checkEmail(line, user.email(), problems);
            users.add(new NewUser(user.username(), user.displayName(), role, user.unitCode(), user.email()));
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
