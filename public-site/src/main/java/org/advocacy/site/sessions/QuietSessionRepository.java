package org.advocacy.site.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Spring Session's repository, except that a request which only read its session writes
 * nothing back. Spring Session saves every session it loaded at the end of the request,
 * because each request moves the last access time; on the public site that is a
 * transaction and an update per page view and per action post. Here a session is saved
 * when it is new, when an attribute, its id or its timeout changed, or when its stored
 * last access time is a minute old or more (so a session may expire up to a minute early,
 * as the database statement in {@link PublicSessionConfiguration} already allows).
 */
final class QuietSessionRepository implements SessionRepository<QuietSessionRepository.QuietSession> {

    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final SessionRepository<Session> sessions;

    @SuppressWarnings("unchecked")
    QuietSessionRepository(SessionRepository<? extends Session> sessions) {
        // The delegate's session type is package-private in Spring Session; it only ever
        // gets back the sessions it made.
        this.sessions = (SessionRepository<Session>) sessions;
    }

    @Override
    public QuietSession createSession() {
        return new QuietSession(this.sessions.createSession(), null);
    }

    @Override
    public void save(QuietSession session) {
        if (session.needsSaving()) {
            this.sessions.save(session.delegate);
            session.saved();
        }
    }

    @Override
    public @Nullable QuietSession findById(String id) {
        Session stored = this.sessions.findById(id);
        return (stored != null) ? new QuietSession(stored, stored.getLastAccessedTime()) : null;
    }

    @Override
    public void deleteById(String id) {
        this.sessions.deleteById(id);
    }

    /** A session that remembers whether anything worth storing changed. */
    static final class QuietSession implements Session {

        private final Session delegate;

        /** The last access time as stored; null while the session is not stored yet. */
        private @Nullable Instant storedLastAccess;

        private boolean changed;

        QuietSession(Session delegate, @Nullable Instant storedLastAccess) {
            this.delegate = delegate;
            this.storedLastAccess = storedLastAccess;
        }

        boolean needsSaving() {
            return this.changed || this.storedLastAccess == null
                    || Duration.between(this.storedLastAccess, this.delegate.getLastAccessedTime())
                        .compareTo(TOUCH_INTERVAL) >= 0;
        }

        void saved() {
            this.changed = false;
            this.storedLastAccess = this.delegate.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return this.delegate.getId();
        }

        @Override
        public String changeSessionId() {
            this.changed = true;
            return this.delegate.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String attributeName) {
            return this.delegate.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return this.delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, @Nullable Object attributeValue) {
            this.changed = true;
            this.delegate.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            this.changed = true;
            this.delegate.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return this.delegate.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            this.delegate.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return this.delegate.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            this.changed = true;
            this.delegate.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return this.delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return this.delegate.isExpired();
        }

    }

}
