/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.doctor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.XenStoreException;

/**
 * XenStore is reachable (and through which transport), the guest can read {@code vm-data} and
 * write {@code data/guest}: the host's side of every request. The write is a probe key removed
 * at once.
 */
final class XenStoreCheck implements DoctorCheck {

    private static final String NAME = "xenstore";

    @Override
    public List<Finding> run(DoctorContext ctx) throws InterruptedException {
        List<String> tried = new ArrayList<>();
        for (Path candidate : XenStoreConnector.candidates(ctx.xenStorePath(), System.getenv())) {
            try (XenStoreClient xs = XenStoreConnector.openPath(candidate)) {
                return probe(xs, candidate);
            } catch (XenStoreException e) {
                tried.add(candidate + " (" + e.getMessage() + ")");
            }
        }
        return List.of(Finding.fail(NAME, "XenStore not reachable; tried " + String.join(", ", tried),
                "install and start the Xen guest tools (xe-guest-utilities or xen-guest-agent), check that /dev/xen/xenbus"
                        + " exists (Xen PV/HVM guest, xenfs mounted), or name the path with --xenstore / xenstore.path"));
    }

    private static List<Finding> probe(XenStoreClient xs, Path transport) {
        List<Finding> out = new ArrayList<>();
        String domain;
        try {
            domain = xs.domainPath();
        } catch (XenStoreException e) {
            domain = "?";
        }
        out.add(Finding.ok(NAME, "reachable through " + transport + " (domain " + domain + ")"));
        try {
            List<String> entries = xs.directory("vm-data");
            if (entries.isEmpty()) {
                out.add(Finding.warn(NAME, "vm-data is empty: the host has written no network or hostname data yet",
                        "normal before the first boot completes; otherwise check the instance on the host (nova show)"));
            } else {
                out.add(Finding.ok(NAME, "vm-data readable (" + String.join(", ", entries) + ")"));
            }
        } catch (XenStoreException e) {
            out.add(Finding.fail(NAME, "cannot read vm-data: " + e.getMessage(),
                    "the host has not written vm-data or denies the guest; check the instance on the host"));
        }
        String probe = "data/guest/doctor-probe-" + ProcessHandle.current().pid();
        try {
            xs.write(probe, "");
            xs.rm(probe);
            out.add(Finding.ok(NAME, "data/guest writable"));
        } catch (XenStoreException e) {
            out.add(Finding.fail(NAME, "cannot write data/guest: " + e.getMessage(),
                    "the agent answers there; run as root and check the domain's XenStore permissions on the host"));
        }
        return out;
    }
}
