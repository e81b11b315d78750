package org.communedx.service.assessment;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many evidence files each entry has. Evidence storage is built separately; until it lands no entry has a
 * file, so this answers nothing and every count shows 0. The evidence work replaces the body with one SQL count
 * grouped by entry, and the scorecard, entry page and review queue show real numbers without other changes.
 */
@Service
@Transactional(readOnly = true)
public class EvidenceCounts {

    /** Entry id to number of files; an entry that is missing has none. */
    public Map<Long, Integer> forEntries(Collection<Long> entryIds) {
        return Map.of();
    }

    public int forEntry(long entryId) {
        return forEntries(java.util.List.of(entryId)).getOrDefault(entryId, 0);
    }
}
