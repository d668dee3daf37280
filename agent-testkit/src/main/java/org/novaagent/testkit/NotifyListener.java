/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * The service manager's side of {@code sd_notify}, for real: {@code /usr/bin/python3} binds an AF_UNIX
 * datagram socket with {@code SO_PASSCRED} (Java cannot), and reports each message with the pid the kernel
 * put in its {@code SCM_CREDENTIALS}, the pid systemd's {@code NotifyAccess=main} compares with the main
 * pid. File descriptors that come with a message ({@code systemd-notify}'s {@code BARRIER=1}) are closed on
 * receipt, as systemd does, which releases the sender's wait. python3 is a {@link RequiredTool}.
 */
public final class NotifyListener implements AutoCloseable {

    /** One datagram: the sender's credential pid and the text. */
    public record Message(long pid, String text) {
    }

    private static final String SCRIPT = String.join("\n",
            "import array, json, os, socket, struct, sys, time",
            "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
            "s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)",
            "addr = sys.argv[1]",
            "s.bind('\\0' + addr[1:] if addr.startswith('@') else addr)",
            "print('bound', flush=True)",
            "time.sleep(float(sys.argv[2]))",
            "while True:",
            "    msg, anc, flags, _ = s.recvmsg(4096, socket.CMSG_SPACE(12) + socket.CMSG_SPACE(64))",
            "    pid = -1",
            "    for level, kind, data in anc:",
            "        if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:",
            "            pid = struct.unpack('iII', data[:12])[0]",
            "        elif level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:",
            "            for fd in array.array('i', data[:len(data) - len(data) % 4]):",
            "                os.close(fd)",
            "    print(pid, json.dumps(msg.decode()), flush=True)");

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private NotifyListener(Process process) {
        this.process = process;
    }

    /**
     * @param dir       scratch directory for the script
     * @param address   a socket path, or {@code @name} for the abstract namespace
     * @param readDelay how long the listener waits after binding before it reads (a busy service manager)
     * @return the listener, bound
     */
    public static NotifyListener start(Path dir, String address, Duration readDelay) throws IOException {
        Path python = RequiredTool.require("/usr/bin/python3", "plays the service manager's notify socket (SO_PASSCRED)");
        Path script = Files.writeString(dir.resolve("notify_listener.py"), SCRIPT);
        Process p = new ProcessBuilder(python.toString(), script.toString(), address,
                Double.toString(readDelay.toMillis() / 1000.0)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        NotifyListener listener = new NotifyListener(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Assertions.assertEquals("bound", out.readLine(), "the listener could not bind " + address);
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    listener.lines.add(line);
                }
            } catch (IOException e) {
                // the listener was killed
            }
        }, "notify-listener");
        reader.setDaemon(true);
        reader.start();
        return listener;
    }

    /**
     * @param count   how many messages, {@code BARRIER=1} (newer {@code systemd-notify}) not counted
     * @param timeout how long to wait for all of them
     * @return the messages in arrival order; fails the test when fewer arrived in time
     */
    public List<Message> take(int count, Duration timeout) throws InterruptedException {
        List<Message> got = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got.size() < count) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                return Assertions.fail("only " + got + " of " + count + " messages within " + timeout);
            }
            Message m = parse(line);
            if (!m.text().equals("BARRIER=1")) {
                got.add(m);
            }
        }
        return got;
    }

    /**
     * @param quiet how long to listen
     * @return the messages (barriers left out) that arrived within {@code quiet}
     */
    public List<Message> drain(Duration quiet) throws InterruptedException {
        Thread.sleep(quiet.toMillis());
        List<Message> got = new ArrayList<>();
        for (String line = lines.poll(); line != null; line = lines.poll()) {
            Message m = parse(line);
            if (!m.text().equals("BARRIER=1")) {
                got.add(m);
            }
        }
        return got;
    }

    private static Message parse(String line) {
        int space = line.indexOf(' ');
        try {
            return new Message(Long.parseLong(line.substring(0, space)),
                    new ObjectMapper().readValue(line.substring(space + 1), String.class));
        } catch (IOException e) {
            throw new UncheckedIOException("listener printed " + line, e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
