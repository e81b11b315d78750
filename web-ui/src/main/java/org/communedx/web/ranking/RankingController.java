package org.communedx.web.ranking;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.communedx.service.ranking.Rankings;
import org.communedx.service.ranking.Rankings.Ranking;
import org.communedx.service.report.Labels;
import org.communedx.service.report.RankingExport;
import org.communedx.service.report.ReportHeadings;
import org.communedx.web.report.RankingDownloads;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A province's ranking of its communes by verified score and class, one class or all, as a page (100 rows a page),
 * as XLSX and as a PDF report in the administrative layout. {@link Rankings} answers 404 outside the caller's scope.
 */
@Controller
class RankingController {

    private final Rankings rankings;

    private final RankingExport export;

    private final ReportHeadings headings;

    private final RankingDownloads downloads;

    private final MessageSource messages;

    RankingController(Rankings rankings, RankingExport export, ReportHeadings headings, RankingDownloads downloads,
            MessageSource messages) {
        this.rankings = rankings;
        this.export = export;
        this.headings = headings;
        this.downloads = downloads;
        this.messages = messages;
    }

    @GetMapping("/units/{code}/periods/{periodId}/ranking")
    String show(@PathVariable String code, @PathVariable long periodId,
            @RequestParam(name = "class", required = false) Integer classNumber,
            @RequestParam(defaultValue = "1") int page, Model model) {
        Ranking ranking = rankings.ranking(code, periodId, classNumber);
        model.addAttribute("ranking", ranking);
        model.addAttribute("rankingPage", ranking.page(page));
        return "ranking/show";
    }

    @GetMapping("/units/{code}/periods/{periodId}/ranking.xlsx")
    ResponseEntity<StreamingResponseBody> xlsx(@PathVariable String code, @PathVariable long periodId,
            @RequestParam(name = "class", required = false) Integer classNumber, Locale locale) {
        Ranking ranking = rankings.ranking(code, periodId, classNumber);
        Labels labels = new Labels(messages, locale);
        return downloads.xlsx(fileName(ranking, labels), out -> export.write(ranking, labels, out));
    }

    @GetMapping("/units/{code}/periods/{periodId}/ranking.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code, @PathVariable long periodId,
            @RequestParam(name = "class", required = false) Integer classNumber, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        Ranking ranking = rankings.ranking(code, periodId, classNumber);
        model.addAttribute("ranking", ranking);
        model.addAttribute("heading", headings.unitHeading(code, periodId));
        return downloads.pdf(fileName(ranking, new Labels(messages, locale)), "report/ranking", model.asMap(), locale,
                request, response);
    }

    private static String fileName(Ranking ranking, Labels labels) {
        return labels.get("ranking.file", ranking.provinceName(), ranking.periodName());
    }
}
