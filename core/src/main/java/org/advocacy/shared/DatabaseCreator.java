package org.advocacy.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Creates the configured PostgreSQL database when it does not exist yet and the server
 * lets us, so that the run command works against a stock local PostgreSQL. Runs before
 * Flyway touches the data source.
 */
public class DatabaseCreator implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCreator.class);

    private static final Pattern POSTGRES_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?$");

    private static final String INVALID_CATALOG_NAME = "3D000";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            createIfMissing(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        return bean;
    }

    /**
     * Creates the database named in a PostgreSQL JDBC URL when it is missing; the test
     * support uses it too.
     */
    public static void createIfMissing(String url, String username, String password) {
        Matcher matcher = POSTGRES_URL.matcher(url);
        if (!matcher.matches()) {
            return;
        }
        Properties credentials = credentials(username, password);
        try (Connection ignored = DriverManager.getConnection(url, credentials)) {
            return;
        }
        catch (SQLException e) {
            if (!INVALID_CATALOG_NAME.equals(e.getSQLState())) {
                return; // The data source reports unreachable servers and bad credentials
                        // itself.
            }
        }
        String database = matcher.group(2);
        String maintenanceUrl = matcher.group(1) + "postgres" + (matcher.group(3) == null ? "" : matcher.group(3));
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, credentials);
                var statement = connection.createStatement()) {
            statement.execute("create database \"" + database + "\"");
            log.info("Created database {}", database);
        }
        catch (SQLException e) {
            log.warn("Database {} does not exist and could not be created: {}", database, e.getMessage());
        }
    }

    private static Properties credentials(String username, String password) {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

}
