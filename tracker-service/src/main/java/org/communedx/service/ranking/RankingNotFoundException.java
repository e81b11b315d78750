package org.communedx.service.ranking;

import org.communedx.service.NotFoundException;

/** No such period, no ranking for such a unit (only a province ranks its communes), or no such class. */
public class RankingNotFoundException extends NotFoundException {

    RankingNotFoundException(String what) {
        super("No " + what);
    }
}
