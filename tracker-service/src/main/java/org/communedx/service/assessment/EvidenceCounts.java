package org.communedx.service.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.communedx.model.evidence.EvidenceType;
import org.communedx.service.evidence.FileNames;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many evidence files each entry has, and which, found in SQL for a whole scorecard or queue at once. The ids go
 * as one array parameter: a JPQL {@code in} list made Hibernate build and cache a statement per list length, a
 * twentieth of a scorecard's CPU.
 */
@Service
@Transactional(readOnly = true)
public class EvidenceCounts {

    private final JdbcClient jdbc;

    EvidenceCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Entry id to number of files; an entry that is missing has none. */
    public Map<Long, Integer> forEntries(Collection<Long> entryIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (!entryIds.isEmpty()) {
            jdbc.sql("select entry_id, count(*) as files from evidence where entry_id = any(?) group by entry_id")
                    .param(entryIds.toArray(Long[]::new))
                    .query((rs, row) -> counts.put(rs.getLong("entry_id"), rs.getInt("files"))).list();
        }
        return counts;
    }

    /**
     * Each entry's files, oldest first, as a list of them shows them (the review queue): name, title, and whether the
     * file is an image, which the list shows by its thumbnail. One query for all the entries.
     */
    public Map<Long, List<Listed>> listed(Collection<Long> entryIds) {
        Map<Long, List<Listed>> files = new HashMap<>();
        if (!entryIds.isEmpty()) {
            jdbc.sql("""
                    select id, entry_id, original_name, title, media_type from evidence where entry_id = any(?)
                    order by uploaded_at, id""").param(entryIds.toArray(Long[]::new))
                    .query((rs, row) -> files.computeIfAbsent(rs.getLong("entry_id"), entry -> new ArrayList<>())
                            .add(new Listed(rs.getLong("id"), rs.getString("original_name"), rs.getString("title"),
                                    EvidenceType.ofMediaType(rs.getString("media_type")).orElse(null))))
                    .list();
        }
        return files;
    }

    /** A file as a list shows it: by the name it downloads under, or by its thumbnail when it is a photograph. */
    public record Listed(long id, String originalName, String title, EvidenceType type) {

        /** Whether its thumbnail stands for it ({@link EvidenceType#isImage}). */
        public boolean image() {
            return type != null && type.isImage();
        }

        /** "bao-cao.png.pdf" for PDF content uploaded as "bao-cao.png", as the file downloads and its entry names it. */
        public String downloadName() {
            return type == null ? originalName : FileNames.download(originalName, type);
        }
    }

    /**
     * The entries whose evidence has all expired on {@code today}: at least one file, and every file valid until a
     * day before today. An entry without files, or with one file valid today or without an end, is not among them.
     * One query for all the entries, as the scorecard and the review queue list them by the hundred.
     */
    public Set<Long> allExpired(Collection<Long> entryIds, LocalDate today) {
        if (entryIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                select entry_id from evidence where entry_id = any(?) group by entry_id
                having bool_and(valid_until is not null and valid_until < ?)""")
                .param(entryIds.toArray(Long[]::new)).param(today)
                .query((rs, row) -> rs.getLong("entry_id")).list());
    }

    public int forEntry(long entryId) {
        return forEntries(List.of(entryId)).getOrDefault(entryId, 0);
    }
}
