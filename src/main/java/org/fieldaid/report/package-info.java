/**
 * Exports and reports. {@link org.fieldaid.report.Exports} is the only way a list leaves the system as a file: it
 * chooses the columns the caller may take, neutralises formulas, streams, encrypts on request and audits. The
 * features own their rows and who may read them; they hand the exporter an {@link org.fieldaid.report.ExportSource}.
 */
package org.fieldaid.report;
