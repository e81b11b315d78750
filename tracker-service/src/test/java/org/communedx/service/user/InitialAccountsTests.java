package org.communedx.service.user;

import java.time.Clock;
import java.util.Map;

import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.DemoData;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The first administrator against an external database, without demo data. */
class InitialAccountsTests {

    /** "admin" as admin's password logged straight in: a choice the policy refuses is a one-time password. */
    @Test
    void aChosenPasswordThePolicyRefusesMustBeChangedAtFirstLogin() {
        assertThat(administratorWith("admin").isMustChangePassword()).isTrue();
        assertThat(administratorWith("password123").isMustChangePassword()).isTrue();
        assertThat(administratorWith("Mật khẩu quản trị của tỉnh 2026").isMustChangePassword()).isFalse();
        assertThat(administratorWith("").isMustChangePassword()).as("generated, one-time").isTrue();
    }

    @SuppressWarnings("deprecation")
    private static UserAccount administratorWith(String password) {
        UserAccountRepository accounts = mock(UserAccountRepository.class);
        when(accounts.existsByUsername("admin")).thenReturn(false);
        DemoData demoData = mock(DemoData.class);
        when(demoData.enabled()).thenReturn(false);
        CommuneDxProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("communedx.admin.password", password))).bindOrCreate("communedx", CommuneDxProperties.class);
        new InitialAccounts(accounts, NoOpPasswordEncoder.getInstance(), Clock.systemUTC(), demoData, properties,
                new PasswordPolicy()).run(null);
        ArgumentCaptor<UserAccount> saved = ArgumentCaptor.forClass(UserAccount.class);
        verify(accounts).save(saved.capture());
        return saved.getValue();
    }
}
