package org.fieldaid.settlement;

/** One name of a place: whose name it is, and the language (script) it is written in. */
public record NameKey(NameTradition tradition, String lang) implements Comparable<NameKey> {

    @Override
    public int compareTo(NameKey o) {
        int c = tradition.compareTo(o.tradition);
        return c != 0 ? c : lang.compareTo(o.lang);
    }

    @Override
    public String toString() {
        return tradition + "/" + lang;
    }
}
