/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.testkit;

import java.nio.file.Path;
import org.novaagent.api.HostFacts;
import org.novaagent.api.ProcessResult;
import org.novaagent.testkit.RecordingProcessRunner;
import org.novaagent.testkit.TestCommandContext;
import org.novaagent.testkit.TestHostFacts;

/**
 * Handler-level contexts for the resetnetwork plugins: a scratch root with the given os-release
 * facts, whose runner behaves like the runtime's for a root that is not {@code /}: it records each
 * command and runs none ({@link ProcessResult#notExecuted()}). XenStore is the context's map.
 */
public final class ScratchContexts {

    private ScratchContexts() {
    }

    /**
     * @param root    the scratch root
     * @param family  the distro family
     * @param osId    os-release {@code ID}, for example {@code rocky}
     * @param version os-release {@code VERSION_ID}, for example {@code 9.4}
     * @return the context (no {@code ID_LIKE}, systemd, the usual Linux search path)
     */
    public static TestCommandContext of(Path root, HostFacts.OsFamily family, String osId, String version) {
        return TestCommandContext.builder(root)
                .hostFacts(TestHostFacts.builder(root).os(osId, version).family(family).build())
                .runner(new RecordingProcessRunner().otherwise(ProcessResult.notExecuted()))
                .build();
    }
}
