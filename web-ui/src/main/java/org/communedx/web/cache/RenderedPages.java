package org.communedx.web.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.notification.NotificationInbox;
import org.communedx.service.revision.DataRevision;
import org.jspecify.annotations.Nullable;

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
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.ContentCachingResponseWrapper;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Spares the pages that officials keep open and reload (scorecards, their explanations and the dashboards) what has
 * not changed since they last saw them, in two ways:
 * <ul>
 * <li>each such page answers with an ETag and {@code Cache-Control: private, no-cache}, so that the browser keeps it
 * and asks again each time; while the ETag still holds, the answer is a {@code 304 Not Modified} of a few hundred bytes,
 * with no query and no rendering (Back and Forward show the copy without asking, so app.js asks then);</li>
 * <li>a page is also kept on the server and served again, without its queries and its rendering, to the user it was
 * rendered for (a second tab, a client that sends no ETag).</li>
 * </ul>
 * Both last as long as nothing the page was rendered from can have changed: the database ({@link DataRevision} has
 * not moved since), the user's name and roles, for the ETag their session (whose CSRF token the page's forms carry;
 * a kept page gets the token of each request it is served to), the address,
 * the language, the user's count of unread notices (the menu's badge: reading a notice or a job's notice does not
 * move the revision, see NotificationInbox), and the quarter of an hour (its days-left figures count calendar days, in Vietnam's time and in the
 * server's, whose offsets are whole quarters of an hour). So neither is ever stale: an approval moves the revision
 * before its own request answers, and the very next request renders afresh.
 * <p>
 * It runs after Spring Security, so that only an authenticated user of a live session is served, and the security
 * headers are written as for any page. Only a plain 200 HTML answer that set no cookie (a new session, a language
 * chosen with {@code ?lang=}) and was given no flash attributes gets an ETag or is kept; while the session holds a
 * flash message for the next page, no 304 hides it.
 */
@Component
class RenderedPages extends OncePerRequestFilter {

    /** The pages officials keep open and reload: scorecards, their explanations and the dashboards. */
    private static final RequestMatcher PAGES = new OrRequestMatcher(
            pathPattern(HttpMethod.GET, "/communes/*/periods/*"),
            pathPattern(HttpMethod.GET, "/communes/*/periods/*/explain"),
            pathPattern(HttpMethod.GET, "/dashboard/national"),
            pathPattern(HttpMethod.GET, "/units/*/dashboard"));

    /** Kept by the browser, which asks each time whether it still holds; never by a shared cache. */
    private static final String REVALIDATE_PRIVATELY = "private, no-cache";

    private static final long QUARTER_HOUR_SECONDS = 15 * 60;

    /** Where Spring MVC's SessionFlashMapManager keeps the flash messages waiting for the next request. */
    private static final String FLASH_MAPS = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

    private final DataRevision revision;

    private final NotificationInbox notifications;

    private final LocaleResolver localeResolver;

    private final Clock clock;

    private final @Nullable Cache<PageKey, RenderedPage> pages;

    RenderedPages(DataRevision revision, NotificationInbox notifications, LocaleResolver localeResolver, Clock clock,
            CommuneDxProperties properties) {
        this.revision = revision;
        this.notifications = notifications;
        this.localeResolver = localeResolver;
        this.clock = clock;
        DataSize maxSize = properties.pageCache().maxSize();
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
        return !PAGES.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken || session == null) {
            chain.doFilter(request, response);
            return;
        }
        // Read before any of the page's own queries: what is then rendered is at least as new as this revision.
        long revisionBeforeRendering = revision.current();
        PageKey key = keyOf(request, authentication);
        String etag = key.etag(revisionBeforeRendering, session.getId());
        // A message waits for this page after a redirect (a POST that wrote nothing, say, and says why): only a page
        // rendered now shows it, neither the browser's copy nor the kept one.
        boolean flashWaits = flashWaits(session);
        if (stillHeld(request, etag) && !flashWaits) {
            response.setHeader(HttpHeaders.ETAG, etag);
            response.setHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE_PRIVATELY);
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        RenderedPage kept = pages == null || flashWaits ? null : pages.getIfPresent(key);
        if (kept != null && kept.revision() == revisionBeforeRendering) {
            response.setHeader(HttpHeaders.ETAG, etag);
            response.setHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE_PRIVATELY);
            kept.writeTo(response, () -> csrfTokenOf(request));
            return;
        }
        ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, rendering);
        if (keepable(request, response, rendering)) {
            // The body is still in the wrapper, so the response is not committed and these headers still count;
            // Spring Security then leaves its own no-store off.
            response.setHeader(HttpHeaders.ETAG, etag);
            response.setHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE_PRIVATELY);
            if (pages != null) {
                pages.put(key, RenderedPage.of(revisionBeforeRendering, rendering, csrfTokenOf(request)));
            }
        }
        rendering.copyBodyToResponse();
    }

    private PageKey keyOf(HttpServletRequest request, Authentication authentication) {
        String query = request.getQueryString();
        return new PageKey(authentication.getName(),
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList(),
                query == null ? request.getRequestURI() : request.getRequestURI() + '?' + query,
                localeResolver.resolveLocale(request), clock.instant().getEpochSecond() / QUARTER_HOUR_SECONDS,
                Objects.toString(request.getHeader(HttpHeaders.ACCEPT), ""), notifications.unreadCount());
    }

    /** Whether the browser's copy carries this ETag: If-None-Match compares weakly, and may list several. */
    private static boolean stillHeld(HttpServletRequest request, String etag) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.substring(2);
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag).anyMatch(opaque::equals);
    }

    /** A message stored for the next page (after a redirect) that a 304 would keep from the user. */
    private static boolean flashWaits(HttpSession session) {
        return session.getAttribute(FLASH_MAPS) instanceof Collection<?> flashMaps && !flashMaps.isEmpty();
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

    /**
     * Everything besides the data that a page of these may differ by. A kept page is served to every session of its
     * user, with each request's own CSRF token put in.
     */
    private record PageKey(String username, List<String> authorities, String address, Locale locale,
            long quarterHour, String accept, long unreadNotices) {

        /**
         * A weak ETag (the same page in other bytes, e.g. compressed, is as good) that names none of its parts. The
         * browser's copy carries the CSRF token of the session it was rendered in, so the session counts too; its id
         * stays out of every header.
         */
        String etag(long revision, String sessionId) {
            MessageDigest sha256;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException("Every Java platform has SHA-256", ex);
            }
            byte[] digest = sha256.digest((revision + "\n" + sessionId + "\n" + this).getBytes(StandardCharsets.UTF_8));
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + '"';
        }
    }
}
