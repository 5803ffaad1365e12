/** The administrators' backup page. */
package org.fieldaid.backup.ui;
