/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.sim;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The training run of the class archive (issue #14): the launcher's {@code --refresh-class-archive}
 * records the classes a JVM loads while it runs this, then dumps them into the archive. It starts an
 * {@link EmbeddedXenStore} on a socket in a scratch directory, leaves a few requests waiting there as a
 * host would before the agent starts ({@code version} and {@code features}: neither changes anything
 * on the machine), and runs the real agent in this JVM:
 * {@code run --once --xenstore <socket> --root <scratch root>} plus the given arguments. So the archive
 * holds what the first replies need: the XenStore client, the message loop, the journal and history
 * writes, JSON, the handlers, not only the classes of a start that never reaches a XenStore. Not more:
 * an archived class costs idle memory whether it is used or not, so the classes of one-off commands
 * ({@code keyinit}, {@code resetnetwork}) load from their jars when they come.
 *
 * <p>The agent's module ({@code org.novaagent.runtime}) is found in the boot layer by name: this
 * module does not depend on it (the runtime never requires the simulator, nor the reverse), and the
 * training command line opens its entry point to this module
 * ({@code --add-exports org.novaagent.runtime/org.novaagent.runtime.cli=org.novaagent.xenstore.sim}).
 * Packages ship this module outside the agent's module path ({@code /usr/lib/nova-agent/training}),
 * for this run only.
 */
public final class ClassArchiveTraining {

    /** The requests left waiting before the agent starts: name and value, all harmless on any machine. */
    static final List<String[]> REQUESTS = List.of(
            new String[] {"version", "agent"},
            new String[] {"features", ""});

    private static final String SOCKET = "xenstore.sock";
    /** The longest socket path every supported platform binds (BSD's sun_path is 104 bytes with the NUL). */
    static final int MAX_SOCKET_PATH = 100;

    private ClassArchiveTraining() {
    }

    /**
     * @param args {@code <scratch dir> [agent arguments after "run --once --xenstore S --root R"...]};
     *             the scratch directory must exist and be private to the caller
     * @throws Exception when the store cannot start or the agent cannot be found
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) { // the launcher's --refresh-class-archive logs what the JVM prints for this
            throw new IllegalArgumentException("usage: ClassArchiveTraining <scratch dir> [agent arguments...]");
        }
        Path dir = Path.of(args[0]);
        Path root = Files.createDirectories(dir.resolve("root"));
        Path socketDir = socketDirectory(dir);
        try (EmbeddedXenStore store = EmbeddedXenStore.start(socketDir.resolve(SOCKET))) {
            for (String[] r : REQUESTS) {
                store.write(store.domainPath() + "/data/host/" + UUID.randomUUID(), request(r[0], r[1]));
            }
            List<String> agentArgs = new ArrayList<>(List.of("run", "--once", "--xenstore",
                    store.socketPath().toString(), "--root", root.toString()));
            agentArgs.addAll(List.of(args).subList(1, args.length));
            runAgent(agentArgs.toArray(new String[0])); // System.exit()s when the pending requests are answered
        }
    }

    /**
     * @return {@code dir} when a socket in it fits a Unix socket address (108 bytes with its NUL on
     *         Linux, 104 on the BSDs), else a new private directory under {@code java.io.tmpdir}: a long
     *         scratch path must not make the training fail (and leave the archive without the replies)
     */
    static Path socketDirectory(Path dir) throws IOException {
        int length = dir.toAbsolutePath().resolve(SOCKET).toString().getBytes(StandardCharsets.UTF_8).length;
        if (length < MAX_SOCKET_PATH) {
            return dir;
        }
        Path own = Files.createTempDirectory("nova-agent-training"); // 0700
        own.toFile().deleteOnExit(); // the agent ends the JVM with System.exit: removed then, socket first
        own.resolve(SOCKET).toFile().deleteOnExit();
        return own;
    }

    static String request(String name, String value) {
        return "{\"name\":\"" + name + "\",\"value\":\"" + value + "\"}";
    }

    private static void runAgent(String[] args) throws IOException, ReflectiveOperationException {
        Optional<Module> runtime = ModuleLayer.boot().findModule("org.novaagent.runtime");
        if (runtime.isEmpty()) {
            throw new IOException("module org.novaagent.runtime is not in the boot layer: put the agent's lib/ on the module path");
        }
        Class<?> main = Class.forName(runtime.get(), "org.novaagent.runtime.cli.Main");
        if (main == null) {
            throw new ClassNotFoundException("org.novaagent.runtime.cli.Main");
        }
        Method entry = main.getMethod("main", String[].class);
        try {
            entry.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw new IOException("the agent failed in the training run", e.getCause());
        }
    }
}
