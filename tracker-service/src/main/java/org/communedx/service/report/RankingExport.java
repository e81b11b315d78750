package org.communedx.service.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.communedx.service.ranking.Rankings.ClassCount;
import org.communedx.service.ranking.Rankings.RankedCommune;
import org.communedx.service.ranking.Rankings.Ranking;

import org.springframework.stereotype.Service;

/**
 * A province's ranking as XLSX, in the user's language: a sheet of every commune shown (rank, code, name, district
 * where the province still has districts, verified score, class) and a sheet of the classes with their thresholds and
 * counts. The ranking comes already scope-checked from {@link org.communedx.service.ranking.Rankings}.
 */
@Service
public class RankingExport {

    public void write(Ranking ranking, Labels labels, OutputStream out) throws IOException {
        try (TableWriter writer = TableWriter.open(ExportFormat.XLSX, out)) {
            // A number, so that the message writes it as the language does: 1.000 điểm, 1,000 points.
            String scoreHeader = labels.get(ranking.points() ? "ranking.col.scorePoints" : "ranking.col.scorePercent",
                    ranking.scaleTop());
            boolean districts = ranking.districts();
            List<String> headers = new ArrayList<>(List.of(labels.get("ranking.col.rank"),
                    labels.get("ranking.col.code"), labels.get("ranking.col.commune")));
            if (districts) {
                headers.add(labels.get("ranking.col.district"));
            }
            headers.add(scoreHeader);
            if (ranking.classified()) {
                headers.add(labels.get("ranking.col.class"));
            }
            writer.table(labels.get("ranking.sheet.communes"), headers);
            for (RankedCommune commune : ranking.communes()) {
                List<Object> row = new ArrayList<>(Arrays.asList(commune.rank(), commune.code(), commune.name()));
                if (districts) {
                    row.add(commune.district());
                }
                // Said where the page and the PDF say it: under the score, the class left empty.
                row.add(commune.score() == null ? labels.get("ranking.noScore") : commune.score());
                if (ranking.classified()) {
                    row.add(commune.score() == null ? null : commune.className() == null
                            ? labels.get("ranking.noClass") : commune.className().in(labels.locale()));
                }
                writer.row(row);
            }
            if (ranking.classified()) {
                writer.table(labels.get("ranking.sheet.classes"), List.of(labels.get("ranking.col.class"),
                        labels.get("ranking.col.threshold"), labels.get("ranking.col.communes")));
                for (ClassCount scoreClass : ranking.classes()) {
                    writer.row(Arrays.asList(scoreClass.name().in(labels.locale()), scoreClass.threshold(),
                            scoreClass.communes()));
                }
            }
            writer.finish();
        }
    }
}
