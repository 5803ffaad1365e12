/** Backups of the database: an H2 backup an administrator starts from the screen (decision 028). */
package org.fieldaid.backup;
