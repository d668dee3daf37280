/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.testkit.ConfigReaders;
import org.novaagent.network.testkit.NetworkShape;
import org.novaagent.network.testkit.RandomNetworks;
import org.novaagent.testkit.RequiredTool;

/**
 * Issue #17 property: any valid model renders to NetworkManager keyfiles that read back to the
 * same model (addresses, gateways, routes, DNS, MAC; DNS servers of a family the interface has no
 * address of are not written: the family's section is {@code method=disabled}/{@code ignore}, see
 * the README); on every tenth model the real keyfile reader
 * ({@code nmcli --offline}) accepts each file and its normalised output reads back the same too.
 */
class NmKeyfileRoundTripTests {

    static Stream<Arguments> models() {
        return RandomNetworks.samples(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("models")
    void keyfilesReadBackToTheModel(long seed, NetworkConfig config) throws Exception {
        List<RenderedFile> files = new NmKeyfileRenderer().render(config, RendererOptions.defaults());
        assertEquals(NetworkShape.of(config, true, true), read(files.stream().map(RenderedFile::content).toList()),
                "seed " + seed + ":\n" + files);
        if (seed % 10 == 0) {
            String nmcli = RequiredTool.require("nmcli", "reads keyfiles offline").toString();
            List<String> normalised = new ArrayList<>();
            for (RenderedFile f : files) {
                normalised.add(offline(nmcli, f.content()));
            }
            assertEquals(NetworkShape.of(config, true, true), read(normalised), "nmcli's reading, seed " + seed);
        }
    }

    private static NetworkShape read(List<String> keyfiles) {
        Map<String, NetworkShape.Nic> nics = new TreeMap<>();
        List<String> dns = new ArrayList<>();
        keyfiles.forEach(k -> ConfigReaders.keyfile(k, nics, dns));
        return new NetworkShape(nics, dns);
    }

    private static String offline(String nmcli, String keyfile) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(nmcli, "--offline", "connection", "modify", "connection.autoconnect", "yes")
                .redirectErrorStream(true).start();
        p.getOutputStream().write(keyfile.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assertions.assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "nmcli rejected:\n" + keyfile + "\n" + out);
        return out;
    }
}
