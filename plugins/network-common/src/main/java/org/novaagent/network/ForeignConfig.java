/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A network file another tool wrote (nova-agent 2.x, cloud-init, an installer) that configures
 * a NIC nova-agent configures, and what {@link ForeignConfigTakeover} does with it. Found by a
 * plugin's {@link ForeignConfigDetector}.
 *
 * @param path       root-relative path of the file
 * @param owner      who wrote it: {@link #NOVA_AGENT_2X}, {@link #CLOUD_INIT}, {@link #NOVA_AGENT} or {@link #OTHER}
 * @param interfaces kernel names of the configured NICs it affects
 * @param action     what happens to it
 * @param newContent for {@link Action#DISABLE}: the file with the affected lines commented out
 *                   (without the takeover marker, which the takeover adds); empty otherwise
 */
public record ForeignConfig(String path, String owner, List<String> interfaces, Action action,
                            Optional<String> newContent) {

    /** Files the replaced Python agent (2.x) wrote; taken over for good, never restored. */
    public static final String NOVA_AGENT_2X = "nova-agent 2.x";
    /** cloud-init's rendered network config. */
    public static final String CLOUD_INIT = "cloud-init";
    /** Our own file in the format this renderer does not use (e.g. a keyfile on an ifcfg host). */
    public static final String NOVA_AGENT = "nova-agent";
    /** An installer's, an image builder's or an operator's file. */
    public static final String OTHER = "other";

    /** What the takeover does with the file. */
    public enum Action {
        /** the lines for our NICs are commented out in place (ENI, netplan: other NICs stay) */
        DISABLE,
        /** the file is removed (ifcfg, keyfile: one file is one device) */
        REMOVE,
        /** our renderer writes the same path; only the original is kept for a restore */
        REPLACE
    }

    /** Validates the components and copies the list. */
    public ForeignConfig {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(action, "action");
        interfaces = List.copyOf(interfaces);
        Objects.requireNonNull(newContent, "newContent");
        if ((action == Action.DISABLE) != newContent.isPresent()) {
            throw new IllegalArgumentException("new content is required for DISABLE and only for it: " + path);
        }
    }

    /** @return a file whose lines for {@code interfaces} are commented out in {@code content} */
    public static ForeignConfig disable(String path, String owner, List<String> interfaces, String content) {
        return new ForeignConfig(path, owner, interfaces, Action.DISABLE, Optional.of(content));
    }

    /** @return a file that is removed */
    public static ForeignConfig remove(String path, String owner, List<String> interfaces) {
        return new ForeignConfig(path, owner, interfaces, Action.REMOVE, Optional.empty());
    }

    /** @return a file our renderer overwrites */
    public static ForeignConfig replace(String path, String owner, List<String> interfaces) {
        return new ForeignConfig(path, owner, interfaces, Action.REPLACE, Optional.empty());
    }

    /** Root-relative prefix of the runtime directory (a tmpfs, written again at every boot). */
    public static final String RUNTIME = "run/";

    /**
     * @return true when removing the package should bring the file back: not for 2.x's files (they
     *         describe the server's old addresses), nor for our own, nor for a file under
     *         {@value #RUNTIME} (the initramfs or cloud-init writes it again at every boot; a copy put
     *         back later would be stale, so only the stager's backup is kept)
     */
    public boolean restorable() {
        return !owner.equals(NOVA_AGENT_2X) && !owner.equals(NOVA_AGENT) && !path.startsWith(RUNTIME);
    }
}
