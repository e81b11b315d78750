package org.communedx.web.home;

import jakarta.servlet.http.HttpServletRequest;

import org.communedx.service.user.SignedInAccount;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the menu needs to know about the page it is on and its user: which item is current, where the language switch
 * leads, and whom to name.
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    @ModelAttribute("navigation")
    Navigation navigation(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return new Navigation(path, request.getQueryString());
    }

    /** The signed-in user as the menu names them: their display name, not their username. */
    @ModelAttribute("displayName")
    String displayName(Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        return authentication.getPrincipal() instanceof SignedInAccount account && account.getDisplayName() != null
                ? account.getDisplayName() : authentication.getName();
    }
}
