/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Prints what the agent changed under the scratch root: network configuration and hostname with
 * their content, and for {@code etc/shadow} only a truncated root hash (never the password), and
 * checks that hash against the demo password.
 */
final class ChangeReport {

    private static final int MAX_SHOWN_BYTES = 8192;

    private ChangeReport() {
    }

    /** Prints the changes; content only for network files and etc/hostname, never for shadow files. */
    static void print(PrintWriter out, Path root, List<TreeSnapshot.Change> changes) throws IOException {
        if (changes.isEmpty()) {
            out.println("  (no files changed)");
        }
        for (TreeSnapshot.Change c : changes) {
            out.printf("  %-9s %s%n", c.kind().name().toLowerCase(java.util.Locale.ROOT), c.path());
            Path file = root.resolve(c.path());
            if (c.kind() == TreeSnapshot.Kind.REMOVED) {
                continue;
            }
            if (c.path().equals("etc/shadow")) {
                out.println("            root:" + rootHash(root).map(ChangeReport::truncate).orElse("<no root line>"));
            } else if (showContent(c.path()) && Files.size(file) <= MAX_SHOWN_BYTES) {
                for (String line : Files.readString(file, StandardCharsets.UTF_8).stripTrailing().split("\n", -1)) {
                    out.println("            | " + line.replace("\t", "    "));
                }
            }
        }
    }

    /**
     * @param root scratch root
     * @return the root account's hash field from etc/shadow
     */
    static Optional<String> rootHash(Path root) throws IOException {
        Path shadow = root.resolve("etc/shadow");
        if (!Files.isRegularFile(shadow)) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(shadow, StandardCharsets.UTF_8)) {
            String[] f = line.split(":", -1);
            if (f.length > 1 && f[0].equals("root")) {
                return Optional.of(f[1]);
            }
        }
        return Optional.empty();
    }

    /** @return {@code $6$<salt>$} plus the first 8 characters of the hash and {@code ...} */
    static String truncate(String hash) {
        int last = hash.lastIndexOf('$');
        if (!hash.startsWith("$") || last < 0) {
            return hash.length() <= 2 ? hash : hash.substring(0, 1) + "...";
        }
        String body = hash.substring(last + 1);
        return hash.substring(0, last + 1) + body.substring(0, Math.min(8, body.length())) + "...";
    }

    private static boolean showContent(String path) {
        if (path.contains(".bak") || path.endsWith("shadow") || path.endsWith("shadow-")) {
            return false;
        }
        return path.equals("etc/hostname") || path.equals("etc/hosts") || path.equals("etc/resolv.conf")
                || path.startsWith("etc/network/") || path.startsWith("etc/netplan/")
                || path.startsWith("etc/sysconfig/") || path.startsWith("etc/NetworkManager/");
    }
}
