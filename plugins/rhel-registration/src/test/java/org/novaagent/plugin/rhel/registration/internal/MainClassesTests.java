/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.rhel.registration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The handler may only start processes through {@code CommandContext.processes()}. */
class MainClassesTests {

    @Test
    void noClassStartsProcessesItself() throws Exception {
        Path classes = Path.of(RhelKmsActivateCommandHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> files;
        try (Stream<Path> s = Files.walk(classes)) {
            files = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertTrue(files.size() >= 5, "classes found: " + files);
        for (Path f : files) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String type : List.of("java/lang/ProcessBuilder", "java/lang/Runtime")) {
                // A constant-pool class name is its exact UTF-8 entry: a 2-byte length, then the name.
                String entry = "\u0000" + (char) type.length() + type;
                assertEquals(-1, bytes.indexOf(entry), f + " refers to " + type);
            }
        }
    }
}
