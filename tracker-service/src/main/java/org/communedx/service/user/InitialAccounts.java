package org.communedx.service.user;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Makes sure somebody can log in. With the embedded database (a trial or a laptop) the demo accounts of the
 * README are created; against an external database only {@code admin}, whose password comes from
 * {@code COMMUNEDX_ADMIN_PASSWORD} or is generated, printed once and must be changed at first login. A chosen
 * password that the {@link PasswordPolicy} refuses must be changed at first login as well. A fixed production
 * password is never shipped.
 */
@Component
// After the demo's units, periods and assessments, as when it had no order, but before the demo's notices, which go to
// these accounts (DemoNotifications).
@Order(Ordered.HIGHEST_PRECEDENCE + 25)
class InitialAccounts implements ApplicationRunner {

    static final String DEMO_PASSWORD = "Demo@2025!";

    /** The demo accounts' addresses' domain. */
    static final String DEMO_DOMAIN = "@example.vn";

    private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);

    private static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
            new DemoAccount("admin", "Quản trị hệ thống", Role.ADMIN, null),
            new DemoAccount("tinh.hoabinh", "Sở TT&TT Hòa Bình", Role.PROVINCE_MANAGER, "17"),
            new DemoAccount("tinh.phutho", "Sở KH&CN Phú Thọ", Role.PROVINCE_MANAGER, "25"),
            new DemoAccount("huyen.lacson", "Phòng VH-TT huyện Lạc Sơn", Role.DISTRICT_OFFICIAL, "157"),
            new DemoAccount("huyen.kimboi", "Phòng VH-TT huyện Kim Bôi", Role.DISTRICT_OFFICIAL, "153"),
            new DemoAccount("xa.yenphu", "UBND xã Yên Phú", Role.COMMUNE_STAFF, "05305"),
            new DemoAccount("xa.annghia", "UBND xã Đại Đồng", Role.COMMUNE_STAFF, "05347"),
            new DemoAccount("xem.hoabinh", "Người xem tỉnh Hòa Bình", Role.VIEWER, "17"));

    private final UserAccountRepository accounts;

    private final PasswordEncoder passwordEncoder;

    private final Clock clock;

    private final boolean demoData;

    private final String adminPassword;

    private final PasswordPolicy policy;

    InitialAccounts(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock,
            DemoData demoData, CommuneDxProperties properties, PasswordPolicy policy) {
        this.policy = policy;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.demoData = demoData.enabled();
        this.adminPassword = Objects.toString(properties.admin().password(), "");
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (demoData) {
            // An address at example.vn, reserved for examples, so that a demo's e-mails can reach nobody real; also
            // for the accounts of a demo made before they had one.
            DEMO_ACCOUNTS.forEach(demo -> accounts.findByUsername(demo.username())
                    .filter(account -> account.getEmail() == null).ifPresent(account -> account.changeEmail(
                            demo.username() + DEMO_DOMAIN)));
            List<DemoAccount> missing = DEMO_ACCOUNTS.stream()
                    .filter(demo -> !accounts.existsByUsername(demo.username())).toList();
            if (missing.isEmpty()) {
                return;
            }
            // One hash for all: the accounts share the password, and each bcrypt costs the first start a good part
            // of a second. A salted hash is as good for eight accounts as for one.
            String hash = passwordEncoder.encode(DEMO_PASSWORD);
            missing.forEach(demo -> {
                UserAccount account = new UserAccount(demo.username(), demo.displayName(), hash, demo.role(),
                        demo.unitCode(), clock.instant());
                account.changeEmail(demo.username() + DEMO_DOMAIN);
                accounts.save(account);
            });
        }
        else if (!accounts.existsByUsername("admin")) {
            createAdministrator();
        }
    }

    private void createAdministrator() {
        boolean generated = !StringUtils.hasText(adminPassword);
        String password = generated ? randomPassword() : adminPassword;
        UserAccount admin = new UserAccount("admin", "Quản trị hệ thống", passwordEncoder.encode(password),
                Role.ADMIN, null, clock.instant());
        if (generated) {
            admin.requirePasswordChange();
            log.warn("Created the administrator 'admin' with the one-time password {} ; it must be changed at "
                    + "first login. Set COMMUNEDX_ADMIN_PASSWORD to choose it instead.", password);
        }
        else if (!policy.problems(admin.getUsername(), password).isEmpty()) {
            // "admin" as admin's password logged straight in: a weak choice is a one-time password, as a generated one.
            admin.requirePasswordChange();
            log.warn("COMMUNEDX_ADMIN_PASSWORD breaks the password policy (at least {} characters, not the username, "
                    + "not a common password): 'admin' must change it at first login.", PasswordPolicy.MIN_LENGTH);
        }
        accounts.save(admin);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private record DemoAccount(String username, String displayName, Role role, String unitCode) {
    }
}
