package org.fieldaid.household;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ids a search found, kept for a few seconds (decision 019). The household list asks for its count and then for
 * its first page, and then for the next pages as the officer scrolls: each of them needs every matching id, and
 * reading them from the key indexes is most of a search's time. A search is computed once and its pages are slices.
 *
 * <p>What a search finds depends only on its terms and on the caller's agency (other agencies' drafts are left out;
 * partner callers never take this path), so the agency is part of the key. Every change to the key tables on this
 * node makes the kept results stale: a change bumps a generation when it is written and again when its transaction
 * has committed, so no search computed while it was in flight outlives it. A change on another node is seen after
 * {@link #KEPT} at the latest.
 */
@Component
class SearchResults {

    static final Duration KEPT = Duration.ofSeconds(5);
    /** About 16 MB of ids at most, whatever the mix of narrow and broad searches. */
    private static final long MAX_IDS = 2_000_000;

    record Key(String agency, String text, long generation) {
    }

    private final Cache<Key, long[]> kept = Caffeine.newBuilder().expireAfterWrite(KEPT)
            .maximumWeight(MAX_IDS).weigher((Key key, long[] ids) -> Math.max(1, ids.length)).build();
    private final AtomicLong generation = new AtomicLong();

    long[] find(String agency, String text, Supplier<long[]> search) {
        Key key = new Key(agency, text == null ? "" : text.strip(), generation.get());
        return kept.get(key, k -> search.get());
    }

    /** The key tables are changing in the current transaction, if any. */
    void changing() {
        generation.incrementAndGet();
        kept.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        }
    }
}
