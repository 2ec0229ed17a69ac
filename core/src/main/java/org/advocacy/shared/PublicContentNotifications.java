package org.advocacy.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the other instances that public content changed, through PostgreSQL's NOTIFY on
 * the {@value #CHANNEL} channel (payload: this instance's id, so that it ignores its
 * own). They hear it in {@link PublicContentNotificationListener}. The notice is sent
 * once per transaction, after the commit, on a pooled connection of its own: a
 * rolled-back edit tells no one.
 */
@Component
class PublicContentNotifications {

    static final String CHANNEL = "advocacy_public_content";

    private static final Logger log = LoggerFactory.getLogger(PublicContentNotifications.class);

    private final DataSource dataSource;

    private final String instanceId = UUID.randomUUID().toString();

    PublicContentNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    String instanceId() {
        return instanceId;
    }

    /**
     * Once the current transaction completes: runs {@code here} (whatever the outcome),
     * and tells the other instances if it committed. Without a transaction, does both at
     * once.
     */
    void afterCommit(Runnable here) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            here.run();
            sendNow();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(this)) {
            return; // already registered in this transaction
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(PublicContentNotifications.this);
                here.run();
                if (status == STATUS_COMMITTED) {
                    sendNow();
                }
            }
        });
    }

    /** Tells the other instances now (NOTIFY outside any transaction of the caller's). */
    void sendNow() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            notify.setString(1, CHANNEL);
            notify.setString(2, instanceId);
            notify.execute();
        }
        catch (SQLException e) {
            // The others then catch up within advocacy.cache.public-content-max-age (and
            // their response cache's max-stale).
            log.warn("Could not tell the other instances that public content changed: {}", e.getMessage());
        }
    }

}
