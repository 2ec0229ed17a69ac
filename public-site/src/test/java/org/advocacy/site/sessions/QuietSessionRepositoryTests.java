package org.advocacy.site.sessions;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

class QuietSessionRepositoryTests {

    private final MapSessionRepository stored = new MapSessionRepository(new ConcurrentHashMap<>());

    private final QuietSessionRepository sessions = new QuietSessionRepository(this.stored);

    private final Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void aNewSessionIsStoredEvenWithoutAttributes() {
        String id = newSession();

        assertThat(this.stored.findById(id)).isNotNull();
    }

    @Test
    void aRequestThatOnlyReadsItsSessionWritesNothingBack() {
        String id = newSessionWith("supporter", 42L);

        QuietSessionRepository.QuietSession session = this.sessions.findById(id);
        assertThat((Long) session.getAttribute("supporter")).isEqualTo(42L);
        session.setLastAccessedTime(this.start.plusSeconds(30));
        this.sessions.save(session);

        assertThat(this.stored.findById(id).getLastAccessedTime()).isEqualTo(this.start);
    }

    @Test
    void aChangedAttributeIsStoredWithTheNewAccessTime() {
        String id = newSessionWith("supporter", 42L);

        QuietSessionRepository.QuietSession session = this.sessions.findById(id);
        session.setLastAccessedTime(this.start.plusSeconds(30));
        session.setAttribute("seat", "VT-0");
        this.sessions.save(session);

        MapSession saved = this.stored.findById(id);
        assertThat((String) saved.getAttribute("seat")).isEqualTo("VT-0");
        assertThat(saved.getLastAccessedTime()).isEqualTo(this.start.plusSeconds(30));
    }

    @Test
    void aRemovedAttributeAndANewIdAreStored() {
        String id = newSessionWith("supporter", 42L);

        QuietSessionRepository.QuietSession session = this.sessions.findById(id);
        session.removeAttribute("supporter");
        String newId = session.changeSessionId();
        this.sessions.save(session);

        assertThat(this.stored.findById(id)).isNull();
        assertThat((Long) this.stored.findById(newId).getAttribute("supporter")).isNull();
    }

    @Test
    void theAccessTimeIsStoredOnceItIsAMinuteOld() {
        String id = newSessionWith("supporter", 42L);

        QuietSessionRepository.QuietSession session = this.sessions.findById(id);
        session.setLastAccessedTime(this.start.plus(QuietSessionRepository.TOUCH_INTERVAL));
        this.sessions.save(session);

        assertThat(this.stored.findById(id).getLastAccessedTime())
            .isEqualTo(this.start.plus(QuietSessionRepository.TOUCH_INTERVAL));
    }

    @Test
    void aNewTimeoutIsStored() {
        String id = newSessionWith("supporter", 42L);

        QuietSessionRepository.QuietSession session = this.sessions.findById(id);
        session.setMaxInactiveInterval(Duration.ofMinutes(5));
        this.sessions.save(session);

        assertThat(this.stored.findById(id).getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(5));
    }

    private String newSession() {
        QuietSessionRepository.QuietSession session = this.sessions.createSession();
        session.setLastAccessedTime(this.start);
        this.sessions.save(session);
        return session.getId();
    }

    private String newSessionWith(String name, Object value) {
        QuietSessionRepository.QuietSession session = this.sessions.createSession();
        session.setLastAccessedTime(this.start);
        session.setAttribute(name, value);
        this.sessions.save(session);
        return session.getId();
    }

}
