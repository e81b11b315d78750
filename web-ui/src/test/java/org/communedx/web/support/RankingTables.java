package org.communedx.web.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a ranking table as a page renders it: the dashboard's and the province's ranking page's alike. */
public final class RankingTables {

    private static final Pattern ROW = Pattern.compile("<td[^>]*data-label=\"Hạng\">([^<]+)</td>\\s*"
            + "<td class=\"stack-head\"><a class=\"stack-open\" href=\"/communes/(\\d+)/");

    private RankingTables() {
    }

    /** Each commune's rank as the table shows it ("—" for none), by commune code, in the table's order. */
    public static Map<String, String> ranks(String page) {
        Matcher row = ROW.matcher(page);
        Map<String, String> ranks = new LinkedHashMap<>();
        while (row.find()) {
            ranks.put(row.group(2), row.group(1));
        }
        return ranks;
    }
}
