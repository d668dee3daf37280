/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.Map;
import java.util.Optional;

/**
 * Per-distro settings for a renderer (paths, NetworkManager or not) and the current content of
 * files the renderer merges into, keyed by root-relative path. Renderers never read files.
 *
 * @param settings     renderer-specific settings, e.g. {@code nm-keyfiles=true}
 * @param existingFiles current content of files the renderer merges into, by relative path
 */
public record RendererOptions(Map<String, String> settings, Map<String, String> existingFiles) {
    public RendererOptions {
        settings = Map.copyOf(settings);
        existingFiles = Map.copyOf(existingFiles);
    }

    /** @return options with no settings and no existing files */
    public static RendererOptions defaults() {
        return new RendererOptions(Map.of(), Map.of());
    }

    /** @return a setting */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** @return the current content of a file, if it exists */
    public Optional<String> existing(String relativePath) {
        return Optional.ofNullable(existingFiles.get(relativePath));
    }
}
