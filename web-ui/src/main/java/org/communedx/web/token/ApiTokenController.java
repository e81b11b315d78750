package org.communedx.web.token;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.communedx.model.RuleViolation;
import org.communedx.service.token.ApiTokens;
import org.communedx.service.token.TokenRefused;
import org.communedx.web.config.IssuedForms;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * API tokens, for administrators and provincial managers: the list with the issue form, the page that shows a new
 * token once, and a revocation with its confirmation. Which roles, units and tokens each may touch is the service's to
 * decide.
 */
@Controller
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/api-tokens")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("tokenForm", TokenForm.empty());
        return listPage(page, model);
    }

    /**
     * The new token is rendered by this very response, not carried to a redirect as a flash attribute: a flash
     * attribute lives in the session, which may be a row of PostgreSQL or a key in Redis, and the secret must be
     * written nowhere. {@code no-store} keeps it out of the browser's cache. Reloading sends the form again: its
     * issue key, kept in the session once it issued a token (a key, no secret), then leads back to the list, which
     * says that the token was issued the first time and is not shown again, instead of issuing a second one.
     */
    @PostMapping("/api-tokens")
    String issue(@Validated @ModelAttribute("tokenForm") TokenForm form, BindingResult binding, Model model,
            HttpServletResponse response, HttpSession session, RedirectAttributes redirect) {
        if (IssuedForms.issued(session, form.issueKey()).isPresent()) {
            redirect.addFlashAttribute("messageKey", "apiTokens.alreadyIssued");
            return "redirect:/api-tokens";
        }
        if (binding.hasErrors()) {
            // The service's problems too, beside the form's own, so that every field's is said in one round.
            reject(tokens.problems(form.toNewToken()), binding);
        }
        else {
            try {
                // Remembered first: a second request of the same form that comes while this one issues is turned away.
                IssuedForms.remember(session, form.issueKey(), "/api-tokens");
                model.addAttribute("issued", tokens.issue(form.toNewToken()));
                // An example that answers every role something: the unit list answers nothing without a search.
                model.addAttribute("apiUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/v1/periods").toUriString());
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                return "token/issued";
            }
            catch (TokenRefused refused) {
                IssuedForms.forget(session, form.issueKey());
                reject(refused.problems(), binding);
            }
        }
        return listPage(0, model);
    }

    /** Each problem at its field, unless the form already said what is wrong there. */
    private static void reject(List<ApiTokens.Problem> problems, BindingResult binding) {
        for (ApiTokens.Problem problem : problems) {
            if (!binding.hasFieldErrors(problem.field())) {
                binding.rejectValue(problem.field(), problem.messageKey(), problem.arguments().toArray(),
                        problem.messageKey());
            }
        }
    }

    @GetMapping("/api-tokens/{id}/revoke")
    String confirmRevoke(@PathVariable long id, Model model) {
        model.addAttribute("token", tokens.token(id));
        return "token/revoke";
    }

    @PostMapping("/api-tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        try {
            tokens.revoke(id);
            redirect.addFlashAttribute("messageKey", "apiTokens.revoked");
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("messageKey", violation.messageKey());
        }
        return "redirect:/api-tokens";
    }

    private String listPage(int page, Model model) {
        model.addAttribute("roles", tokens.grantableRoles());
        tokens.issuerUnitEnded().ifPresent(ended -> model.addAttribute("issuerUnitEnded", ended));
        model.addAttribute("result", tokens.list(page));
        model.addAttribute("maxValidDays", ApiTokens.MAX_VALID_DAYS);
        return "token/list";
    }
}
