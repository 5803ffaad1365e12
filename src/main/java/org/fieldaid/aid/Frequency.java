package org.fieldaid.aid;

/** How often a household may be entitled to a package type. */
public enum Frequency {
    /** In every round that hands the type out. */
    EVERY_ROUND,
    /** In one round per season only (October to March is the winter season, April to September the summer one). */
    ONCE_PER_SEASON
}
