/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import org.novaagent.runtime.builtin.AgentVersion;
import picocli.CommandLine.IVersionProvider;

/** Gives {@code agent --version} the same version the {@code version} command answers. */
public final class AgentVersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"nova-agent " + AgentVersion.get(),
            "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch")};
    }
}
