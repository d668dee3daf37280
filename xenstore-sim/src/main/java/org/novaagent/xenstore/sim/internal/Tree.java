/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.sim.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The XenStore tree: nodes with a byte value and ordered children, addressed by absolute paths.
 * Every node has a generation (as in xenstored) that changes whenever its value or its list of
 * children changes, so a client reading a listing in chunks (DIRECTORY_PART) can detect changes.
 * Not thread-safe: the {@link Engine} guards it with its lock.
 */
public final class Tree {

    private static final class Node {
        byte[] value = new byte[0];
        long generation;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node copy() {
            Node n = new Node();
            n.value = value;
            n.generation = generation;
            children.forEach((k, v) -> n.children.put(k, v.copy()));
            return n;
        }
    }

    private Node root = new Node();
    private long generations;

    /** @return a deep copy (for transactions) */
    public Tree copy() {
        Tree t = new Tree();
        t.root = root.copy();
        t.generations = generations;
        return t;
    }

    /** Removes everything. */
    public void clear() {
        root = new Node();
        root.generation = ++generations;
    }

    /** @return the node's generation, or -1 when it does not exist */
    public long generation(String path) {
        Node n = find(path);
        return n == null ? -1 : n.generation;
    }

    /** @return the value, or null when the node does not exist */
    public byte[] read(String path) {
        Node n = find(path);
        return n == null ? null : n.value;
    }

    /** @return child names in insertion order, or null when the node does not exist */
    public List<String> children(String path) {
        Node n = find(path);
        return n == null ? null : new ArrayList<>(n.children.keySet());
    }

    /** Sets a value, creating missing parents with empty values. */
    public void write(String path, byte[] value) {
        Node n = create(path);
        n.value = value;
        n.generation = ++generations;
    }

    /** Creates a node (and parents) with an empty value if it does not exist. */
    public void mkdir(String path) {
        create(path);
    }

    /** @return false when the node did not exist */
    public boolean rm(String path) {
        if ("/".equals(path)) {
            root.children.clear();
            root.generation = ++generations;
            return true;
        }
        int slash = path.lastIndexOf('/');
        Node parent = find(slash == 0 ? "/" : path.substring(0, slash));
        if (parent == null || parent.children.remove(path.substring(slash + 1)) == null) {
            return false;
        }
        parent.generation = ++generations;
        return true;
    }

    private Node find(String path) {
        Node n = root;
        for (String part : parts(path)) {
            n = n.children.get(part);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    private Node create(String path) {
        Node n = root;
        for (String part : parts(path)) {
            Node child = n.children.get(part);
            if (child == null) {
                child = new Node();
                child.generation = ++generations;
                n.children.put(part, child);
                n.generation = ++generations;
            }
            n = child;
        }
        return n;
    }

    private static List<String> parts(String path) {
        List<String> out = new ArrayList<>();
        for (String p : path.split("/")) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }
}
