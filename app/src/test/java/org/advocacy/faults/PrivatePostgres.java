package org.advocacy.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own, so that a fault test can stop and start it:
 * created with initdb in a temporary directory, on a free port of 127.0.0.1, trust
 * authentication, removed at the end. The machine's shared server is never touched.
 * PostgreSQL refuses to run as root, so as root (a CI machine) its programs run as the
 * {@code postgres} user through {@code runuser}. The binaries are taken from
 * {@code PG_BIN} or the newest {@code /usr/lib/postgresql/<version>/bin} (the Debian
 * packages).
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;

    private final Path directory;

    private final Path data;

    private final int port;

    private final boolean root;

    private PrivatePostgres(Path bin, Path directory, int port, boolean root) {
        this.bin = bin;
        this.directory = directory;
        this.data = directory.resolve("data");
        this.port = port;
        this.root = root;
    }

    /** Creates and starts a cluster with one database, {@code advocacy}. */
    static PrivatePostgres start() throws IOException, InterruptedException {
        Path bin = binaries();
        boolean root = "0".equals(output(List.of("id", "-u")).strip());
        Path directory = Files.createTempDirectory("advocacy-faults-pg");
        if (root) {
            Files.setOwner(directory,
                    directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
        }
        PrivatePostgres postgres = new PrivatePostgres(bin, directory, freePort(), root);
        postgres.run(List.of(bin.resolve("initdb").toString(), "-D", postgres.data.toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"));
        postgres.startServer();
        postgres.run(List.of(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", String.valueOf(postgres.port),
                "-U", "postgres", "-d", "postgres", "-X", "-q", "-c", "create database advocacy"));
        return postgres;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/advocacy";
    }

    /** Starts the server and returns once it accepts connections. */
    void startServer() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                directory.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1", "start"));
    }

    /**
     * Stops the server the way a restart does: every session is terminated, then the
     * server exits.
     */
    void stopServer() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
            }
        }
        finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).directory(directory.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed:\n" + out);
        }
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private static Path binaries() throws IOException {
        String configured = System.getenv("PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                .filter(candidate -> Files.isExecutable(candidate.resolve("pg_ctl")))
                .max(Comparator
                    .comparingInt(candidate -> Integer.parseInt(candidate.getParent().getFileName().toString())))
                .orElseThrow(
                        () -> new IllegalStateException("No PostgreSQL binaries in /usr/lib/postgresql; set PG_BIN"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
