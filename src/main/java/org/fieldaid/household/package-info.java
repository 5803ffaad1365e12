/** Displaced households and their members: registration, search, duplicate detection and approval. */
package org.fieldaid.household;
