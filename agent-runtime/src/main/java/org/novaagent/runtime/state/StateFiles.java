/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.state;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.novaagent.api.HostFacts;

/**
 * The files of the agent's own state directory under a target root: the request journal and the
 * request history. Names are relative to the state directory and {@code /}-separated
 * ({@code requests/17}, {@code history}). Every write is atomic and durable, into directories that
 * only the agent (POSIX: its user, 0700; Windows: SYSTEM and Administrators) may change, and no link
 * or reparse point is ever followed. Implementations are used from one thread at a time per file.
 */
public interface StateFiles {

    /** @return the state directory, relative to the target root ({@code var/lib/nova-agent}) */
    String directory();

    /** @return the state directory's absolute path */
    Path path();

    /**
     * @param name  a file below the state directory
     * @param limit the largest size accepted, in bytes
     * @return its content, or empty when it (or its directory) does not exist
     * @throws IOException when it cannot be read, is not a plain file, or the directory is not private
     */
    Optional<byte[]> read(String name, long limit) throws IOException;

    /**
     * Atomically creates or replaces a file, readable and writable by the agent only.
     *
     * @param name    a file below the state directory
     * @param content the new content
     * @throws IOException when it cannot be written (the old file is then intact) or the state
     *                     directory is not private to the agent (nothing is written)
     */
    void write(String name, byte[] content) throws IOException;

    /**
     * @param name a file below the state directory
     * @return false when there was nothing to remove
     * @throws IOException when it cannot be removed or is not a plain file
     */
    boolean delete(String name) throws IOException;

    /**
     * @param dir a directory below the state directory
     * @return the names of its regular files, sorted; empty when it does not exist
     * @throws IOException when it cannot be listed
     */
    List<String> listFiles(String dir) throws IOException;

    /**
     * Removes what a write cut short by a kill left in {@code dir}; call it only when no write
     * into {@code dir} is in progress.
     *
     * @param dir a directory below the state directory
     * @return how many leftovers were removed
     * @throws IOException when the directory cannot be read
     */
    int removeInterruptedWrites(String dir) throws IOException;

    /**
     * @param root  the target root
     * @param facts its host facts: Windows gets {@link WindowsStateFiles}, everything else
     *              {@link PosixStateFiles}
     * @return the state files of that root
     */
    static StateFiles forHost(Path root, HostFacts facts) {
        return facts.isWindows() ? WindowsStateFiles.under(root) : PosixStateFiles.under(root);
    }
}
