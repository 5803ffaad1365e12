package org.fieldaid.report;

/** Thrown into the feature's row loop to stop an export the person cancelled. */
final class ExportCancelled extends RuntimeException {

    ExportCancelled() {
        super("Export cancelled", null, false, false);
    }
}
