package org.advocacy.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears the other instances' {@link PublicContentNotifications} and moves the public
 * content version here. LISTEN needs a connection of its own for as long as the instance
 * runs, so it is opened with the pool's settings but outside the pool, checked every few
 * seconds, and opened again after a database restart; the version then moves once, for
 * whatever changed while nobody was listening.
 */
@Component
class PublicContentNotificationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicContentNotificationListener.class);

    private static final int WAIT_MILLIS = 500;

    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);

    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

    private final HikariDataSource pool;

    private final PublicContentVersion version;

    private final String instanceId;

    private volatile boolean running;

    private volatile boolean listening;

    private @Nullable Thread thread;

    PublicContentNotificationListener(DataSource dataSource, PublicContentVersion version,
            PublicContentNotifications notifications) throws SQLException {
        this.pool = dataSource.unwrap(HikariDataSource.class);
        this.version = version;
        this.instanceId = notifications.instanceId();
    }

    /** Whether the listening connection is open (for tests and health). */
    boolean listening() {
        return listening;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("public-content-listener").start(this::listenUntilStopped);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenUntilStopped() {
        boolean wasListening = false;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + PublicContentNotifications.CHANNEL);
                }
                listening = true;
                if (wasListening) {
                    log.info("Listening for public content changes again");
                    version.movedHere(); // changes made while the connection was down
                                         // were not heard
                }
                wasListening = true;
                receive(connection);
            }
            catch (SQLException e) {
                if (running) {
                    log.warn("Not listening for public content changes ({}); trying again in {}", e.getMessage(),
                            RECONNECT_AFTER);
                }
            }
            listening = false;
            if (running) {
                try {
                    Thread.sleep(RECONNECT_AFTER);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
            boolean moved = false;
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    moved |= !instanceId.equals(notification.getParameter());
                }
            }
            if (moved) {
                version.movedHere();
            }
            if (System.nanoTime() - nextCheck > 0) {
                // A connection silently dropped on the way would otherwise just stay
                // quiet.
                try (Statement check = connection.createStatement()) {
                    check.execute("select 1");
                }
                nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", "advocacy public content listener");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }

}
