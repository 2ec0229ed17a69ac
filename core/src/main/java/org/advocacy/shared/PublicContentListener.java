package org.advocacy.shared;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.springframework.stereotype.Component;

/**
 * JPA entity listener for entities shown on public pages. It moves
 * {@link PublicContentVersion} when the change is flushed and again after the commit, so
 * a page read between the two cannot stay cached with the old content; after the commit
 * the other instances move theirs too.
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
        version.changing();
    }

}
