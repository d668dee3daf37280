/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.state;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.novaagent.api.support.FileFacts;
import org.novaagent.api.support.SafeFiles;

/**
 * {@link StateFiles} in {@code var/lib/nova-agent} through {@link SafeFiles#writeState} and its
 * siblings: every component opened from the root through directory handles without following a
 * link, state directories 0700 and the agent's own, files 0600, private staging, fsync,
 * {@code renameat}.
 */
public final class PosixStateFiles implements StateFiles {

    private final SafeFiles files;

    private PosixStateFiles(Path root) {
        this.files = SafeFiles.under(root);
    }

    /**
     * @param root the target root
     * @return its state files
     */
    public static PosixStateFiles under(Path root) {
        return new PosixStateFiles(root);
    }

    @Override
    public String directory() {
        return SafeFiles.STATE_DIRECTORY;
    }

    @Override
    public Path path() {
        return files.root().resolve(SafeFiles.STATE_DIRECTORY);
    }

    @Override
    public Optional<byte[]> read(String name, long limit) throws IOException {
        return files.read(relative(name), limit);
    }

    @Override
    public void write(String name, byte[] content) throws IOException {
        files.writeState(relative(name), content, 0600);
    }

    @Override
    public boolean delete(String name) throws IOException {
        return files.delete(relative(name));
    }

    @Override
    public List<String> listFiles(String dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (String name : files.list(relative(dir))) {
            if (files.stat(relative(dir) + "/" + name).map(f -> f.type() == FileFacts.Type.REGULAR).orElse(false)) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public int removeInterruptedWrites(String dir) throws IOException {
        return files.removeInterruptedWrites(relative(dir));
    }

    private static String relative(String name) {
        return SafeFiles.STATE_DIRECTORY + "/" + name;
    }
}
