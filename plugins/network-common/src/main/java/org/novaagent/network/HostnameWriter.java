/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.novaagent.api.HostFacts;

/**
 * Sets the hostname from {@code vm-data/hostname}: {@code etc/hostname} through the
 * {@link FileStager}, plus the command that changes the running hostname
 * ({@code hostnamectl set-hostname} when present, else {@code hostname}), which the caller runs
 * through the context's process runner. Optionally (setting {@value #MANAGE_HOSTS_SETTING},
 * off by default) maintains one marked {@code 127.0.1.1} line in {@code etc/hosts}.
 */
public final class HostnameWriter {

    /** Setting that turns on {@code /etc/hosts} management ({@code true}/{@code false}). */
    public static final String MANAGE_HOSTS_SETTING = "network.manage-etc-hosts";
    /** Comment that marks the {@code /etc/hosts} line we own. */
    public static final String HOSTS_MARKER = "# managed by nova-agent";

    private final FileStager stager;

    /** @param stager the writer for the target root */
    public HostnameWriter(FileStager stager) {
        this.stager = stager;
    }

    /**
     * @param hostname candidate
     * @return {@link HostnameRules#isValid}: RFC 1123 labels, at most 64 characters in total
     */
    public static boolean isValid(String hostname) {
        return HostnameRules.isValid(hostname);
    }

    /**
     * The files for a hostname: {@code etc/hostname} and, when managed, {@code etc/hosts}.
     *
     * @param hostname     a valid hostname
     * @param currentHosts the current {@code etc/hosts}, if any
     * @param manageHosts  whether to maintain the marked {@code 127.0.1.1} line
     * @return files in write order
     */
    public static List<RenderedFile> render(String hostname, Optional<String> currentHosts, boolean manageHosts) {
        List<RenderedFile> out = new ArrayList<>();
        out.add(new RenderedFile("etc/hostname", hostname + "\n", 0644));
        if (manageHosts) {
            out.add(new RenderedFile("etc/hosts", hosts(hostname, currentHosts.orElse("")), 0644));
        }
        return out;
    }

    /**
     * Replaces our marked line, else the first unmarked {@code 127.0.1.1} line (the Debian
     * installer's), else appends; every other line is kept as it is.
     */
    static String hosts(String hostname, String current) {
        int dot = hostname.indexOf('.');
        String names = dot > 0 ? hostname + " " + hostname.substring(0, dot) : hostname;
        String ours = "127.0.1.1\t" + names + "\t" + HOSTS_MARKER;
        List<String> lines = new ArrayList<>(current.isEmpty() ? List.of() : List.of(current.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int idx = -1;
        for (int i = 0; i < lines.size() && idx < 0; i++) {
            if (lines.get(i).endsWith(HOSTS_MARKER)) {
                idx = i;
            }
        }
        for (int i = 0; i < lines.size() && idx < 0; i++) {
            if (lines.get(i).trim().startsWith("127.0.1.1")) {
                idx = i;
            }
        }
        if (idx >= 0) {
            lines.set(idx, ours);
        } else {
            if (lines.isEmpty()) {
                lines.add("127.0.0.1\tlocalhost");
            }
            lines.add(ours);
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * @param hostname a valid hostname
     * @param facts    the target's facts (for {@code which})
     * @return {@code hostnamectl set-hostname <n>} when hostnamectl exists, else {@code hostname <n>}
     */
    public static List<String> command(String hostname, HostFacts facts) {
        return facts.which("hostnamectl").isPresent()
                ? List.of("hostnamectl", "set-hostname", hostname)
                : List.of("hostname", hostname);
    }

    /**
     * Stages {@code etc/hostname} (and {@code etc/hosts} when managed).
     *
     * @param hostname    a valid hostname
     * @param manageHosts whether to maintain {@code etc/hosts}
     * @return what changed; empty when the files already say so
     * @throws IOException              when writing fails (nothing half-written)
     * @throws IllegalArgumentException when the hostname is invalid
     */
    public StagedChange write(String hostname, boolean manageHosts) throws IOException {
        if (!isValid(hostname)) {
            throw new IllegalArgumentException("invalid hostname: " + hostname);
        }
        Optional<String> hosts = manageHosts ? stager.read("etc/hosts") : Optional.empty();
        return stager.stage(render(hostname, hosts, manageHosts), OwnedFiles.none());
    }
}
