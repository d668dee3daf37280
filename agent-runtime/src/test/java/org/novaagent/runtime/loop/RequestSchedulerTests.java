/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which watch event paths name one request (queued) and which ask for a listing. */
class RequestSchedulerTests {

    private static final String HOME = "/local/domain/7";

    @Test
    void aRelativePathOneLevelBelowDataHostNamesARequest() {
        assertEquals(Optional.of("abc-1"), RequestScheduler.requestId("data/host/abc-1", HOME));
        assertEquals(Optional.of("abc-1"), RequestScheduler.requestId("data/host/abc-1", null));
    }

    @Test
    void anAbsolutePathInOurDomainNamesARequest() {
        assertEquals(Optional.of("x"), RequestScheduler.requestId(HOME + "/data/host/x", HOME));
    }

    @Test
    void dataHostItselfADeeperPathOrAnotherPlaceAsksForAListing() {
        assertEquals(Optional.empty(), RequestScheduler.requestId("data/host", HOME));
        assertEquals(Optional.empty(), RequestScheduler.requestId("data/host/", HOME));
        assertEquals(Optional.empty(), RequestScheduler.requestId("data/host/x/y", HOME));
        assertEquals(Optional.empty(), RequestScheduler.requestId(HOME + "/data/host", HOME));
        assertEquals(Optional.empty(), RequestScheduler.requestId("/local/domain/8/data/host/x", HOME));
        assertEquals(Optional.empty(), RequestScheduler.requestId(HOME + "/data/host/x", null));
        assertEquals(Optional.empty(), RequestScheduler.requestId("data/hostile/x", HOME));
        assertEquals(Optional.empty(), RequestScheduler.requestId("data/guest/x", HOME));
    }
}
