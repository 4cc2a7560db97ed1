package dev.scimbridge.setup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.scimbridge.session.ScimSession;
import dev.scimbridge.session.ScimSessionFormatException;
import dev.scimbridge.session.ScimSessionJson;
import dev.scimbridge.session.SessionCrypto;
import dev.scimbridge.session.SessionUnlockException;

/**
 * {@code scim-setup}: creates an account's provisioning credentials, a scimsession file and a bearer
 * token, offline. Runs with {@code java -jar target/scim-setup.jar}; no Liberty, no network.
 *
 * <pre>
 * java -jar scim-setup.jar --account-name "Acme" --manager-email provisioning@acme.example --out scimsession
 * java -jar scim-setup.jar --rotate --from scimsession --old-token-file old.token --out scimsession.new --token-out new.token
 * </pre>
 *
 * Files are written with owner-only permissions (0600) and never overwritten without {@code --force}.
 * Exit codes: 0 done, 1 could not complete (file exists, unreadable input, wrong old token), 2 usage.
 */
public final class ScimSetup {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    static final String HELP = """
            Usage:
              scim-setup --account-name NAME --manager-email EMAIL --out FILE [--token-out FILE] [--force]
              scim-setup --rotate --from OLD_SCIMSESSION --old-token-file FILE --out FILE [--token-out FILE] [--force]

            Creates the provisioning credentials of a SCIM Bridge account: a scimsession file (for the
            bridge, as a Kubernetes Secret or a file readable only by the bridge) and a bearer token (for
            the identity provider). The two are useless apart.

            Options:
              --account-name NAME     the account's display name (new credentials only)
              --manager-email EMAIL   contact email of the provision manager, the built-in user the
                                      identity provider acts as; shown only, never used to sign in
              --out FILE              where to write the scimsession (mode 0600)
              --token-out FILE        write the bearer token to FILE (mode 0600) instead of printing it
              --force                 overwrite --out and --token-out if they exist
              --rotate                make a new token and scimsession for the SAME account keys, so
                                      stored data stays readable; the old token stops working once the
                                      bridge runs with the new scimsession
              --from FILE             (--rotate) the current scimsession
              --old-token-file FILE   (--rotate) a file holding the current bearer token
              --help                  this text

            See docs/security.md for the scheme and the rotation procedure.
            """;

    private ScimSetup() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != OK) {
            System.exit(code);
        }
    }

    /** Runs the command; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, new SecureRandom());
    }

    static int run(String[] args, PrintStream out, PrintStream err, SecureRandom random) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (UsageException e) {
            err.println("scim-setup: " + e.getMessage() + " (see --help)");
            return USAGE;
        }
        if (o.help) {
            out.print(HELP);
            return OK;
        }
        try {
            SessionCrypto.Created created = o.rotate ? rotate(o, random) : create(o, random);
            Path outPath = Path.of(o.out);
            // Never a scimsession whose token was neither saved nor shown: check both places first, and take
            // the scimsession back if the token still cannot be written.
            requireWritable(outPath, "--out", o.force);
            if (o.tokenOut != null) {
                requireWritable(Path.of(o.tokenOut), "--token-out", o.force);
            }
            boolean outExisted = Files.exists(outPath, LinkOption.NOFOLLOW_LINKS);
            writeOwnerOnly(outPath, ScimSessionJson.write(created.session()), o.force);
            if (o.tokenOut != null) {
                try {
                    writeOwnerOnly(Path.of(o.tokenOut), created.token() + "\n", o.force);
                } catch (SetupException e) {
                    if (!outExisted) {
                        deleteQuietly(outPath);
                    }
                    throw e;
                }
            }
            report(out, o, created);
            return OK;
        } catch (SetupException e) {
            err.println("scim-setup: " + e.getMessage());
            return FAILED;
        }
    }

    private static SessionCrypto.Created create(Options o, SecureRandom random) {
        return SessionCrypto.createAccount(o.accountName, o.managerEmail, random);
    }

    private static SessionCrypto.Created rotate(Options o, SecureRandom random) throws SetupException {
        ScimSession old;
        try {
            old = ScimSessionJson.read(read(Path.of(o.from), "--from"));
        } catch (ScimSessionFormatException e) {
            throw new SetupException("--from " + o.from + " is not a usable scimsession: " + e.getMessage());
        }
        String oldToken = new String(read(Path.of(o.oldTokenFile), "--old-token-file"), StandardCharsets.US_ASCII).strip();
        try {
            return SessionCrypto.rotate(old, oldToken, random);
        } catch (SessionUnlockException e) {
            throw new SetupException(e.reason() == SessionUnlockException.Reason.WRONG_TOKEN
                    ? "the token in --old-token-file does not open --from " + o.from
                    : "--from " + o.from + " was altered: its credentials do not authenticate");
        }
    }

    /** {@code file} can be written: its directory exists and is writable, and it is new or {@code --force} was given. */
    private static void requireWritable(Path file, String flag, boolean force) throws SetupException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new SetupException(flag + " " + file + ": its directory does not exist");
        }
        if (!Files.isWritable(parent)) {
            throw new SetupException(flag + " " + file + ": its directory is not writable");
        }
        if (!force && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw exists(file);
        }
    }

    private static SetupException exists(Path file) {
        return new SetupException(file + " exists; use --force to overwrite it");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the error that made us delete it is the one to report
        }
    }

    private static byte[] read(Path path, String flag) throws SetupException {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new SetupException(flag + " " + path + ": no such file");
        } catch (IOException e) {
            throw new SetupException(flag + " " + path + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void report(PrintStream out, Options o, SessionCrypto.Created created) {
        ScimSession s = created.session();
        out.println((o.rotate ? "Rotated the credentials of account " : "Created account ")
                + "\"" + s.account().name() + "\" (id " + s.account().id() + ").");
        out.println("  scimsession: " + o.out + "  (mode 0600) -> give it to the bridge only, as the Helm chart's Secret:");
        String secret = "kubectl -n <namespace> create secret generic scim-bridge-session --from-file=scimsession=" + o.out;
        out.println("               " + (o.rotate ? secret + " --dry-run=client -o yaml | kubectl -n <namespace> apply -f -" : secret));
        if (o.tokenOut != null) {
            out.println("  bearer token: written to " + o.tokenOut + "  (mode 0600)");
        } else {
            out.println("  bearer token (shown once; it is not stored anywhere):");
            out.println();
            out.println("    " + created.token());
            out.println();
        }
        out.println("  -> paste the bearer token into your identity provider's provisioning settings (Secret Token),");
        out.println("     keep it in a password manager, and never store it next to the scimsession.");
        out.println("  The scimsession has format version " + s.version() + ", which bridges of this release and later read;");
        out.println("  one of an earlier release reads only version " + ScimSession.VERSION_WITHOUT_CHECK + ": upgrade the bridge before giving it this file.");
        if (o.rotate) {
            out.println("  Next: replace the Secret with the new scimsession, restart the bridge, then update the token in");
            out.println("  the identity provider. The old token stops working once the bridge runs with the new scimsession.");
        }
    }

    /** Writes {@code content} to {@code path} with mode 0600, atomically; refuses an existing file unless {@code force}. */
    static void writeOwnerOnly(Path path, String content, boolean force) throws SetupException {
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        if (!force && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw exists(path);
        }
        boolean posix = Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null;
        Path tmp = null;
        try {
            FileAttribute<?>[] attrs = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", attrs);
            Files.writeString(tmp, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            if (posix) {
                Files.setPosixFilePermissions(tmp, OWNER_ONLY);
            }
            if (force) {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // A hard link fails if the target appeared meanwhile: no silent overwrite race.
                try {
                    Files.createLink(target, tmp);
                    Files.delete(tmp);
                } catch (UnsupportedOperationException e) {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            tmp = null;
        } catch (FileAlreadyExistsException e) {
            throw exists(path); // appeared meanwhile
        } catch (AccessDeniedException e) {
            throw new SetupException(path + ": permission denied");
        } catch (NoSuchFileException e) {
            throw new SetupException(path + ": the directory does not exist");
        } catch (IOException e) {
            throw new SetupException(path + ": cannot be written (" + e.getClass().getSimpleName() + ")");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /** A failure the user can act on; the message is one line. */
    static final class SetupException extends Exception {
        private static final long serialVersionUID = 1L;

        SetupException(String message) {
            super(message, null, false, false);
        }
    }

    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** The parsed command line. */
    static final class Options {
        boolean help;
        boolean rotate;
        boolean force;
        String accountName;
        String managerEmail;
        String out;
        String tokenOut;
        String from;
        String oldTokenFile;

        static Options parse(String[] args) throws UsageException {
            Options o = new Options();
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                switch (arg) {
                    case "--help", "-h" -> o.help = true;
                    case "--rotate" -> o.rotate = flag(arg, value);
                    case "--force" -> o.force = flag(arg, value);
                    case "--account-name", "--manager-email", "--out", "--token-out", "--from", "--old-token-file" -> {
                        if (value == null) {
                            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                                throw new UsageException(arg + " needs a value");
                            }
                            value = args[++i];
                        }
                        if (values.put(arg, value) != null) {
                            throw new UsageException(arg + " given twice");
                        }
                    }
                    default -> throw new UsageException("unknown option " + (arg.startsWith("-") ? arg : "argument \"" + arg + "\""));
                }
            }
            if (o.help) {
                return o;
            }
            o.accountName = values.get("--account-name");
            o.managerEmail = values.get("--manager-email");
            o.out = values.get("--out");
            o.tokenOut = values.get("--token-out");
            o.from = values.get("--from");
            o.oldTokenFile = values.get("--old-token-file");
            if (o.out == null || o.out.isBlank()) {
                throw new UsageException("--out is required");
            }
            if (o.tokenOut != null && samePath(o.tokenOut, o.out)) {
                throw new UsageException("--token-out must differ from --out: keep the token and the scimsession apart");
            }
            if (o.rotate) {
                if (o.accountName != null || o.managerEmail != null) {
                    throw new UsageException("--rotate keeps the account and manager of --from; drop --account-name and --manager-email");
                }
                if (o.from == null || o.oldTokenFile == null) {
                    throw new UsageException("--rotate needs --from and --old-token-file");
                }
                // The current scimsession is the only copy of the account keys until the new pair is in use.
                if (samePath(o.out, o.from) || (o.tokenOut != null && samePath(o.tokenOut, o.from))) {
                    throw new UsageException("--rotate writes next to --from, never over it: replace it only once the bridge runs with the new scimsession");
                }
            } else {
                if (o.from != null || o.oldTokenFile != null) {
                    throw new UsageException("--from and --old-token-file go with --rotate");
                }
                if (o.accountName == null || o.accountName.isBlank()) {
                    throw new UsageException("--account-name is required and must not be empty");
                }
                if (o.managerEmail == null || o.managerEmail.isBlank()) {
                    throw new UsageException("--manager-email is required and must not be empty");
                }
                if (!o.managerEmail.strip().matches("[^@\\s]+@[^@\\s]+")) {
                    throw new UsageException("--manager-email must look like name@domain");
                }
                o.accountName = o.accountName.strip();
                o.managerEmail = o.managerEmail.strip();
            }
            return o;
        }

        /** The same file: by name once normalised, or, when both exist, by the file system (case-insensitive ones too). */
        private static boolean samePath(String a, String b) {
            Path pa = Path.of(a).toAbsolutePath().normalize();
            Path pb = Path.of(b).toAbsolutePath().normalize();
            try {
                return pa.equals(pb) || (Files.exists(pa) && Files.exists(pb) && Files.isSameFile(pa, pb));
            } catch (IOException e) {
                return false;
            }
        }

        private static boolean flag(String name, String value) throws UsageException {
            if (value != null) {
                throw new UsageException(name + " takes no value");
            }
            return true;
        }
    }
}
