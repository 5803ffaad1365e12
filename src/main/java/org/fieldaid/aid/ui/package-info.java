/** The aid screens: distribution, stock, the catalogue and rounds. */
package org.fieldaid.aid.ui;
