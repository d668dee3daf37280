/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * oxenstored's access log, read the way the agent's writes take effect: an operation outside a
 * transaction is logged as {@code A<conn>}, one inside as {@code A<conn>.<tx>} when it is made,
 * whether or not the transaction then commits; a committed transaction has a {@code commit} line.
 * The agent writes each reply and removes its request in one transaction and retries it on
 * {@code EAGAIN}, so the writes of aborted attempts must not count.
 */
final class AccessLog {

    private AccessLog() {
    }

    /** @return the ids of the {@code data/guest/<id>} writes that took effect, in log order */
    static List<String> committedReplyWrites(Path log) throws IOException {
        List<String[]> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .map(l -> l.replaceFirst("^\\[[^]]*\\]\\s+", "").split("\\s+", 4)).toList();
        Set<String> commits = new HashSet<>();
        lines.stream().filter(f -> f.length >= 2 && f[1].equals("commit")).forEach(f -> commits.add(f[0]));
        List<String> ids = new ArrayList<>();
        for (String[] f : lines) {
            if (f.length >= 3 && f[1].equals("write") && f[2].contains("data/guest/")
                    && (!f[0].contains(".") || commits.contains(f[0]))) {
                ids.add(f[2].substring(f[2].lastIndexOf('/') + 1));
            }
        }
        return ids;
    }

    /** @return every line of the log that names {@code id} or is a transaction's end, for messages */
    static String linesAbout(Path log, String id) throws IOException {
        return String.join("\n", Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(id) || l.contains("commit") || l.contains("EAGAIN")).toList());
    }
}
