/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the shared golden scenarios from the class path ({@code scenarios/<name>/...} in the
 * network-common test-jar), so every renderer plugin tests the same inputs.
 */
public final class ScenarioLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioLoader() {
    }

    /** @return every scenario name, from {@code scenarios/index.txt} */
    public static List<String> names() {
        return Arrays.stream(resource("scenarios/index.txt").orElseThrow().split("\n"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The {@code @MethodSource} of a renderer's golden tests: every shared scenario but the ones the
     * renderer cannot express, after checking the shared set was found at all (at least 10).
     *
     * @param skipped scenario names to leave out
     * @return the other names, in index order
     */
    public static Stream<String> namesExcept(Set<String> skipped) {
        List<String> names = names();
        assertTrue(names.size() >= 10, "shared scenarios found: " + names);
        return names.stream().filter(n -> !skipped.contains(n));
    }

    /**
     * @param name a scenario name
     * @return the scenario, with its {@code before/} state when present
     */
    public static Scenario load(String name) {
        return load(name, "scenarios/" + name);
    }

    private static Scenario load(String name, String dir) {
        try {
            Map<String, String> xs = JSON.readValue(resource(dir + "/xenstore.json")
                    .orElseThrow(() -> new IllegalArgumentException("no scenario " + dir)), new TypeReference<>() { });
            List<Scenario.SysfsNic> nics = JSON.readValue(resource(dir + "/sysfs.json").orElseThrow(),
                    new TypeReference<>() { });
            Optional<Scenario> before = resource(dir + "/before/xenstore.json").isPresent()
                    ? Optional.of(load(name + "/before", dir + "/before")) : Optional.empty();
            Map<String, String> settings = resource(dir + "/settings.json").isEmpty() ? Map.of()
                    : JSON.readValue(resource(dir + "/settings.json").get(), new TypeReference<Map<String, String>>() { });
            String reply = resource(dir + "/reply.txt").map(String::strip).orElse("");
            return new Scenario(name, xs, nics, before, settings, reply);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> resource(String path) {
        try (InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
