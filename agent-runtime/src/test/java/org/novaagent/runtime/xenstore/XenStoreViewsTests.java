/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.xenstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.novaagent.api.XenStoreView;
import org.novaagent.runtime.testing.FakeXenStore;
import org.novaagent.runtime.testing.FakeXenStoreClient;

class XenStoreViewsTests {

    private final FakeXenStore store = new FakeXenStore();

    @Test
    void readsAndListsRelativeAndAbsolutePaths() throws Exception {
        store.hostWrite("vm-data/networking/BC764E2012B3", "{\"label\":\"public\"}");
        store.hostWrite("vm-data/networking/BC764E2012B4", "{\"label\":\"private\"}");
        try (FakeXenStoreClient xs = store.connect()) {
            XenStoreView view = XenStoreViews.of(xs);
            assertEquals(List.of("BC764E2012B3", "BC764E2012B4"), view.list("vm-data/networking"));
            assertEquals(Optional.of("{\"label\":\"private\"}"),
                    view.read(FakeXenStore.DOMAIN_PATH + "/vm-data/networking/BC764E2012B4"));
            assertEquals(Optional.empty(), view.read("vm-data/hostname"));
            assertEquals(List.of(), view.list("vm-data/nothing"));
        }
    }

    @Test
    void aLostConnectionIsAnIOException() {
        FakeXenStoreClient xs;
        try (FakeXenStoreClient c = store.connect()) {
            xs = c;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        XenStoreView view = XenStoreViews.of(xs);
        assertThrows(IOException.class, () -> view.read("vm-data/hostname"));
    }
}
