/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.novaagent.runtime.winservice.nativeapi.FakeScmDatabase;
import org.novaagent.runtime.winservice.nativeapi.ServiceManager;
import picocli.CommandLine;

/** {@code agent service ...}: refused on Linux with the systemd hint; on "Windows" through the SCM stand-in. */
class ServiceCommandTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final FakeScmDatabase db = FakeScmDatabase.load();

    @BeforeEach
    void reset() {
        db.fake_scm_reset();
    }

    private int run(String osName, String... args) {
        CommandLine cli = new CommandLine(new ServiceCommand(osName, () -> ServiceManager.load(FakeScmDatabase.library().toString())))
                .addSubcommand("run", new ServiceRunCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void linuxGetsTheSystemdHint() {
        assertEquals(ExitCodes.USAGE, run("Linux", "install"));
        assertTrue(err.toString().contains("on Linux the package installs the systemd unit nova-agent.service"
                + " (systemctl enable nova-agent)"), err.toString());
        assertEquals("", db.fake_scm_violations());
    }

    @Test
    void windowsInstallStartStopUninstall() {
        db.fake_scm_add_existing("xeniface");
        assertEquals(ExitCodes.OK, run("Windows Server 2022", "install", "--home", "C:\\Program Files\\nova-agent"));
        assertTrue(out.toString().startsWith("installed service nova-agent (automatic start, restart on failure, after xeniface): "),
                out.toString());
        assertTrue(out.toString().contains(" --module-path \"C:\\Program Files\\nova-agent\\lib;C:\\Program Files\\nova-agent\\modules\""
                + " --add-modules ALL-MODULE-PATH -m org.novaagent.runtime/org.novaagent.runtime.cli.Main service run"), out.toString());
        assertTrue(db.fake_scm_record("nova-agent").contains("service run|deps=xeniface|"), db.fake_scm_record("nova-agent"));
        // no training\ here: the archive is not made, said so, and the service is installed all the same
        assertTrue(err.toString().contains("could not make the class archive ") && err.toString().contains(
                "(the service starts without it, only slower): no training module (xenstore-sim-*.jar) in"), err.toString());
        assertTrue(out.toString().contains(" -Xshare:auto -XX:SharedArchiveFile="), out.toString());
        assertEquals(ExitCodes.OK, run("Windows Server 2022", "start"));
        assertEquals(ExitCodes.FAILURE, run("Windows Server 2022", "start"));
        assertTrue(err.toString().contains("service start failed: StartServiceW failed: the service is already running (1056)"),
                err.toString());
        assertEquals(ExitCodes.OK, run("Windows Server 2022", "stop"));
        assertEquals(ExitCodes.OK, run("Windows Server 2022", "uninstall"));
        assertEquals(null, db.fake_scm_record("nova-agent"));
        assertEquals(ExitCodes.USAGE, run("Windows Server 2022", "pause"));
        assertEquals("", db.fake_scm_violations());
        assertEquals(0, db.fake_scm_open_handles());
    }

    @Test
    void installWithoutTheLauncherSaysHowToRunIt() {
        System.clearProperty("nova.home");
        assertEquals(ExitCodes.FAILURE, run("Windows Server 2022", "install"));
        assertTrue(err.toString().contains("nova.home is not set: run 'service install' through bin\\nova-agent.cmd"),
                err.toString());
    }

    @Test
    void serviceRunReachesItsSubcommandWhichRefusesLinux() {
        // picocli parses "service run" as the run subcommand, not as a missing ACTION
        assertEquals(ExitCodes.OK, run("Linux", "run", "--help"));
        assertTrue(out.toString().contains("Run as the Windows service"), out.toString());
        assertEquals(ExitCodes.USAGE, run("Linux", "run"));
        assertTrue(!err.toString().contains("Missing required parameter"), err.toString());
        assertEquals(ExitCodes.USAGE, run("Linux"));
        assertTrue(err.toString().contains("which action?: use install, uninstall, start, stop or refresh-class-archive"),
                err.toString());
        assertEquals(ExitCodes.USAGE, run("Linux", "refresh-class-archive"));
        assertTrue(err.toString().contains("on Linux: nova-agent --refresh-class-archive"), err.toString());
    }
}
