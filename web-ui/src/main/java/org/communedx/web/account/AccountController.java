package org.communedx.web.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.communedx.service.notification.NotificationInbox;
import org.communedx.service.user.AccountAuthorities;
import org.communedx.model.user.EmailPreference;
import org.communedx.service.user.AccountSettings;
import org.communedx.service.user.AccountSettings.AccountView;
import org.communedx.service.user.CurrentPasswordIncorrect;
import org.communedx.service.user.PasswordPolicy;
import org.communedx.service.user.PasswordRejected;
import org.communedx.service.user.TooManyAttempts;
import org.communedx.web.config.AccountLanguage;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's own account: the interface language and the password. */
@Controller
class AccountController {

    private final AccountSettings accounts;

    private final LocaleResolver localeResolver;

    private final SessionAuthentication session;

    private final NotificationInbox inbox;

    AccountController(AccountSettings accounts, LocaleResolver localeResolver, SessionAuthentication session,
            NotificationInbox inbox) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.localeResolver = localeResolver;
        this.session = session;
    }

    @GetMapping("/account")
    String show(Authentication authentication, Model model) {
        AccountView account = accounts.account(authentication.getName());
        model.addAttribute("account", account);
        model.addAttribute("languageForm", new LanguageForm(account.language()));
        model.addAttribute("emailPreferenceForm", new EmailPreferenceForm(account.emailPreference()));
        model.addAttribute("emailPreferences", EmailPreference.values());
        // Without a mail server the choice is kept for when there is one, and the page says that none is sent now.
        model.addAttribute("mailEnabled", inbox.mailEnabled());
        return "account/show";
    }

    @PostMapping("/account/language")
    String changeLanguage(@Validated LanguageForm form, BindingResult binding, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            // Only a hand-made request sends another language than the two the form offers.
            return "redirect:/account";
        }
        accounts.changeLanguage(authentication.getName(), form.language());
        // The account's language now, here too: this browser's choice from the menu, if it had one, gives way to it.
        localeResolver.setLocale(request, response, null);
        AccountLanguage.use(request, form.language());
        redirect.addFlashAttribute("messageKey", "account.language.changed");
        return "redirect:/account";
    }

    @PostMapping("/account/email-preference")
    String changeEmailPreference(@Validated EmailPreferenceForm form, BindingResult binding,
            Authentication authentication, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            // Only a hand-made request sends another value than the three the form offers.
            return "redirect:/account";
        }
        accounts.changeEmailPreference(authentication.getName(), form.emailPreference());
        redirect.addFlashAttribute("messageKey", "account.emailPreference.changed");
        return "redirect:/account";
    }

    @GetMapping("/account/password")
    String passwordForm(Authentication authentication, Model model) {
        model.addAttribute("passwordForm", PasswordForm.empty());
        return passwordPage(authentication, model);
    }

    /** Errors are shown on the page itself rather than after a redirect, so that no password goes into the session. */
    @PostMapping("/account/password")
    String changePassword(@Validated @ModelAttribute("passwordForm") PasswordForm form, BindingResult binding,
            Authentication authentication, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        boolean forced = AccountAuthorities.mustChangePassword(authentication);
        if (!binding.hasErrors()) {
            try {
                accounts.changePassword(authentication.getName(), form.currentPassword(), form.newPassword());
            }
            catch (TooManyAttempts ex) {
                binding.rejectValue("currentPassword", "account.password.throttled", new Object[] { ex.minutes() },
                        "account.password.throttled");
            }
            catch (CurrentPasswordIncorrect ex) {
                binding.rejectValue("currentPassword", "account.password.currentIncorrect");
            }
            catch (PasswordRejected ex) {
                ex.problems().forEach(problem -> binding.rejectValue("newPassword", problem.messageKey(),
                        problem.arguments().toArray(), problem.messageKey()));
            }
        }
        if (binding.hasErrors()) {
            return passwordPage(authentication, model);
        }
        session.refresh(request, response);
        redirect.addFlashAttribute("messageKey", "account.password.changed");
        return forced ? "redirect:/" : "redirect:/account";
    }

    private static String passwordPage(Authentication authentication, Model model) {
        model.addAttribute("forced", AccountAuthorities.mustChangePassword(authentication));
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "account/password";
    }
}
