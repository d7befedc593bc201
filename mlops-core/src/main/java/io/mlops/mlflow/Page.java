package io.mlops.mlflow;

import java.util.List;
import java.util.Optional;

/**
 * One page of a search: the items and the token of the next page.
 *
 * @param items         the items of this page
 * @param nextPageToken the token for the next page; empty on the last page
 * @param <T>           the item type
 */
public record Page<T>(List<T> items, Optional<String> nextPageToken) {
    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
    }
}
