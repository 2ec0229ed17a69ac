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
 * if missing.
 */
public final class PostgresTestDatabase {

    public record Connection(String url, String username, String password) {
    }

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/advocacy_test";

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
        String url = env("TEST_DATABASE_URL", DEFAULT_URL);
        String username = env("TEST_DATABASE_USERNAME", "postgres");
        String password = env("TEST_DATABASE_PASSWORD", "postgres");
        createDatabaseIfMissing(url, username, password);
        return new Connection(url, username, password);
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
