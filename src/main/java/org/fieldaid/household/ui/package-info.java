/** Finding, registering and reading households. */
package org.fieldaid.household.ui;
