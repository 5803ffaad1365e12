/** The export dialog that every list opens, and the report screens. */
@org.springframework.modulith.NamedInterface("ui")
package org.fieldaid.report.ui;
