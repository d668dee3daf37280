/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.novaagent.api.support.Sha512Crypt;

/**
 * A minimal target root with {@code etc/passwd}, {@code etc/shadow}, {@code etc/group},
 * {@code etc/gshadow} (Debian modes) and the homes and shells they name, so the real shadow
 * tools ({@code pwck -r -R}, {@code chpasswd -R}) accept it.
 */
final class ScratchRoot {

    static final String OLD_ROOT_PASSWORD = "Old-Pa55word";
    /** Hash of {@link #OLD_ROOT_PASSWORD} with salt {@code oldsaltoldsalt12}. */
    static final String OLD_ROOT_HASH = Sha512Crypt.crypt(OLD_ROOT_PASSWORD.getBytes(StandardCharsets.UTF_8),
            "$6$oldsaltoldsalt12");

    static final String PASSWD = "root:x:0:0:root:/root:/bin/bash\n"
            + "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
            + "alice:x:1000:1000:Alice,,,:/home/alice:/bin/bash\n";
    static final String SHADOW = "root:" + OLD_ROOT_HASH + ":19000:0:99999:7:::\n"
            + "daemon:*:19000:0:99999:7:::\n"
            + "alice:!:19500:0:99999:7:::\n";

    private ScratchRoot() {
    }

    /** Creates the tree under {@code root} and returns it. */
    static Path create(Path root) throws IOException {
        Path etc = Files.createDirectories(root.resolve("etc"));
        write(etc.resolve("passwd"), PASSWD, "rw-r--r--");
        write(etc.resolve("shadow"), SHADOW, "rw-r-----");
        write(etc.resolve("group"), "root:x:0:\ndaemon:x:1:\nshadow:x:42:\nalice:x:1000:\n", "rw-r--r--");
        write(etc.resolve("gshadow"), "root:*::\ndaemon:*::\nshadow:*::\nalice:!::\n", "rw-r-----");
        for (String dir : List.of("root", "home/alice", "usr/sbin", "bin")) {
            Files.createDirectories(root.resolve(dir));
        }
        for (String shell : List.of("bin/bash", "usr/sbin/nologin")) {
            write(root.resolve(shell), "#!/bin/sh\n", "rwxr-xr-x");
        }
        return root;
    }

    /** @return the shadow file's bytes */
    static byte[] shadowBytes(Path root) throws IOException {
        return Files.readAllBytes(root.resolve("etc/shadow"));
    }

    /** @return the user's shadow fields, split on ':' */
    static String[] shadowEntry(Path root, String user) throws IOException {
        for (String line : Files.readAllLines(root.resolve("etc/shadow"), StandardCharsets.UTF_8)) {
            if (line.startsWith(user + ":")) {
                return line.split(":", -1);
            }
        }
        throw new AssertionError("no shadow line for " + user);
    }

    /** @return names in etc/ that look like leftover temp files */
    static List<String> leftovers(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("etc"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains("tmp") || n.startsWith(".shadow"))
                    .collect(Collectors.toList());
        }
    }

    private static void write(Path file, String content, String mode) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    }
}
