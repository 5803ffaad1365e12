/**
 * Return journeys: convoys with their vehicles and seats, families' journeys home from planning to arrival, and the
 * corridor checkpoint. {@link org.fieldaid.journey.Journeys} is the way in for planners, convoy officers and
 * supervisors; {@link org.fieldaid.journey.Checkpoint} is the checkpoint's narrower door, which returns identity
 * data only.
 */
package org.fieldaid.journey;
