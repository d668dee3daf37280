/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.novaagent.api.XenStoreView;

/**
 * A {@link XenStoreView} over a map of full key to value (for example
 * {@code vm-data/networking/BC764E207572} to a JSON string), so handler tests need no XenStore.
 * The view reads the map live: a test may change the map between two handler calls.
 */
public final class MapXenStoreView implements XenStoreView {

    private final Map<String, String> entries;

    /**
     * @param entries the keys and values; read, never written, and not copied (later changes are
     *                seen); {@link #list} returns children in the map's iteration order
     */
    public MapXenStoreView(Map<String, String> entries) {
        this.entries = Objects.requireNonNull(entries, "entries");
    }

    /**
     * A view that answers every call with an {@link IOException}, for handlers that must not
     * read XenStore at all.
     *
     * @param why the exception message, for example {@code "the password plugin must not read XenStore"}
     * @return the view
     */
    public static XenStoreView unavailable(String why) {
        Objects.requireNonNull(why, "why");
        return new XenStoreView() {
            @Override
            public Optional<String> read(String path) throws IOException {
                throw new IOException(why);
            }

            @Override
            public List<String> list(String path) throws IOException {
                throw new IOException(why);
            }
        };
    }

    @Override
    public Optional<String> read(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    /**
     * Lists the direct children of {@code path}, like XenStore's {@code DIRECTORY}: the first
     * path segment after {@code path/} of every key below it, each once.
     */
    @Override
    public List<String> list(String path) {
        String prefix = path.endsWith("/") ? path : path + "/";
        Set<String> children = new LinkedHashSet<>();
        for (String key : entries.keySet()) {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                String rest = key.substring(prefix.length());
                int slash = rest.indexOf('/');
                children.add(slash < 0 ? rest : rest.substring(0, slash));
            }
        }
        return new ArrayList<>(children);
    }

    @Override
    public String toString() {
        return "MapXenStoreView" + entries.keySet();
    }
}
