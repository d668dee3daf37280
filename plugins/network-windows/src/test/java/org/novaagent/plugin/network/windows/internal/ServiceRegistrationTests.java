/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import org.junit.jupiter.api.Test;
import org.novaagent.testkit.ServiceRegistrations;

/** META-INF/services names this module's handler (class-path discovery, as the runtime's fallback). */
class ServiceRegistrationTests {

    @Test
    void serviceLoaderFindsTheHandler() {
        ServiceRegistrations.assertHandlers(ServiceRegistrationTests.class, "resetnetwork");
    }
}
