/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.doctor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.HealthCheck;
import org.novaagent.api.HealthFinding;
import org.novaagent.api.XenStoreView;
import org.novaagent.runtime.xenstore.XenStoreViews;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.XenStoreException;

/**
 * The plugins' own checks: every selected handler that is also a {@link HealthCheck} (found with
 * ServiceLoader like every handler, boot layer or plugins directory) is asked once, in command-name
 * order, with a dry-run context over the target root and a read-only view of the guest's XenStore
 * when one is reachable (else a view that refuses reads, saying why). Only selected handlers are
 * asked: their fixes are the ones that work here. For example the selected resetnetwork handler
 * reports the 2.x and cloud-init files its takeover would neutralise (network-common's
 * {@code ForeignConfigReport}). A check that throws is a failure naming its module; the others
 * still run.
 */
final class HandlerHealthChecks implements DoctorCheck {

    /** The check name when no selected handler has checks. */
    static final String NAME = "plugins";

    @Override
    public List<Finding> run(DoctorContext ctx) throws InterruptedException {
        Map<String, HealthCheck> checks = new TreeMap<>();
        Set<CommandHandler> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ctx.agent().selected().forEach((command, handler) -> {
            if (handler instanceof HealthCheck check && seen.add(handler)) {
                checks.put(command, check);
            }
        });
        if (checks.isEmpty()) {
            return List.of(Finding.ok(NAME, "no selected handler has checks of its own"));
        }
        List<Finding> out = new ArrayList<>();
        Optional<XenStoreClient> xs = connect(ctx);
        try {
            XenStoreView view = xs.map(XenStoreViews::of).orElse(UNREACHABLE);
            for (Map.Entry<String, HealthCheck> e : checks.entrySet()) {
                CommandContext context = ctx.agent().dryRunContextFactory().create(CommandRequest.of("doctor", e.getKey(), ""), view);
                String module = String.valueOf(e.getValue().getClass().getModule().getName());
                try {
                    for (HealthFinding f : e.getValue().checkHealth(context)) {
                        out.add(new Finding(f.topic(), Finding.Level.valueOf(f.level().name()), f.message(), f.fix()));
                    }
                } catch (IOException | RuntimeException ex) {
                    out.add(Finding.fail(e.getKey(), "the check of " + module + " (" + e.getKey() + ") failed: " + ex.getMessage(),
                            "fix what the message names, or report it with the output of nova-agent doctor --json"));
                }
            }
        } finally {
            xs.ifPresent(XenStoreClient::close);
        }
        return out;
    }

    private static Optional<XenStoreClient> connect(DoctorContext ctx) {
        try {
            return Optional.of(XenStoreConnector.open(ctx.xenStorePath()));
        } catch (XenStoreException e) {
            return Optional.empty();
        }
    }

    /** What checks see without XenStore: every read refused (the xenstore check says why). */
    private static final XenStoreView UNREACHABLE = new XenStoreView() {
        @Override
        public Optional<String> read(String path) throws IOException {
            throw new IOException("XenStore is not reachable");
        }

        @Override
        public List<String> list(String path) throws IOException {
            throw new IOException("XenStore is not reachable");
        }
    };
}
