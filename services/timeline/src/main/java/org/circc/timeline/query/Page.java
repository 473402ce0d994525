package org.circc.timeline.query;

import java.util.List;

/** One page of a list (api.md: {@code {items, page, size, total}}, {@code page} from 0). */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
