/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.file.inject.internal;

import org.junit.jupiter.api.Test;
import org.novaagent.testkit.ServiceRegistrations;

/** META-INF/services names this module's handlers (class-path discovery, as the runtime's fallback). */
class ServiceRegistrationTests {

    @Test
    void serviceLoaderFindsTheHandlers() {
        ServiceRegistrations.assertHandlers(ServiceRegistrationTests.class, "file_inject", "injectfile");
    }
}
