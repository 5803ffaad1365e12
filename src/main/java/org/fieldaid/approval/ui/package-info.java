/** The supervisors' inbox. */
package org.fieldaid.approval.ui;
