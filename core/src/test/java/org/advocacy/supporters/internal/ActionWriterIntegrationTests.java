package org.advocacy.supporters.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;

import org.advocacy.supporters.ActionOutcome;
import org.advocacy.supporters.ActionType;
import org.advocacy.supporters.DeliveryMethod;
import org.advocacy.supporters.NewAction;
import org.advocacy.supporters.SupporterService;
import org.advocacy.testsupport.ConsoleTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of action posts against PostgreSQL: every post is answered only once its
 * row is committed, one bad row fails only its own post, and closing drains the queue.
 */
@SpringBootTest
class ActionWriterIntegrationTests {

    @Autowired
    SupporterService supporters;

    @Autowired
    ActionWriter contextWriter;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EntityManager entityManager;

    long campaignId;

    long supporterId;

    @BeforeEach
    void setUp() {
        ConsoleTestData data = new ConsoleTestData(jdbc, transaction, entityManager);
        data.insertLegislators();
        campaignId = data.testCampaignId();
        supporterId = data.supporter("Group " + UUID.randomUUID(), "AL", 4);
    }

    @Test
    void concurrentPostsAreEachAnsweredOnlyOnceTheirRowIsCommitted() throws Exception {
        String prefix = "group:" + UUID.randomUUID() + ":";
        List<Callable<Boolean>> posts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String key = prefix + i;
            posts.add(() -> {
                int recorded = supporters.recordActions(List.of(call(key, campaignId)), true);
                // Another connection, outside any transaction: visible means committed.
                return recorded == 1 && countKey(key) == 1;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (Future<Boolean> answer : pool.invokeAll(posts)) {
                assertThat(answer.get()).isTrue();
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from supporter_action where idempotency_key like ?",
                Integer.class, prefix + "%"))
            .isEqualTo(400);
        assertThat(jdbc.queryForObject("select state || '-' || district from supporter where id = ?", String.class,
                supporterId))
            .isEqualTo("VT-0");
        // A repeated submission records nothing, grouped or not.
        assertThat(supporters.recordActions(List.of(call(prefix + 7, campaignId)), false)).isZero();
    }

    @Test
    void aBadRowInAGroupFailsOnlyItsOwnPost() throws Exception {
        String prefix = "bad:" + UUID.randomUUID() + ":";
        try (Blocker blocker = new Blocker(prefix + "held"); ExecutorService pool = Executors.newFixedThreadPool(8)) {
            // The writer waits on the held key, so that the posts after it form one
            // group.
            Future<Integer> held = pool
                .submit(() -> supporters.recordActions(List.of(call(prefix + "held", campaignId)), false));
            await().until(() -> blocker.waiting() > 0);
            List<Future<Integer>> good = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String key = prefix + i;
                good.add(pool.submit(() -> supporters.recordActions(List.of(call(key, campaignId)), false)));
            }
            // No such campaign: a foreign key violation.
            Future<Integer> bad = pool.submit(() -> supporters.recordActions(List.of(call(prefix + "bad", -1)), false));
            await().until(() -> contextWriter.pending() == 6);
            blocker.release();

            assertThat(held.get()).isEqualTo(1);
            for (Future<Integer> post : good) {
                assertThat(post.get()).isEqualTo(1);
            }
            assertThatThrownBy(bad::get).hasCauseInstanceOf(DataIntegrityViolationException.class);
        }
        assertThat(countKey(prefix + "bad")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from supporter_action where idempotency_key like ?",
                Integer.class, prefix + "%"))
            .isEqualTo(6);
    }

    @Test
    void closingAnswersEveryQueuedPostAfterWritingIt() throws Exception {
        String prefix = "drain:" + UUID.randomUUID() + ":";
        ActionWriter writer = new ActionWriter(dataSource);
        List<Future<Integer>> posts = new ArrayList<>();
        try (Blocker blocker = new Blocker(prefix + "held"); ExecutorService pool = Executors.newFixedThreadPool(12)) {
            posts.add(pool.submit(() -> writer.write(List.of(call(prefix + "held", campaignId)), false)));
            await().until(() -> blocker.waiting() > 0);
            for (int i = 0; i < 10; i++) {
                String key = prefix + i;
                posts.add(pool.submit(() -> writer.write(List.of(call(key, campaignId)), false)));
            }
            await().until(() -> writer.pending() == 10);
            Future<?> closing = pool.submit(() -> {
                writer.destroy();
                return null;
            });
            blocker.release();
            closing.get();
            // Each post was answered before the writer stopped; its own thread may take a
            // moment more to return, so the answer is awaited briefly, not checked at
            // once.
            for (Future<Integer> post : posts) {
                assertThat(post.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from supporter_action where idempotency_key like ?",
                Integer.class, prefix + "%"))
            .isEqualTo(11);
        // After closing, a post writes on its own thread.
        assertThat(writer.write(List.of(call(prefix + "late", campaignId)), false)).isEqualTo(1);
        assertThat(countKey(prefix + "late")).isOne();
    }

    private NewAction call(String key, long campaign) {
        return new NewAction(supporterId, campaign, ActionType.CALL, ConsoleTestData.ADERHOLT, DeliveryMethod.PHONE,
                ActionOutcome.VOICEMAIL, "VT", 0, key);
    }

    private int countKey(String key) {
        Integer count = jdbc.queryForObject("select count(*) from supporter_action where idempotency_key = ?",
                Integer.class, key);
        return count == null ? 0 : count;
    }

    /**
     * Holds an uncommitted row with the given key on a connection of its own: an insert
     * of the same key waits until it is released (rolled back).
     */
    private final class Blocker implements AutoCloseable {

        private final Connection connection;

        Blocker(String key) throws Exception {
            this.connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into supporter_action (campaign_id, action_type, idempotency_key)
                    values (?, 'CALL', ?)""")) {
                insert.setLong(1, campaignId);
                insert.setString(2, key);
                insert.executeUpdate();
            }
        }

        /** Sessions waiting for this connection's lock. */
        int waiting() {
            Integer count = jdbc.queryForObject("""
                    select count(*) from pg_stat_activity a where ? = any (pg_blocking_pids(a.pid))""", Integer.class,
                    backendPid());
            return count == null ? 0 : count;
        }

        private int backendPid() {
            try (PreparedStatement pid = connection.prepareStatement("select pg_backend_pid()");
                    var rs = pid.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void release() throws Exception {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.close();
            }
        }

        @Override
        public void close() throws Exception {
            release();
        }

    }

}
