/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.gentoo.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.novaagent.api.support.SafeFiles;

/**
 * Which {@code net.<if>} services existed before a resetnetwork: the names in {@code /etc/init.d}
 * (netifrc's service links) and in {@code /etc/runlevels/default} (what {@code rc-update add} creates),
 * read under the target root through {@link SafeFiles#list} (nothing followed; a linked
 * {@code etc/init.d} is refused). The applier creates a link only where none is, and a rollback
 * removes only what was not there before. When a directory cannot be read every service counts as
 * present, so nothing of the operator's is ever removed.
 *
 * @param known    whether both directories could be read
 * @param initd    the {@code net.*} names in {@code etc/init.d}
 * @param runlevel the {@code net.*} names in {@code etc/runlevels/default}
 */
record ServiceLinks(boolean known, Set<String> initd, Set<String> runlevel) {

    /** The runlevel OpenRC brings the network up in. */
    static final String RUNLEVEL = "etc/runlevels/default";

    /** Nothing known: every service counts as present (no link created or removed by us). */
    static final ServiceLinks UNKNOWN = new ServiceLinks(false, Set.of(), Set.of());

    ServiceLinks {
        initd = Set.copyOf(initd);
        runlevel = Set.copyOf(runlevel);
    }

    /**
     * @param root the target root
     * @return the services present under it now, or {@link #UNKNOWN} when a directory is refused
     */
    static ServiceLinks read(Path root) {
        SafeFiles files = SafeFiles.under(root);
        try {
            return new ServiceLinks(true, services(files.list("etc/init.d")), services(files.list(RUNLEVEL)));
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    private static Set<String> services(List<String> names) {
        return names.stream().filter(n -> n.startsWith("net.")).collect(Collectors.toUnmodifiableSet());
    }

    /** @return whether {@code /etc/init.d/<service>} existed (true when unknown) */
    boolean linked(String service) {
        return !known || initd.contains(service);
    }

    /** @return whether {@code <service>} was in the default runlevel (true when unknown) */
    boolean enabled(String service) {
        return !known || runlevel.contains(service);
    }
}
