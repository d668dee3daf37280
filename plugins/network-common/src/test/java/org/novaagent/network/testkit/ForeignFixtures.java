/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real network files of other tools (nova-agent 2.x's fixtures, cloud-init's renderer output), from
 * {@code src/test/resources/foreign/} (its README names the sources), for the renderers' takeover tests.
 */
public final class ForeignFixtures {

    private ForeignFixtures() {
    }

    /**
     * @param name e.g. {@code nova-agent-2x/rackspace-cloud.ubuntu.yaml} or {@code cloud-init/50-cloud-init}
     * @return the file's text
     */
    public static String text(String name) {
        try (InputStream in = ForeignFixtures.class.getClassLoader().getResourceAsStream("foreign/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture foreign/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies a fixture into a scratch root.
     *
     * @param root     the scratch root
     * @param name     the fixture
     * @param relative where it goes, e.g. {@code etc/netplan/rackspace-cloud.yaml}
     * @return the written path
     */
    public static Path install(Path root, String name, String relative) {
        try {
            Path to = root.resolve(relative);
            Files.createDirectories(to.getParent());
            return Files.writeString(to, text(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
