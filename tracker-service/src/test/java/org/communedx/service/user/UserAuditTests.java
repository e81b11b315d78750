package org.communedx.service.user;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.audit.AuditLog.AuditEvent;
import org.communedx.service.audit.AuditSearch;
import org.communedx.service.audit.AuditSearch.AuditPage;
import org.communedx.service.audit.AuditSearch.AuditRow;
import org.communedx.service.audit.AuditSearch.Change;
import org.communedx.service.audit.AuditSearch.Filter;
import org.communedx.service.audit.AuditText;
import org.communedx.service.job.JobProgress;
import org.communedx.service.report.Labels;
import org.communedx.service.user.UserViews.IssuedPassword;
import org.communedx.service.user.UserViews.NewUser;
import org.communedx.service.user.UserViews.UserChanges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.communedx.service.user.UserFixtures.account;
import static org.communedx.service.user.UserFixtures.loginAs;

/** Every change to an account is an audit event, and the search names it: who, whom, and each field changed. */
@SpringBootTest(classes = ServiceTestApplication.class)
@Transactional
class UserAuditTests {

    @Autowired
    UserAdministration administration;

    @Autowired
    UserImport userImport;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditSearch search;

    @BeforeEach
    void unitsAndAnAdministrator() {
        UserFixtures.units(units);
        account(accounts, "admin.audit", Role.ADMIN, null);
        loginAs("admin.audit", Role.ADMIN);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void creatingChangingDisablingAndResettingAnAccountAreEachAudited() {
        IssuedPassword created = administration.create(
                new NewUser("xa.audit", "Cán bộ Xã Một", Role.COMMUNE_STAFF, "88101", null));
        long id = created.id();

        administration.update(id, new UserChanges("Cán bộ Xã Một", Role.VIEWER, "88101", "mot@thu.gov.vn",
                administration.detail(id).version()));
        administration.update(id, new UserChanges("Cán bộ Xã Một", Role.VIEWER, "88101", "mot@thu.gov.vn",
                administration.detail(id).version()));
        administration.disable(id);
        administration.enable(id);
        administration.resetPassword(id);

        List<AuditEvent> history = audit.history(UserAdministration.AUDIT_TYPE, id);
        assertThat(history).extracting(AuditEvent::action)
                .as("an edit that changes nothing leaves no event")
                .containsExactly("CREATE", "EDIT", "DISABLE", "ENABLE", "RESET_PASSWORD");
        assertThat(history).extracting(AuditEvent::actor).containsOnly("admin.audit");
        assertThat(history.get(0).afterJson()).contains("\"username\": \"xa.audit\"", "\"role\": \"COMMUNE_STAFF\"")
                .doesNotContain("password\":", "passwordHash", created.password());

        AuditRow edit = rows(new Filter("admin.audit", "", "USER", "EDIT", null, null)).get(0);
        assertThat(edit.subject().name()).isEqualTo("Cán bộ Xã Một (xa.audit)");
        assertThat(edit.actorName()).isEqualTo("Người dùng admin.audit");
        assertThat(edit.changes()).containsExactly(new Change("role", "COMMUNE_STAFF", "VIEWER"),
                new Change("email", "", "mot@thu.gov.vn"));
        assertThat(AuditText.changes(edit, labels())).as("an address given to an account that had none")
                .containsExactly("Vai trò: Cán bộ xã → Người xem", "Thư: (trống) → mot@thu.gov.vn");
    }

    /** An account moved to another unit is found under both: the one it left, as the one it joined. */
    @Test
    void anAccountMovedAwayIsFoundUnderTheUnitItLeft() {
        long id = administration.create(new NewUser("xa.moved", "Cán bộ chuyển đi", Role.VIEWER, "88101", null)).id();
        administration.update(id, new UserChanges("Cán bộ chuyển đi", Role.VIEWER, "881", null,
                administration.detail(id).version()));

        for (String unit : List.of("88101", "881")) {
            assertThat(rows(new Filter("admin.audit", unit, "USER", "EDIT", null, null)))
                    .as(unit).extracting(row -> row.subject().name()).contains("Cán bộ chuyển đi (xa.moved)");
        }
    }

    @Test
    void anImportIsOneEventPerImportedUserByTheAdministratorWhoImportedThem() {
        byte[] file = ("username,display_name,role,unit_code,email\r\n"
                + "xa.nhap1,Nhập Một,COMMUNE_STAFF,88101,\r\n"
                + "xa.nhap2,Nhập Hai,VIEWER,88,\r\n").getBytes(StandardCharsets.UTF_8);
        userImport.create(userImport.check(new ByteArrayResource(file)), new JobProgress());

        List<AuditRow> imported = rows(new Filter("ADMIN.AUDIT", "", "", "IMPORT_USER", null, null));
        assertThat(imported).extracting(AuditRow::actor, row -> row.subject().name()).containsExactlyInAnyOrder(
                tuple("admin.audit", "Nhập Một (xa.nhap1)"), tuple("admin.audit", "Nhập Hai (xa.nhap2)"));
        assertThat(rows(new Filter("admin.audit", "88101", "USER", "", null, null)))
                .as("the unit filter finds the accounts of the unit").extracting(row -> row.subject().name())
                .containsExactly("Nhập Một (xa.nhap1)");
    }

    @Test
    void onlyAnAdministratorSearchesOrExportsTheTrail() {
        account(accounts, "pm.audit", Role.PROVINCE_MANAGER, "88");
        loginAs("pm.audit", Role.PROVINCE_MANAGER);
        Filter all = new Filter("", "", "", "", null, null);

        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> search.search(all, 0));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> search.export(all, labels(), java.io.OutputStream.nullOutputStream()));
    }

    @Test
    void pagesHoldFiftyEventsAndSayWhetherMoreFollow() {
        for (int i = 0; i < AuditSearch.PAGE_SIZE + 1; i++) {
            administration.create(new NewUser("xa.trang" + i, "Trang " + i, Role.VIEWER, "88", null));
        }
        Filter mine = new Filter("admin.audit", "", "USER", "CREATE", null, null);

        AuditPage first = search.search(mine, 0);
        AuditPage second = search.search(mine, 1);
        assertThat(first.rows()).hasSize(AuditSearch.PAGE_SIZE);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();
        assertThat(second.rows()).hasSize(1);
        assertThat(second.hasNext()).isFalse();
        assertThat(second.hasPrevious()).isTrue();
        assertThat(search.search(mine, -5).page()).isZero();
        assertThat(search.search(mine, Integer.MAX_VALUE).page()).isEqualTo(AuditSearch.MAX_PAGE);
    }

    private List<AuditRow> rows(Filter filter) {
        return search.search(filter, 0).rows();
    }

    private static Labels labels() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("audit.field.role", Locale.ROOT, "Vai trò");
        messages.addMessage("audit.field.email", Locale.ROOT, "Thư");
        messages.addMessage("users.role.COMMUNE_STAFF", Locale.ROOT, "Cán bộ xã");
        messages.addMessage("users.role.VIEWER", Locale.ROOT, "Người xem");
        messages.addMessage("audit.change.set", Locale.ROOT, "{0}: {1}");
        messages.addMessage("audit.change.changed", Locale.ROOT, "{0}: {1} → {2}");
        messages.addMessage("audit.value.none", Locale.ROOT, "(trống)");
        for (String key : List.of("audit.time", "audit.username", "audit.actor", "audit.ip", "audit.entityType",
                "audit.actionColumn", "audit.subject", "audit.changes")) {
            messages.addMessage(key, Locale.ROOT, key);
        }
        return new Labels(messages, Locale.ROOT);
    }
}
