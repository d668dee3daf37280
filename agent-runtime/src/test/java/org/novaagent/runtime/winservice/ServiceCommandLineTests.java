/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.winservice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service binary's command line: java.exe, the launcher's flags, the install's module path, quoted the MSVC way. */
class ServiceCommandLineTests {

    @Test
    void commandLineWithSpacesInBothPaths() {
        ServiceCommandLine c = new ServiceCommandLine(Path.of("C:\\Program Files\\Eclipse Adoptium\\jdk-17\\bin\\java.exe"),
                Path.of("C:\\Program Files\\nova-agent"), Path.of("C:\\ProgramData\\nova-agent\\classes.jsa"));
        assertEquals("\"C:\\Program Files\\Eclipse Adoptium\\jdk-17\\bin\\java.exe\" -Xms2m -Xmx32m -Xss256k -XX:+UseSerialGC"
                + " -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData -XX:ReservedCodeCacheSize=16m -XX:MaxMetaspaceSize=48m -Xshare:auto"
                + " -XX:SharedArchiveFile=C:\\ProgramData\\nova-agent\\classes.jsa"
                + " \"-Dnova.home=C:\\Program Files\\nova-agent\" --module-path"
                + " \"C:\\Program Files\\nova-agent\\lib;C:\\Program Files\\nova-agent\\modules\" --add-modules ALL-MODULE-PATH"
                + " -m org.novaagent.runtime/org.novaagent.runtime.cli.Main service run", c.commandLine());
    }

    @Test
    void theClassArchiveIsBesideTheConfiguration() {
        assertEquals("D:\\Data\\nova-agent\\classes.jsa", ServiceCommandLine.classArchive(Map.of("ProgramData", "D:\\Data")).toString());
        assertEquals("C:\\ProgramData\\nova-agent\\classes.jsa", ServiceCommandLine.classArchive(Map.of()).toString());
    }

    @Test
    void msvcQuoting() {
        assertEquals("plain", ServiceCommandLine.quote("plain"));
        assertEquals("\"\"", ServiceCommandLine.quote(""));
        assertEquals("\"a b\"", ServiceCommandLine.quote("a b"));
        assertEquals("\"C:\\dir with space\\\\\"", ServiceCommandLine.quote("C:\\dir with space\\"));
        assertEquals("\"say \\\"hi\\\"\"", ServiceCommandLine.quote("say \"hi\""));
        assertEquals("\"a\\\\\\\"b\"", ServiceCommandLine.quote("a\\\"b"));
    }
}
