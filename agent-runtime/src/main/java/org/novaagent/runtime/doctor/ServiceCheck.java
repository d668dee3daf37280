/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import org.novaagent.api.ProcessResult;

/**
 * The systemd service: its unit is installed, enabled at boot (the {@code multi-user.target.wants}
 * link, read from the root's files so it works offline), ordered after the Xen guest tools, whose
 * unit is installed too; on the live system also whether both are active ({@code systemctl
 * is-active}). A root without systemd gets a warning saying what was not checked.
 */
final class ServiceCheck implements DoctorCheck {

    private static final String NAME = "service";
    static final String UNIT = "nova-agent.service";
    /** The Xen guest tools' units, in the order distributions ship them. */
    static final List<String> XEN_TOOLS = List.of("xe-daemon.service", "xe-linux-distribution.service",
            "xen-guest-agent.service");
    private static final List<String> UNIT_DIRS = List.of("etc/systemd/system", "usr/lib/systemd/system", "lib/systemd/system");

    @Override
    public List<Finding> run(DoctorContext ctx) throws IOException, InterruptedException {
        Path root = ctx.root();
        if (!Files.isDirectory(root.resolve("etc/systemd/system")) && !Files.isDirectory(root.resolve("usr/lib/systemd/system"))
                && !Files.isDirectory(root.resolve("lib/systemd/system"))) {
            return List.of(Finding.warn(NAME, "no systemd on this root (init " + ctx.agent().hostFacts().initSystem()
                    + "): service state not checked", "check the init system's own service (rc-update show, service -e)"));
        }
        List<Finding> out = new ArrayList<>();
        Optional<Path> unit = unit(root, UNIT);
        if (unit.isEmpty()) {
            out.add(Finding.fail(NAME, UNIT + " not installed", "install the nova-agent package for this distribution"));
            return out;
        }
        Path wants = root.resolve("etc/systemd/system/multi-user.target.wants").resolve(UNIT);
        if (Files.exists(wants) || Files.isSymbolicLink(wants)) {
            out.add(Finding.ok(NAME, UNIT + " enabled at boot"));
        } else {
            out.add(Finding.fail(NAME, UNIT + " not enabled: it will not start at boot", "systemctl enable nova-agent"));
        }
        String text = Files.readString(unit.get());
        List<String> after = XEN_TOOLS.stream().filter(t -> afterLines(text).contains(t)).toList();
        if (after.isEmpty()) {
            out.add(Finding.warn(NAME, UNIT + " is not ordered after the Xen guest tools (" + String.join(", ", XEN_TOOLS) + ")",
                    "add After=" + String.join(" ", XEN_TOOLS) + " in a drop-in (systemctl edit nova-agent), or reinstall the package"));
        } else {
            out.add(Finding.ok(NAME, "ordered after " + String.join(", ", after)));
        }
        Optional<String> tools = XEN_TOOLS.stream().filter(t -> unit(root, t).isPresent()).findFirst();
        if (tools.isEmpty()) {
            out.add(Finding.fail(NAME, "no Xen guest tools installed (" + String.join(", ", XEN_TOOLS) + ")",
                    "install xe-guest-utilities (XenServer) or xen-guest-agent"));
        } else {
            out.add(Finding.ok(NAME, "Xen guest tools installed: " + tools.get()));
        }
        if (ctx.live()) {
            out.add(active(ctx, UNIT, "systemctl start nova-agent; journalctl -u nova-agent"));
            if (tools.isPresent()) {
                out.add(active(ctx, tools.get(), "systemctl start " + tools.get()));
            }
        }
        return out;
    }

    /** @return the names listed in every After= line */
    private static List<String> afterLines(String unitText) {
        List<String> names = new ArrayList<>();
        unitText.lines().map(String::strip).filter(l -> l.startsWith("After="))
                .forEach(l -> names.addAll(List.of(l.substring("After=".length()).strip().split("\\s+"))));
        return names;
    }

    private static Optional<Path> unit(Path root, String name) {
        return UNIT_DIRS.stream().map(d -> root.resolve(d).resolve(name)).filter(Files::isRegularFile).findFirst();
    }

    /** Asks systemctl through the agent's process runner (live root only: the caller checks). */
    private static Finding active(DoctorContext ctx, String unit, String fix) throws InterruptedException {
        try {
            ProcessResult r = ctx.agent().processRunner().run(List.of("systemctl", "is-active", unit), new byte[0],
                    Duration.ofSeconds(10));
            String state = r.stdout().strip();
            return "active".equals(state) ? Finding.ok(NAME, unit + " active")
                    : Finding.fail(NAME, unit + " is " + (state.isEmpty() ? "unknown" : state), fix);
        } catch (IOException e) {
            return Finding.warn(NAME, "cannot ask systemctl about " + unit + ": " + e.getMessage(), "run agent doctor as root on the server");
        }
    }
}
