package org.advocacy.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.advocacy.shared.DatabaseCreator;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL every test runs against: a Testcontainers PostgreSQL 17 when a Docker
 * engine is available, otherwise the server named by TEST_DATABASE_URL (default
 * jdbc:postgresql://127.0.0.1:5432/advocacy_test as postgres), whose database is created
 * if missing. A module whose tests run in several JVMs at once (surefire forkCount above
 * one) gives each JVM after the first a database of its own, named with the fork number
 * (advocacy_test_fork2), because the tests clean the tables they share.
 */
public final class PostgresTestDatabase {

    public record Connection(String url, String username, String password) {
    }

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/advocacy_test";

    /** "fork" and surefire's fork number (from 1), set in the root POM. */
    private static final String FORK_PROPERTY = "advocacy.test.fork";

    private static volatile Connection connection;

    private PostgresTestDatabase() {
    }

    public static Connection connection() {
        Connection current = connection;
        if (current == null) {
            synchronized (PostgresTestDatabase.class) {
                current = connection;
                if (current == null) {
                    current = dockerAvailable() ? startContainer() : existingServer();
                    connection = current;
                }
            }
        }
        return current;
    }

    private static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("TESTCONTAINERS_ENABLED"))) {
            return false;
        }
        // Probing without any engine only produces noisy errors in the log.
        boolean engineConfigured = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        return engineConfigured && DockerClientFactory.instance().isDockerAvailable();
    }

    @SuppressWarnings("resource") // Lives for the whole test JVM; Ryuk removes it.
    private static Connection startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static Connection existingServer() {
        String url = forkDatabase(env("TEST_DATABASE_URL", DEFAULT_URL),
                System.getProperty(FORK_PROPERTY, "fork1").replaceFirst("^fork", ""));
        String username = env("TEST_DATABASE_USERNAME", "postgres");
        String password = env("TEST_DATABASE_PASSWORD", "postgres");
        createDatabaseIfMissing(url, username, password);
        return new Connection(url, username, password);
    }

    /**
     * The URL with "_fork" and the fork number after the database name, from fork 2 on.
     */
    static String forkDatabase(String url, String forkNumber) {
        if (forkNumber.isBlank() || forkNumber.equals("1") || !forkNumber.chars().allMatch(Character::isDigit)) {
            return url;
        }
        int query = url.indexOf('?');
        int end = query < 0 ? url.length() : query;
        return url.substring(0, end) + "_fork" + forkNumber + url.substring(end);
    }

    private static void createDatabaseIfMissing(String url, String username, String password) {
        DatabaseCreator.createIfMissing(url, username, password);
        try (java.sql.Connection ignored = DriverManager.getConnection(url, username, password)) {
            // Reachable, and the database exists.
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the test database at " + url + ": " + e.getMessage()
                    + ". Start PostgreSQL or set TEST_DATABASE_URL.", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

}
