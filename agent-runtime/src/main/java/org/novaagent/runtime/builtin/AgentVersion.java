/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The agent's own version, read once: the runtime module's descriptor version
 * ({@code --module-version} at build time), else a version file filtered by the build (class
 * path runs), else the jar manifest, else {@code unknown}.
 */
public final class AgentVersion {

    private static final String VERSION = compute();

    private AgentVersion() {
    }

    /** @return the agent version, never null */
    public static String get() {
        return VERSION;
    }

    private static String compute() {
        Module module = AgentVersion.class.getModule();
        if (module.isNamed() && module.getDescriptor() != null) {
            var raw = module.getDescriptor().rawVersion();
            if (raw.isPresent()) {
                return raw.get();
            }
        }
        try (InputStream in = AgentVersion.class.getResourceAsStream("agent-version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("agent.version", "");
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        Package pkg = AgentVersion.class.getPackage();
        String v = pkg == null ? null : pkg.getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
