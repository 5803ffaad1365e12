package org.fieldaid.backup;

import java.nio.file.Path;
import java.time.Instant;

/** A backup written: where it is, how large, and when it was made. */
public record BackupFile(Path path, long bytes, Instant madeAt) {
}
