package org.communedx.service.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.communedx.model.RuleViolation;

import org.springframework.util.unit.DataSize;

/**
 * Room kept free on the disk that holds the evidence (and, by default, the database beside it). A full disk used
 * to fail the upload that did not fit with "500 Something went wrong", then every value saved after it, as
 * PostgreSQL could no longer write; uploads now stop while the reserve is still free for the database, and say why.
 */
class DiskReserve {

    private final Path directory;

    private final DataSize reserve;

    DiskReserve(Path directory, DataSize reserve) {
        this.directory = directory;
        this.reserve = reserve;
    }

    /** @throws RuleViolation {@code evidence.refused.diskFull} when less than the reserve is free */
    void require() throws IOException {
        if (Files.getFileStore(directory).getUsableSpace() < reserve.toBytes()) {
            throw new RuleViolation("evidence.refused.diskFull");
        }
    }
}
