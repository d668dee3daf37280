/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.support.SafeFiles;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * What {@code SafeFiles.write} asks of the kernel, seen by {@code strace} on a child JVM: the temp
 * file is created {@code O_CREAT|O_EXCL} relative to a directory descriptor, fsync'ed before the
 * {@code renameat}, chown'ed and chmod'ed only through descriptors, and the target directory is
 * fsync'ed after the rename. No {@code chmod}/{@code chown} by path, no rename by path.
 */
class SafeFilesSyscallTests {

    private static final String WRITER = """
            import java.nio.file.Path;
            import org.novaagent.api.support.*;
            public class Writer {
                public static void main(String[] a) throws Exception {
                    SafeFiles.under(Path.of(a[0])).write("home/bob/.ssh/authorized_keys", "key\\n".getBytes(),
                            WriteOptions.mode(0600).keepingExisting().withParents(0700).withBackup());
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void writeGoesThroughDescriptorsAndFsyncsFileThenDirectory() throws Exception {
        Path strace = RequiredTool.require("strace", "shows the system calls of the writer");
        Path root = Files.createDirectories(dir.resolve("root/home/bob/.ssh")).getParent().getParent().getParent();
        Files.writeString(root.resolve("home/bob/.ssh/authorized_keys"), "old\n");
        Path src = Files.writeString(dir.resolve("Writer.java"), WRITER);
        Path api = Path.of(SafeFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path trace = dir.resolve("trace");
        // -ff: one file per thread, so the writer's calls are not interleaved with other threads'
        Exec.Result r = Exec.run(strace.toString(), "-ff", "-qq", "-o", trace.toString(), "-e",
                "trace=openat,fsync,fdatasync,rename,renameat,renameat2,chown,lchown,fchown,fchownat,chmod,fchmod,"
                        + "fchmodat,mkdir,mkdirat,unlinkat",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", api.toString(),
                src.toString(), root.toString());
        assertEquals(0, r.code(), r.output());
        assertEquals("key\n", Files.readString(root.resolve("home/bob/.ssh/authorized_keys")));

        List<String> lines = new ArrayList<>();
        try (var perThread = Files.list(dir)) {
            for (Path t : perThread.filter(p -> p.getFileName().toString().startsWith("trace.")).toList()) {
                List<String> l = Files.readAllLines(t);
                if (l.stream().anyMatch(x -> x.contains("\"new\""))) {
                    lines.addAll(l);
                }
            }
        }
        List<String> ours = new ArrayList<>();
        for (String l : lines) {
            if (l.contains(".nova-agent-") || l.contains("\"new\"") || l.contains("authorized_keys")
                    || l.startsWith("fsync(") || l.startsWith("fchown(") || l.startsWith("fchmod(")) {
                ours.add(l);
            }
        }
        String all = String.join("\n", ours);
        Matcher create = Pattern.compile("openat\\((\\d+), \"new\", O_WRONLY\\|O_CREAT\\|O_EXCL[^)]*\\) = (\\d+)")
                .matcher(all);
        // O_CREAT|O_EXCL never follows a link at the name (open(2)); the name is in the private directory
        assertTrue(create.find(), "temp file not created O_CREAT|O_EXCL relative to a directory fd:\n" + all);
        String tmpFd = create.group(2);
        int fsyncFile = all.indexOf("fsync(" + tmpFd + ")", create.end());
        int rename = all.indexOf("renameat(", create.end());
        assertTrue(fsyncFile > 0 && rename > fsyncFile, "the temp file must be fsync'ed before the rename:\n" + all);
        assertTrue(all.substring(rename).matches("(?s)renameat\\(\\d+, \"new\", \\d+, \"authorized_keys\"\\) = 0.*"),
                "rename between two directory fds:\n" + all);
        assertTrue(all.indexOf("fsync(", rename) > 0, "the directory must be fsync'ed after the rename:\n" + all);
        for (String l : lines) {
            assertTrue(!l.matches("^(chmod|chown|lchown|rename|fchmodat|fchownat)\\(.*"), "a call by path: " + l);
        }
    }
}
