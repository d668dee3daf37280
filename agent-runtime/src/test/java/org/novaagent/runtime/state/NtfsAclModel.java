/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.novaagent.runtime.trust.WindowsAclTrustRule;

/**
 * NTFS ACLs as Linux cannot show them: an in-memory model over a real directory tree. A path with
 * its own security descriptor (set through {@link AclFileAttributeView#setAcl}, which like the
 * JDK's {@code SetFileSecurityW} replaces the whole DACL) keeps it; any other path gets what its
 * nearest such ancestor hands down, as Windows computes it at creation: entries with
 * {@code DIRECTORY_INHERIT} reach directories, {@code FILE_INHERIT} files, {@code INHERIT_ONLY} is
 * dropped on the child unless the entry only passes through, and {@code CREATOR OWNER} becomes the
 * creator. Principals carry the names the JDK's Windows provider gives them ({@code domain\name}).
 * A path's own DACL is never merged with what its parent hands down later (as if it were protected;
 * the agent marks it so through SetNamedSecurityInfoW, recorded in {@link #protectedDirectories}).
 */
public final class NtfsAclModel {

    /** A principal as the JDK names it. */
    public record Principal(String getName) implements GroupPrincipal {
    }

    public static final Set<AclEntryPermission> FULL = EnumSet.allOf(AclEntryPermission.class);
    public static final Set<AclEntryPermission> READ_EXECUTE = EnumSet.of(AclEntryPermission.READ_DATA,
            AclEntryPermission.READ_NAMED_ATTRS, AclEntryPermission.READ_ATTRIBUTES, AclEntryPermission.READ_ACL,
            AclEntryPermission.EXECUTE, AclEntryPermission.SYNCHRONIZE);
    /** {@code icacls}' {@code (WD,AD,WEA,WA)}: create files, create folders, write (extended) attributes. */
    public static final Set<AclEntryPermission> ADD_FILES_AND_FOLDERS = EnumSet.of(AclEntryPermission.WRITE_DATA,
            AclEntryPermission.APPEND_DATA, AclEntryPermission.WRITE_NAMED_ATTRS, AclEntryPermission.WRITE_ATTRIBUTES);

    /** Names an English Windows Server gives. */
    public static final String SYSTEM = "NT AUTHORITY\\SYSTEM";
    /** {@code BUILTIN\Administrators}. */
    public static final String ADMINS = "BUILTIN\\Administrators";
    /** {@code BUILTIN\Users}. */
    public static final String USERS = "BUILTIN\\Users";
    /** What LookupAccountSidW answers there for the well-known SIDs. */
    public static final Map<String, String> ENGLISH = Map.of("S-1-5-18", SYSTEM, "S-1-5-32-544", ADMINS,
            "S-1-5-32-545", USERS, "S-1-5-32-546", "BUILTIN\\Guests", "S-1-1-0", "\\Everyone", "S-1-5-11",
            "NT AUTHORITY\\Authenticated Users", "S-1-5-4", "NT AUTHORITY\\INTERACTIVE",
            "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464", "NT SERVICE\\TrustedInstaller");

    private record Descriptor(UserPrincipal owner, List<AclEntry> acl) {
    }

    private final Map<Path, Descriptor> own = new HashMap<>();
    private final List<Path> protectedDirs = new ArrayList<>();
    private final Set<String> accounts;
    private final String creator;
    private final String users;

    /**
     * @param accounts the account names LookupAccountName knows on this Windows
     * @param creator  who creates new files (the service's account)
     * @param users    the name of BUILTIN\Users in this display language
     */
    public NtfsAclModel(Set<String> accounts, String creator, String users) {
        this.accounts = accounts;
        this.creator = creator;
        this.users = users;
    }

    /**
     * {@code C:\ProgramData} as a fresh Windows Server has it ({@code icacls C:\ProgramData}): SYSTEM
     * and Administrators full, CREATOR OWNER full on what it creates, Users read and execute, and
     * Users may create files and folders in every folder below (the reason the agent sets its own DACL).
     */
    public void programData(Path dir, String system, String administrators) {
        own.put(dir, new Descriptor(new Principal(system), List.of(
                entry(system, FULL, AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT),
                entry(administrators, FULL, AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT),
                entry("\\CREATOR OWNER", FULL, AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT,
                        AclEntryFlag.INHERIT_ONLY),
                entry(users, READ_EXECUTE, AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT),
                entry(users, ADD_FILES_AND_FOLDERS, AclEntryFlag.DIRECTORY_INHERIT))));
    }

    /**
     * @param root a Windows-shaped root; its {@code ProgramData} is created
     * @return an English Windows Server whose ProgramData has its fresh-install ACL, files made by SYSTEM
     */
    public static NtfsAclModel englishServer(Path root) throws IOException {
        NtfsAclModel m = new NtfsAclModel(Set.copyOf(ENGLISH.values()), SYSTEM, USERS);
        m.programData(Files.createDirectories(root.resolve("ProgramData")), SYSTEM, ADMINS);
        return m;
    }

    /**
     * @param names names the well-known SIDs (a map, or the LookupAccountSidW binding over the stand-in)
     * @return the state directory's ACL guard over this model
     */
    public AclStateGuard guard(WindowsAclTrustRule.AccountNames names) {
        return guard(names, (dir, sids) -> protectedDirs.add(dir));
    }

    /**
     * @param names     as for {@link #guard(WindowsAclTrustRule.AccountNames)}
     * @param protector marks a DACL protected (the SetNamedSecurityInfoW stand-in)
     * @return the guard
     */
    public AclStateGuard guard(WindowsAclTrustRule.AccountNames names, AclStateGuard.Protector protector) {
        return new AclStateGuard(WindowsAclTrustRule.privateToAdministrators(this::view, names), this::view, lookup(),
                false, protector);
    }

    /** @return the directories whose DACL the agent marked protected (through the default guard) */
    public List<Path> protectedDirectories() {
        return List.copyOf(protectedDirs);
    }

    public static AclEntry entry(String who, Set<AclEntryPermission> perms, AclEntryFlag... flags) {
        return AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(new Principal(who))
                .setPermissions(perms).setFlags(flags).build();
    }

    /** Adds an explicit entry to a path's DACL (what {@code icacls dir /grant} does). */
    public void grant(Path p, AclEntry e) throws IOException {
        AclFileAttributeView v = view(p);
        List<AclEntry> acl = new ArrayList<>(v.getAcl());
        acl.add(e);
        own.put(p, new Descriptor(v.getOwner(), acl));
    }

    /** @return the view of {@code p}, or null when nothing is there (as the JDK's view fails then) */
    public AclFileAttributeView view(Path p) {
        return new AclFileAttributeView() {
            @Override public String name() { return "acl"; }
            @Override public UserPrincipal getOwner() { return descriptor(p).owner(); }
            @Override public void setOwner(UserPrincipal o) { own.put(p, new Descriptor(o, descriptor(p).acl())); }
            @Override public List<AclEntry> getAcl() { return descriptor(p).acl(); }
            @Override public void setAcl(List<AclEntry> acl) throws IOException {
                if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw new java.nio.file.NoSuchFileException(p.toString());
                }
                own.put(p, new Descriptor(descriptor(p).owner(), List.copyOf(acl)));
            }
        };
    }

    /** @return finds principals by the names this Windows knows, as LookupAccountNameW does */
    public UserPrincipalLookupService lookup() {
        return new UserPrincipalLookupService() {
            @Override
            public UserPrincipal lookupPrincipalByName(String name) throws IOException {
                if (!accounts.contains(name)) {
                    throw new UserPrincipalNotFoundException(name);
                }
                return new Principal(name);
            }

            @Override
            public GroupPrincipal lookupPrincipalByGroupName(String group) throws IOException {
                return (GroupPrincipal) lookupPrincipalByName(group);
            }
        };
    }

    private Descriptor descriptor(Path p) {
        Descriptor d = own.get(p);
        if (d != null) {
            return d;
        }
        Path parent = p.getParent();
        if (parent == null) {
            return new Descriptor(new Principal(creator), List.of());
        }
        boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        List<AclEntry> inherited = new ArrayList<>();
        for (AclEntry e : descriptor(parent).acl()) {
            if (!e.flags().contains(dir ? AclEntryFlag.DIRECTORY_INHERIT : AclEntryFlag.FILE_INHERIT)) {
                continue;
            }
            Set<AclEntryFlag> flags = EnumSet.noneOf(AclEntryFlag.class);
            flags.addAll(e.flags());
            flags.remove(AclEntryFlag.INHERIT_ONLY);
            if (!dir) {
                flags.clear();
            }
            if (e.principal().getName().equals("\\CREATOR OWNER")) {
                inherited.add(AclEntry.newBuilder(e).setPrincipal(new Principal(creator)).setFlags().build());
                if (dir) {
                    inherited.add(e); // passes on, inherit-only, to what is created below
                }
                continue;
            }
            inherited.add(AclEntry.newBuilder(e).setFlags(flags).build());
        }
        return new Descriptor(new Principal(creator), inherited);
    }
}
