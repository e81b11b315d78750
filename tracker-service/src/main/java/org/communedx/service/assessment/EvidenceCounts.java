package org.communedx.service.assessment;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.communedx.model.evidence.EvidenceRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How many evidence files each entry has, counted in SQL for a whole scorecard or queue at once. */
@Service
@Transactional(readOnly = true)
public class EvidenceCounts {

    private final EvidenceRepository evidence;

    EvidenceCounts(EvidenceRepository evidence) {
        this.evidence = evidence;
    }

    /** Entry id to number of files; an entry that is missing has none. */
    public Map<Long, Integer> forEntries(Collection<Long> entryIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (!entryIds.isEmpty()) {
            for (Object[] row : evidence.countByEntryIds(entryIds)) {
                counts.put((Long) row[0], ((Number) row[1]).intValue());
            }
        }
        return counts;
    }

    public int forEntry(long entryId) {
        return forEntries(List.of(entryId)).getOrDefault(entryId, 0);
    }
}
