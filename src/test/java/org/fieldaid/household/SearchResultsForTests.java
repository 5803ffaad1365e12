package org.fieldaid.household;

import org.springframework.context.ApplicationContext;

/** Lets a benchmark time a search from cold: the results the list keeps between its count and pages are dropped. */
public final class SearchResultsForTests {

    private SearchResultsForTests() {
    }

    public static void forget(ApplicationContext app) {
        app.getBean(SearchResults.class).changing();
    }
}
