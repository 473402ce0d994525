package org.circc.notification.web;

import java.util.List;

/** api.md's list shape. */
public record ListPage<T>(List<T> items, int page, int size, long total) {
}
