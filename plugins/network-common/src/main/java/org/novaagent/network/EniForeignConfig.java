/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ENI stanzas for the NICs nova-agent configures in any file the main {@code interfaces} sources
 * (cloud-init's {@code interfaces.d/50-cloud-init}, an image's {@code interfaces.d/eth0}):
 * they are disabled in place with the same editor as the main file, so ifupdown sees exactly one
 * definition, ours. Stanzas of other interfaces ({@code lo} included) stay. The main file itself
 * is the renderer's (it disables 2.x's and the installer's stanzas there). For every ENI renderer
 * (Debian's ifupdown, Alpine's ifupdown-ng).
 */
public final class EniForeignConfig implements ForeignConfigDetector {

    private static final Logger LOG = LoggerFactory.getLogger(EniForeignConfig.class);
    /** 2.x rewrote the whole main file, starting with its loopback block ({@code libs/debian.py}). */
    private static final String LEGACY_FIRST_LINE = "# The loopback network interface\n";

    /** Creates the detector (stateless). */
    public EniForeignConfig() {
    }

    @Override
    public List<ForeignConfig> detect(NetworkConfig config, FileStager stager) throws IOException {
        Set<String> owned = new LinkedHashSet<>();
        config.interfaces().forEach(nic -> owned.add(nic.name()));
        List<ForeignConfig> out = new ArrayList<>();
        mainFile(config, stager, owned).ifPresent(out::add);
        for (String file : EniSources.sourced(stager)) {
            if (file.equals(EniFileEditor.DROP_IN.substring(1))) {
                continue;
            }
            String content = stager.read(file).orElse("");
            EniFileEditor.Edited edited;
            try {
                edited = EniFileEditor.edit(content, owned);
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: {}; left alone", file, e.getMessage());
                continue;
            }
            String text = join(edited);
            if (!text.equals(content.isEmpty() || content.endsWith("\n") ? content : content + "\n")) {
                out.add(ForeignConfig.disable(file, owner(file, content), affected(config, content, text), text));
            }
        }
        return out;
    }

    /**
     * The main file is the renderer's to edit (it disables the stanzas of our NICs there); when it
     * still has active ones, it is reported as replaced so its original is kept for a restore
     * (an installer's {@code iface eth0 inet dhcp}), or only logged when 2.x wrote it.
     */
    private static java.util.Optional<ForeignConfig> mainFile(NetworkConfig config, FileStager stager, Set<String> owned)
            throws IOException {
        java.util.Optional<String> main = stager.read(EniSources.INTERFACES);
        if (main.isEmpty()) {
            return java.util.Optional.empty();
        }
        String asIs;
        String disabled;
        try {
            asIs = join(EniFileEditor.edit(main.get(), Set.of()));
            disabled = join(EniFileEditor.edit(main.get(), owned));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        List<String> nics = affected(config, asIs, disabled);
        if (nics.isEmpty()) {
            return java.util.Optional.empty();
        }
        String owner = main.get().startsWith(LEGACY_FIRST_LINE) && main.get().contains("\n# Label ")
                ? ForeignConfig.NOVA_AGENT_2X : owner(EniSources.INTERFACES, main.get());
        return java.util.Optional.of(ForeignConfig.replace(EniSources.INTERFACES, owner, nics));
    }

    private static String join(EniFileEditor.Edited edited) {
        StringBuilder text = new StringBuilder();
        edited.before().forEach(l -> text.append(l).append('\n'));
        edited.after().forEach(l -> text.append(l).append('\n'));
        return text.toString();
    }

    /** The configured NICs whose active stanza lines differ between the two versions. */
    private static List<String> affected(NetworkConfig config, String before, String after) {
        Map<String, String> old = EniApplier.stanzasByInterface(before);
        Map<String, String> now = EniApplier.stanzasByInterface(after);
        return config.interfaces().stream().map(NetInterface::name)
                .filter(n -> !Objects.equals(old.get(n), now.get(n))).toList();
    }

    private static String owner(String file, String content) {
        return file.contains("cloud-init") || content.contains("cloud-init") ? ForeignConfig.CLOUD_INIT : ForeignConfig.OTHER;
    }
}
