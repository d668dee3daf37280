/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one mechanism that makes nova-agent's configuration the one that takes effect for every NIC
 * it configures: it turns what a plugin's {@link ForeignConfigDetector} found into planned
 * {@link FileChange}s, staged with the rendered files through the same {@link FileStager} plan, so
 * a failed apply rolls them back and a dry run shows them. Per file:
 * <ul>
 *   <li>{@code DISABLE}: the detector's edited content, headed by {@link #MARKER_PREFIX} (a comment
 *       in every format we touch), replaces the file;</li>
 *   <li>{@code REMOVE}: the file is removed (the stager keeps a backup);</li>
 *   <li>{@code REPLACE}: the renderer overwrites the path itself.</li>
 * </ul>
 * The first time a restorable file (cloud-init's, an installer's; never 2.x's) is taken over, its
 * original goes to {@value #ORIGINALS}{@code /<path>}: that copy is what {@code restore-network-config}
 * puts back when the package is removed. When cloud-init is installed ({@code etc/cloud} exists),
 * {@value #CLOUD_INIT_DROP_IN} tells it not to write network configuration again.
 */
public final class ForeignConfigTakeover {

    /** Prefix of every line nova-agent disabled in another tool's file (ENI and netplan). */
    public static final String DISABLED = "# disabled by nova-agent: ";
    /** First words of the marker line at the top of a file nova-agent disabled lines in. */
    public static final String MARKER_PREFIX = "# nova-agent took over ";
    /** Root-relative directory of the originals kept for a restore, at their own relative path. */
    public static final String ORIGINALS = FileStager.BACKUP_DIR + "/taken-over";
    /** cloud-init's documented drop-in that turns its network configuration off. */
    public static final String CLOUD_INIT_DROP_IN = "etc/cloud/cloud.cfg.d/99-nova-agent-network.cfg";

    private static final Logger LOG = LoggerFactory.getLogger(ForeignConfigTakeover.class);

    /**
     * What the takeover plans.
     *
     * @param changes    file changes to stage after the rendered files
     * @param takenOver  NICs whose effective configuration changes because of them
     * @param found      what the detector reported
     */
    public record Plan(List<FileChange> changes, Set<String> takenOver, List<ForeignConfig> found) {
        /** Copies the collections. */
        public Plan {
            changes = List.copyOf(changes);
            takenOver = Set.copyOf(takenOver);
            found = List.copyOf(found);
        }
    }

    private ForeignConfigTakeover() {
    }

    /**
     * @param config   the configuration being written
     * @param stager   the stager of this resetnetwork
     * @param rendered the files the renderer produced
     * @param detector the plugin's detector
     * @return the changes; empty when nothing foreign is left
     * @throws IOException when a file cannot be read
     */
    public static Plan plan(NetworkConfig config, FileStager stager, List<RenderedFile> rendered,
                            ForeignConfigDetector detector) throws IOException {
        Set<String> renderedPaths = new LinkedHashSet<>();
        rendered.forEach(f -> renderedPaths.add(f.path()));
        List<ForeignConfig> found = detector.detect(config, stager);
        List<FileChange> changes = new ArrayList<>();
        Set<String> interfaces = new LinkedHashSet<>();
        for (ForeignConfig f : found) {
            Optional<String> current = stager.read(f.path());
            if (current.isEmpty() || f.action() == ForeignConfig.Action.REPLACE && !renderedPaths.contains(f.path())) {
                continue;
            }
            int mode = stager.mode(f.path());
            List<RenderedFile> files = new ArrayList<>();
            if (f.restorable() && !isMarked(current.get())) {
                files.add(new RenderedFile(ORIGINALS + "/" + f.path(), current.get(), mode));
            }
            if (f.action() == ForeignConfig.Action.DISABLE) {
                files.add(new RenderedFile(f.path(), marked(f, f.newContent().orElseThrow()), mode));
            }
            List<FileChange> planned = new ArrayList<>(stager.plan(files, OwnedFiles.none()));
            if (f.action() == ForeignConfig.Action.REMOVE) {
                stager.planRemoval(f.path()).ifPresent(planned::add);
            }
            boolean takes = f.action() == ForeignConfig.Action.REPLACE ? !isMarked(current.get())
                    : planned.stream().anyMatch(c -> c.path().equals(f.path()));
            if (takes) {
                LOG.info("taking over {} ({}, {}): {}", f.path(), f.owner(), String.join(" ", f.interfaces()),
                        f.action().name().toLowerCase(java.util.Locale.ROOT));
                interfaces.addAll(f.interfaces());
            }
            changes.addAll(planned);
        }
        if (Files.isDirectory(stager.resolve("etc/cloud"))) {
            changes.addAll(stager.plan(List.of(new RenderedFile(CLOUD_INIT_DROP_IN, cloudInitDropIn(), 0644)),
                    OwnedFiles.none()));
        }
        return new Plan(changes, interfaces, found);
    }

    /** @return true when nova-agent already wrote or edited this content (its header, marker or disabled lines) */
    public static boolean isMarked(String content) {
        return Headers.isOurs(content)
                || content.lines().anyMatch(l -> l.startsWith(MARKER_PREFIX) || l.startsWith(DISABLED));
    }

    /** @return the content of {@value #CLOUD_INIT_DROP_IN} */
    public static String cloudInitDropIn() {
        return Headers.hashComment()
                + "# nova-agent configures the network from XenStore on every resetnetwork;\n"
                + "# cloud-init must not write network configuration (removing nova-agent restores it).\n"
                + "network: {config: disabled}\n";
    }

    /** The edited content under one marker line (an older marker is replaced, never repeated). */
    static String marked(ForeignConfig f, String edited) {
        String where = f.restorable() ? "the original is /" + ORIGINALS + "/" + f.path()
                : "a backup is /" + FileStager.BACKUP_DIR + "/" + f.path();
        StringBuilder out = new StringBuilder(MARKER_PREFIX).append("the NICs it configures from this file (")
                .append(f.owner()).append("); lines starting \"").append(DISABLED.strip()).append("\" are off; ")
                .append(where).append('\n');
        edited.lines().filter(l -> !l.startsWith(MARKER_PREFIX)).forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }
}
