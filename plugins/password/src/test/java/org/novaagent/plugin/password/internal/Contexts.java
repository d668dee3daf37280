/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.novaagent.api.HostFacts;
import org.novaagent.testkit.MapXenStoreView;
import org.novaagent.testkit.RecordingProcessRunner;
import org.novaagent.testkit.TestCommandContext;
import org.novaagent.testkit.TestHostFacts;

/**
 * The password plugin's handler contexts, built with the agent test kit: a scratch root (not the
 * live system), a fixed clock, and no XenStore or process at all (using either fails the test).
 */
final class Contexts {

    /** 2026-01-02T00:00:00Z, day 20455 since the epoch. */
    static final Instant NOW = Instant.parse("2026-01-02T00:00:00Z");

    private Contexts() {
    }

    /** @return a Debian scratch-root context */
    static TestCommandContext linux(Path root) {
        return of(TestHostFacts.debian(root));
    }

    /** @return a Windows scratch-root context */
    static TestCommandContext windows(Path root) {
        return of(TestHostFacts.windows(root));
    }

    /** @return facts of the given family: Windows facts for WINDOWS, Debian-like ones otherwise */
    static HostFacts facts(Path root, HostFacts.OsFamily family) {
        return family == HostFacts.OsFamily.WINDOWS ? TestHostFacts.windows(root)
                : TestHostFacts.builder(root).family(family).build();
    }

    private static TestCommandContext of(HostFacts facts) {
        return TestCommandContext.builder(facts.root()).hostFacts(facts)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .xenStore(MapXenStoreView.unavailable("the password plugin must not read XenStore"))
                .runner(new RecordingProcessRunner().refuseUnscripted("no process may run against a scratch root"))
                .build();
    }
}
