package org.advocacy.shared;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * JPA entity listener for entities shown on public pages. It moves {@link PublicContentVersion}
 * when the change is flushed and again after the commit, so a page read between the two cannot
 * stay cached with the old content.
 */
@Component
public class PublicContentListener {

    private final PublicContentVersion version;

    PublicContentListener(PublicContentVersion version) {
        this.version = version;
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        version.changed();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    version.changed();
                }
            });
        }
    }
}
