package org.communedx.web.home;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * The page the menu is drawn on, as {@code ${navigation}} in the layout.
 * <ul>
 * <li>{@link #current}: a menu item is the current page ({@code aria-current="page"}) when its address is the page's
 * path, and marks the current section ({@code aria-current="true"}) for the pages below it, such as a unit under
 * {@code /units}.</li>
 * <li>{@link #language}: the language switch keeps the page's query (a dashboard's period and threshold) and only
 * replaces {@code lang}. Every name and value is decoded and encoded again, so that nothing from the request reaches
 * the page as it came; a part that does not decode is left out.</li>
 * </ul>
 */
public record Navigation(String path, @Nullable String query, @Nullable String pagePath) {

    /** A page shown at its own address, as a GET shows it. */
    public Navigation(String path, @Nullable String query) {
        this(path, query, null);
    }

    /** More is not a real page's query; the switch then keeps only the language. */
    static final int MAX_QUERY = 2048;

    /** "page", "true" or null, for the item that links to {@code href}. */
    public @Nullable String current(String href) {
        if (path.equals(href)) {
            return "page";
        }
        return !"/".equals(href) && section().startsWith(href + "/") ? "true" : null;
    }

    /**
     * Where the page sits in the menu: a unit's figures (its dashboard, ranking, reports and exports, under
     * {@code /units/{code}/dashboard} and {@code /units/{code}/periods/…}) are the dashboard's, not the unit list's.
     */
    private String section() {
        boolean figures = path.startsWith("/units/") && (path.endsWith("/dashboard") || path.contains("/periods/"));
        return figures ? "/dashboard" + path : path;
    }

    /** Whether any of the items (an admin menu's) is current, so that the menu that holds it is marked too. */
    public boolean anyCurrent(String... hrefs) {
        for (String href : hrefs) {
            if (current(href) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The address of this page in the other language: "?period=3&threshold=50&lang=en", or for a page shown in answer
     * to a form ({@code pagePath}) the page the form is on, "/entries/5?lang=en": the form's own address takes no GET.
     */
    public String language(String language) {
        StringJoiner kept = new StringJoiner("&", pagePath == null ? "?" : pagePath + "?", "");
        if (query != null && query.length() <= MAX_QUERY) {
            for (String part : query.split("&")) {
                int equals = part.indexOf('=');
                String name = decode(equals < 0 ? part : part.substring(0, equals));
                String value = equals < 0 ? "" : decode(part.substring(equals + 1));
                if (name == null || name.isEmpty() || value == null || "lang".equals(name)) {
                    continue;
                }
                kept.add(encode(name) + (equals < 0 ? "" : "=" + encode(value)));
            }
        }
        kept.add("lang=" + encode(language));
        return kept.toString();
    }

    private static @Nullable String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
