/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.novaagent.runtime.winservice.ClassArchiveRefresh;
import org.novaagent.runtime.winservice.ServiceCommandLine;
import org.novaagent.runtime.winservice.nativeapi.ServiceException;
import org.novaagent.runtime.winservice.nativeapi.ServiceManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code agent service install|uninstall|start|stop|refresh-class-archive}: the Windows service, through
 * the service control manager API ({@link ServiceManager}). {@code install} first makes the service's
 * class archive ({@link ClassArchiveRefresh}; a failure there is reported and the service installed
 * without it); {@code refresh-class-archive} makes it again, after a Java update (with the service
 * stopped: Windows does not replace a file a running JVM has mapped). Windows only: Linux packages
 * ship a systemd unit, and their launcher makes its own archive.
 * It stays in the runtime's CLI rather than a CLI extension because it drives the runtime's own
 * process (the service binary is this JVM's {@code java.exe} running {@code service run}).
 */
@Command(name = "service", mixinStandardHelpOptions = true, versionProvider = AgentVersionProvider.class,
        description = "Manage the Windows service (install, uninstall, start, stop, refresh-class-archive;"
                + " 'run' is what the service executes).",
        footer = ExitCodes.FOOTER)
public final class ServiceCommand implements Callable<Integer> {

    static final List<String> ACTIONS = List.of("install", "uninstall", "start", "stop", "refresh-class-archive");

    @Spec
    CommandSpec spec;

    // optional for picocli: "service run" names the subcommand instead (a required ACTION made
    // picocli refuse "service run" itself, so the service control manager's command line failed)
    @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", description = "install, uninstall, start, stop or refresh-class-archive.")
    String action;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Install directory the service runs from (default: nova.home, set by bin\\nova-agent.cmd).")
    Path home;

    private final String osName;
    private final Supplier<ServiceManager> manager;

    /** For this JVM, with advapi32. */
    public ServiceCommand() {
        this(System.getProperty("os.name", ""), () -> ServiceManager.load("advapi32"));
    }

    /**
     * @param osName  the JVM's {@code os.name}
     * @param manager loads the service manager binding (tests pass a stand-in)
     */
    ServiceCommand(String osName, Supplier<ServiceManager> manager) {
        this.osName = osName;
        this.manager = manager;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (action == null || !ACTIONS.contains(action)) { // List.of().contains(null) throws
                err.println((action == null ? "which action?" : "unknown action '" + action + "'")
                        + ": use install, uninstall, start, stop or refresh-class-archive");
                return ExitCodes.USAGE;
            }
            if (!osName.startsWith("Windows")) {
                err.println(action.equals("refresh-class-archive")
                        ? "'service refresh-class-archive' is for Windows; on Linux: nova-agent --refresh-class-archive"
                        : "'service " + action + "' is for Windows; on Linux the package installs the systemd unit"
                        + " nova-agent.service (systemctl " + (action.equals("install") ? "enable" : action) + " nova-agent)");
                return ExitCodes.USAGE;
            }
            return perform(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int perform(PrintWriter out, PrintWriter err) {
        String name = ServiceCommandLine.SERVICE_NAME;
        try {
            if (action.equals("refresh-class-archive")) {
                return refreshArchive(commandLine(), out, err) ? ExitCodes.OK : ExitCodes.FAILURE;
            }
            ServiceManager scm = manager.get();
            switch (action) {
                case "install": {
                    ServiceCommandLine cmd = commandLine();
                    refreshArchive(cmd, out, err); // the service starts without one when it fails
                    List<String> deps = scm.install(name, ServiceCommandLine.DISPLAY_NAME, ServiceCommandLine.DESCRIPTION,
                            cmd.commandLine(), ServiceCommandLine.PV_TOOLS_SERVICES);
                    out.println("installed service " + name + " (automatic start, restart on failure"
                            + (deps.isEmpty() ? ", no Xen PV tools service found to start after" : ", after " + String.join(", ", deps))
                            + "): " + cmd.commandLine());
                    break;
                }
                case "uninstall":
                    scm.uninstall(name);
                    out.println("removed service " + name);
                    break;
                case "start":
                    scm.start(name);
                    out.println("started service " + name);
                    break;
                default:
                    scm.stop(name);
                    out.println("asked service " + name + " to stop");
                    break;
            }
            return ExitCodes.OK;
        } catch (ServiceException | IllegalStateException | UnsatisfiedLinkError e) {
            err.println("service " + action + " failed: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    private ServiceCommandLine commandLine() {
        return home != null ? ServiceCommandLine.forJvm(home) : ServiceCommandLine.forThisJvm();
    }

    private static boolean refreshArchive(ServiceCommandLine cmd, PrintWriter out, PrintWriter err) {
        try {
            long size = new ClassArchiveRefresh(cmd.javaExe(), cmd.home(), cmd.classArchive()).refresh();
            out.printf("class archive %s made for %s (%.1f MB)%n", cmd.classArchive(), cmd.javaExe(), size / 1e6);
            return true;
        } catch (IOException e) {
            err.println("could not make the class archive " + cmd.classArchive() + " (the service starts without it,"
                    + " only slower): " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted while making the class archive " + cmd.classArchive());
            return false;
        }
    }
}
