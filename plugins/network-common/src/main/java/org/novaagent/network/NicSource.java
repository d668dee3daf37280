/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.io.IOException;
import java.util.List;

import org.novaagent.api.CommandContext;

/**
 * Where {@link ResetNetworkFlow} gets the real NICs of the target. The default,
 * {@link #SYSFS}, reads Linux's {@code /sys/class/net} under the root ({@link NicDiscovery}); a
 * platform without it (FreeBSD: {@code ifconfig -a}) passes its own to
 * {@link ResetNetworkFlow#ResetNetworkFlow(NicSource)}.
 */
@FunctionalInterface
public interface NicSource {

    /** Linux: {@code <root>/sys/class/net}. */
    NicSource SYSFS = ctx -> NicDiscovery.discover(ctx.root());

    /**
     * @param ctx the request context (root, process runner, whether the root is the live system)
     * @return the real NICs, virtual ones skipped, in natural order
     * @throws IOException when the NICs cannot be listed; the flow answers a failure and writes nothing
     */
    List<LocalNic> discover(CommandContext ctx) throws IOException;
}
