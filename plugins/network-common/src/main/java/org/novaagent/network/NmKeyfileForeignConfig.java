/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * NetworkManager profiles in {@link NmKeyfiles#CONNECTIONS} and {@link #RUN_CONNECTIONS} bound to a NIC nova-agent configures, by
 * {@code interface-name=} or {@code mac-address=}: a second profile for the device (cloud-init's
 * {@code cloud-init-eth0.nmconnection} has autoconnect-priority 120, above ours; an installer's
 * "Wired connection 1") can win at boot, so each is removed (the stager keeps a backup). Our own
 * {@code nova-<if>.nmconnection} is kept when keyfiles are what nova-agent writes, and removed as
 * stale when it writes another format. Names NetworkManager ignores ({@code .bak}, {@code ~},
 * {@code .rpmsave}, dot files ...) are ignored too.
 */
public final class NmKeyfileForeignConfig implements ForeignConfigDetector {

    /** File names NetworkManager (and initscripts) skip. */
    public static final Pattern IGNORED = Pattern.compile(
            "^\\..*|.*(~|\\.bak|\\.orig|\\.rej|\\.old|\\.rpmnew|\\.rpmsave|\\.rpmorig|\\.augnew|\\.augtmp)$|.*\\.nova-tmp-.*");

    /**
     * In-memory profiles: NetworkManager reads them next to {@link NmKeyfiles#CONNECTIONS}; the
     * initramfs's {@code nm-initrd-generator} writes {@code default_connection.nmconnection} (or one per
     * {@code ip=}) there at every boot. Removed like the others, but never kept for a restore
     * ({@link ForeignConfig#restorable()}).
     */
    public static final String RUN_CONNECTIONS = "run/NetworkManager/system-connections/";

    /** Owner named for a profile in {@link #RUN_CONNECTIONS} that is not cloud-init's. */
    static final String INITRD = "initramfs";

    private final boolean keepOurs;

    /** @param keepOurs true when nova-agent writes keyfiles itself (its own are then not foreign) */
    public NmKeyfileForeignConfig(boolean keepOurs) {
        this.keepOurs = keepOurs;
    }

    @Override
    public List<ForeignConfig> detect(NetworkConfig config, FileStager stager) throws IOException {
        List<ForeignConfig> out = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (String dir : List.of(NmKeyfiles.CONNECTIONS, RUN_CONNECTIONS)) {
            if (dir.equals(RUN_CONNECTIONS) && Files.isSymbolicLink(stager.resolve("run"))) {
                continue;   // a linked run/ (a scratch root's) is not the tmpfs; the safe reader would refuse it
            }
            list(stager, dir, "").forEach(name -> files.add(dir + name));
        }
        for (String file : files) {
            String content = stager.read(file).orElse("");
            Map<String, String> keys = NmKeyfiles.keys(content);
            Optional<NetInterface> nic = bound(config, keys.getOrDefault("connection.interface-name", ""),
                    keys.getOrDefault("ethernet.mac-address", keys.getOrDefault("802-3-ethernet.mac-address", "")));
            if (nic.isEmpty() || keepOurs && file.equals(NmKeyfiles.keyfile(nic.get().name()))) {
                continue;
            }
            String owner = Headers.isOurs(content) ? ForeignConfig.NOVA_AGENT
                    : content.contains("cloud-init") ? ForeignConfig.CLOUD_INIT
                    : file.startsWith(RUN_CONNECTIONS) ? INITRD : ForeignConfig.OTHER;
            out.add(ForeignConfig.remove(file, owner, List.of(nic.get().name())));
        }
        return out;
    }

    /**
     * @param config the configuration
     * @param device a device name, or empty
     * @param mac    a MAC in any case with {@code :} or {@code -}, or empty
     * @return the configured NIC with that name or MAC
     */
    public static Optional<NetInterface> bound(NetworkConfig config, String device, String mac) {
        String m = mac.toLowerCase(Locale.ROOT).replace('-', ':');
        return config.interfaces().stream().filter(n -> n.name().equals(device) || !m.isEmpty() && n.mac().equals(m))
                .findFirst();
    }

    /**
     * @param stager the stager (its root)
     * @param dir    a root-relative directory with a trailing slash
     * @param prefix a file-name prefix, or empty
     * @return the regular files there whose names start with it and that NetworkManager reads, sorted
     * @throws IOException when the directory cannot be listed
     */
    public static List<String> list(FileStager stager, String dir, String prefix) throws IOException {
        Path d = stager.resolve(dir.substring(0, dir.length() - 1));
        TreeSet<String> names = new TreeSet<>();
        if (Files.isDirectory(d)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(d)) {
                for (Path p : entries) {
                    String n = p.getFileName().toString();
                    if (n.startsWith(prefix) && !IGNORED.matcher(n).matches() && Files.isRegularFile(p)) {
                        names.add(n);
                    }
                }
            }
        }
        return new ArrayList<>(names);
    }
}
