package org.fieldaid.report;

import java.util.List;

/** What an export wrote: its rows and columns, and whether it ran to the end or was cancelled. */
public record ExportResult(long rows, List<String> columns, boolean complete) {
}
