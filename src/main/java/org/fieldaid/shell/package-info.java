/** The frame every signed-in person works in: layout, navigation, home, language and error handling. */
package org.fieldaid.shell;
