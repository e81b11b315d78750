package org.communedx.service.user;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.tika.Tika;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.service.UploadedText;
import org.communedx.service.user.UserRules.Actor;
import org.communedx.service.user.UserViews.IssuedPassword;
import org.communedx.service.user.UserViews.NewUser;

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

    /** Each user costs a bcrypt hash (about 0.1 s); larger lists are split into several files. */
    public static final int MAX_ROWS = 1000;

    private static final List<String> COLUMNS = List.of(HEADER.split(","));

    private static final Tika TIKA = new Tika();

    private final UserRules rules;

    private final UserAdministration administration;

    UserImport(UserRules rules, UserAdministration administration) {
        this.rules = rules;
        this.administration = administration;
    }

    /**
     * @return the users created, each with the one-time password to hand over
     * @throws UserRejected with every problem of the file; nothing is saved
     */
    @Transactional
    public List<IssuedPassword> importCsv(byte[] content) {
        Actor actor = rules.actor();
        List<CSVRecord> records = read(content).stream()
                .filter(row -> !row.stream().allMatch(String::isBlank)).toList();
        if (records.isEmpty()) {
            throw new UserRejected(UserProblem.of(0, null, "users.import.problem.emptyFile"));
        }
        List<String> header = records.get(0).toList().stream().map(String::strip).toList();
        if (!header.equals(COLUMNS)) {
            throw new UserRejected(UserProblem.of((int) records.get(0).getRecordNumber(), null,
                    "users.import.problem.header",
                    String.join(",", records.get(0).toList()), HEADER));
        }
        List<CSVRecord> rows = records.subList(1, records.size());
        if (rows.isEmpty()) {
            throw new UserRejected(UserProblem.of(0, null, "users.import.problem.noRows"));
        }
        if (rows.size() > MAX_ROWS) {
            throw new UserRejected(UserProblem.of(0, null, "users.import.problem.tooManyRows", rows.size(), MAX_ROWS));
        }
        List<UserProblem> problems = new ArrayList<>();
        List<NewUser> users = new ArrayList<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        for (CSVRecord row : rows) {
            int line = (int) row.getRecordNumber();
            if (row.size() != COLUMNS.size()) {
                problems.add(UserProblem.of(line, null, "users.import.problem.columnCount", row.size(), COLUMNS.size()));
                continue;
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
        if (!problems.isEmpty()) {
            throw new UserRejected(problems);
        }
        return users.stream().map(administration::issue).toList();
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

    /**
     * Every record, blank lines included, so that a record's number is its line in the file (a quoted value over
     * several lines aside). Refuses what is empty, not text, not UTF-8 or not well-formed CSV.
     */
    private static List<CSVRecord> read(byte[] content) {
        if (content == null || content.length == 0) {
            throw new UserRejected(UserProblem.of(0, null, "users.import.problem.emptyFile"));
        }
        String mediaType = TIKA.detect(content);
        if (!mediaType.startsWith("text/") && !mediaType.equals("application/octet-stream")) {
            throw new UserRejected(UserProblem.of(0, null, "users.import.problem.notCsv", mediaType));
        }
        String text = UploadedText.utf8(content)
                .orElseThrow(() -> new UserRejected(UserProblem.of(0, null, "users.import.problem.notUtf8")));
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get()
                .parse(new StringReader(text))) {
            return parser.getRecords();
        }
        catch (IOException | UncheckedIOException | IllegalStateException ex) {
            throw new UserRejected(UserProblem.of(0, null, "users.import.problem.malformed"));
        }
    }

}
