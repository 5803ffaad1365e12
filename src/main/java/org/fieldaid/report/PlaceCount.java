package org.fieldaid.report;

/**
 * How many households a settlement lost and got back, for the map.
 *
 * @param displacedFrom households from there that have not (all) returned
 * @param returnedTo households from there that are home again
 */
public record PlaceCount(long displacedFrom, long returnedTo) {
}
