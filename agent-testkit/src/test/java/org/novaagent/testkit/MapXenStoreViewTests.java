/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.novaagent.api.XenStoreView;

class MapXenStoreViewTests {

    @Test
    void readsKeysAndListsDirectChildrenOnceInMapOrder() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("vm-data/networking/BC764E207572", "{\"label\": \"public\"}");
        m.put("vm-data/networking/BC764E206C5B", "{\"label\": \"private\"}");
        m.put("vm-data/hostname", "web1");
        m.put("vm-data/user-metadata/a/b", "deep");
        m.put("vm-data-other/x", "not a child of vm-data");
        MapXenStoreView view = new MapXenStoreView(m);
        assertEquals(Optional.of("web1"), view.read("vm-data/hostname"));
        assertEquals(Optional.empty(), view.read("vm-data/missing"));
        assertEquals(Optional.empty(), view.read("vm-data"), "a directory has no value here");
        assertEquals(List.of("BC764E207572", "BC764E206C5B"), view.list("vm-data/networking"));
        assertEquals(List.of("BC764E207572", "BC764E206C5B"), view.list("vm-data/networking/"));
        assertEquals(List.of("networking", "hostname", "user-metadata"), view.list("vm-data"));
        assertEquals(List.of(), view.list("vm-data/hostname"));
        assertEquals(List.of(), view.list("nothing"));
    }

    @Test
    void seesLaterChangesOfTheMap() {
        Map<String, String> m = new LinkedHashMap<>();
        MapXenStoreView view = new MapXenStoreView(m);
        assertEquals(List.of(), view.list("vm-data/networking"));
        m.put("vm-data/networking/AA", "{}");
        assertEquals(List.of("AA"), view.list("vm-data/networking"));
    }

    @Test
    void unavailableViewThrowsOnEveryCall() {
        XenStoreView view = MapXenStoreView.unavailable("the password plugin must not read XenStore");
        assertEquals("the password plugin must not read XenStore",
                assertThrows(IOException.class, () -> view.read("vm-data/hostname")).getMessage());
        assertEquals("the password plugin must not read XenStore",
                assertThrows(IOException.class, () -> view.list("vm-data")).getMessage());
    }
}
