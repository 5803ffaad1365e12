/** Settlements of origin and reception locations, every name they have, and whether families may return. */
package org.fieldaid.settlement;
