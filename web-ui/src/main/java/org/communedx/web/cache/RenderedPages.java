package org.communedx.web.cache;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.communedx.service.revision.DataRevision;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Serves a read-only page again, without its queries and its rendering, to the user it was rendered for, for as long
 * as nothing it was rendered from can have changed: the database ({@link DataRevision} has not moved since), the
 * user's name and roles, the address, the language, and the quarter of an hour (its days-left figures count calendar
 * days, in Vietnam's time and in the server's, whose offsets are whole quarters of an hour). So it is never stale:
 * an approval moves the revision before its own request answers, and the very next request renders afresh.
 * <p>
 * It runs after Spring Security, so that only an authenticated user of a live session is served, and the security
 * headers are written as for any page. A page is kept only as a plain 200 HTML answer that set no cookie (a new
 * session, a language chosen with {@code ?lang=}) and was given no flash attributes (these pages show none today).
 */
@Component
class RenderedPages extends OncePerRequestFilter {

    /** The pages officials keep open and reload: scorecards, their explanations and the dashboards. */
    private static final RequestMatcher PAGES = new OrRequestMatcher(
            pathPattern(HttpMethod.GET, "/communes/*/periods/*"),
            pathPattern(HttpMethod.GET, "/communes/*/periods/*/explain"),
            pathPattern(HttpMethod.GET, "/dashboard/national"),
            pathPattern(HttpMethod.GET, "/units/*/dashboard"));

    private static final long QUARTER_HOUR_SECONDS = 15 * 60;

    private final DataRevision revision;

    private final LocaleResolver localeResolver;

    private final Clock clock;

    private final @Nullable Cache<PageKey, RenderedPage> pages;

    RenderedPages(DataRevision revision, LocaleResolver localeResolver, Clock clock,
            @Value("${communedx.page-cache.max-size:64MB}") DataSize maxSize) {
        this.revision = revision;
        this.localeResolver = localeResolver;
        this.clock = clock;
        this.pages = maxSize.toBytes() <= 0 ? null
                : Caffeine.newBuilder()
                        .maximumWeight(maxSize.toBytes())
                        .weigher((PageKey key, RenderedPage page) -> page.size())
                        // A page is never served after its quarter of an hour: that is all it may be kept.
                        .expireAfterWrite(Duration.ofSeconds(QUARTER_HOUR_SECONDS))
                        .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return pages == null || !PAGES.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (pages == null || authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        // Read before any of the page's own queries: what is then rendered is at least as new as this revision.
        long revisionBeforeRendering = revision.current();
        PageKey key = keyOf(request, authentication);
        RenderedPage kept = pages.getIfPresent(key);
        if (kept != null && kept.revision() == revisionBeforeRendering) {
            kept.writeTo(response, () -> csrfTokenOf(request));
            return;
        }
        ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, rendering);
        if (keepable(request, response, rendering)) {
            pages.put(key, RenderedPage.of(revisionBeforeRendering, rendering, csrfTokenOf(request)));
        }
        rendering.copyBodyToResponse();
    }

    private PageKey keyOf(HttpServletRequest request, Authentication authentication) {
        String query = request.getQueryString();
        return new PageKey(authentication.getName(),
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList(),
                query == null ? request.getRequestURI() : request.getRequestURI() + '?' + query,
                localeResolver.resolveLocale(request), clock.instant().getEpochSecond() / QUARTER_HOUR_SECONDS,
                Objects.toString(request.getHeader(HttpHeaders.ACCEPT), ""));
    }

    private static boolean keepable(HttpServletRequest request, HttpServletResponse response,
            ContentCachingResponseWrapper rendering) {
        String contentType = rendering.getContentType();
        return rendering.getStatus() == HttpStatus.OK.value() && contentType != null
                && MediaType.TEXT_HTML.isCompatibleWith(MediaType.parseMediaType(contentType))
                && response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
                && request.getAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE) == null;
    }

    private static @Nullable String csrfTokenOf(HttpServletRequest request) {
        return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token ? token.getToken() : null;
    }

    /** Everything besides the data that a page of these may differ by. */
    private record PageKey(String username, List<String> authorities, String address, Locale locale,
            long quarterHour, String accept) {
    }
}
