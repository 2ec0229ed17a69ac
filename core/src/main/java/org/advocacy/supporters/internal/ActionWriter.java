package org.advocacy.supporters.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.advocacy.supporters.NewAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of action posts: concurrent posts hand their write to one writer thread,
 * which writes whatever arrived within {@link #WINDOW} (at most {@link #MAX_ACTIONS}
 * actions) in one JDBC transaction and batch, commits, and only then answers each post.
 * One pool checkout, one BEGIN/COMMIT and one WAL flush serve many posts
 * (docs/performance.md, issue 15). If the group's transaction fails, each post of it is
 * written again in a transaction of its own, so one bad row fails only its own post.
 * <p>
 * The queue is bounded: when it is full, or after shutdown began, a post writes on its
 * own thread as before. Closing the context drains the queue before the pool closes.
 */
@Component
public class ActionWriter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ActionWriter.class);

    /** How long the writer waits for more posts after the first of a group. */
    static final Duration WINDOW = Duration.ofMillis(1);

    static final int MAX_ACTIONS = 256;

    private static final int CAPACITY = 2048;

    /** A post never waits longer than this for its group (the pool's own wait is 3 s). */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    private static final String INSERT = """
            insert into supporter_action (supporter_id, campaign_id, action_type, bioguide_id, delivery_method,
                                          outcome, state, district, occurred_at, idempotency_key)
            values ((select s.id from supporter s where s.id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (idempotency_key) do nothing""";

    private static final String SETTLE_SEAT = """
            update supporter set state = ?, district = ?, updated_at = now()
            where id = ? and (state is distinct from ? or district is distinct from ?)""";

    /**
     * One post's write: its actions and whether to store the seat they were taken from.
     */
    private record Job(List<NewAction> actions, boolean settleSeat, OffsetDateTime at,
            CompletableFuture<Integer> answer) {
    }

    private record Row(NewAction action, OffsetDateTime at) {
    }

    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(CAPACITY);

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    private final Thread writer;

    private volatile boolean closed;

    ActionWriter(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.writer = Thread.ofPlatform().name("action-writer").daemon(true).unstarted(this::run);
        this.writer.start();
    }

    /**
     * Writes the actions (and, when {@code settleSeat}, the seat of the first one as its
     * supporter's) in a committed transaction, once per idempotency key; returns how many
     * were recorded now. Returns only after the commit.
     */
    public int write(List<NewAction> actions, boolean settleSeat) {
        Job job = new Job(List.copyOf(actions), settleSeat, OffsetDateTime.now(ZoneOffset.UTC),
                new CompletableFuture<>());
        if (closed || !queue.offer(job)) {
            return writeAlone(job);
        }
        // Shutdown may have drained the queue just before this post joined it.
        if (closed && queue.remove(job)) {
            return writeAlone(job);
        }
        try {
            return job.answer().get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("The action's write failed", e.getCause());
        }
        catch (TimeoutException e) {
            queue.remove(job);
            throw new QueryTimeoutException("The action's group was not written within " + ANSWER_WITHIN);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the action was written", e);
        }
    }

    /** Posts waiting for the writer. */
    int pending() {
        return queue.size();
    }

    /**
     * Never interrupted (an interrupt would also fail the pool checkout): close() waits.
     */
    private void run() {
        List<Job> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Job first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                gather(group, first.actions().size());
                writeGroup(group);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                group.forEach(job -> job.answer().completeExceptionally(e));
                return;
            }
            catch (RuntimeException | Error e) {
                group.forEach(job -> job.answer().completeExceptionally(e));
                log.error("The action writer failed a group of {} posts", group.size(), e);
            }
            finally {
                group.clear();
            }
        }
    }

    private void gather(List<Job> group, int firstActions) throws InterruptedException {
        int actions = firstActions;
        long deadline = System.nanoTime() + WINDOW.toNanos();
        while (actions < MAX_ACTIONS) {
            Job next = queue.peek() != null || closed ? queue.poll()
                    : queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            group.add(next);
            actions += next.actions().size();
        }
    }

    private void writeGroup(List<Job> group) {
        List<Integer> recorded;
        try {
            recorded = Objects.requireNonNull(transaction.execute(status -> insert(group)));
        }
        catch (RuntimeException e) {
            if (group.size() == 1) {
                group.getFirst().answer().completeExceptionally(e);
                return;
            }
            log.warn("A group of {} action posts failed ({}); writing each on its own", group.size(),
                    e.getClass().getSimpleName());
            for (Job job : group) {
                try {
                    job.answer().complete(writeAlone(job));
                }
                catch (RuntimeException single) {
                    job.answer().completeExceptionally(single);
                }
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).answer().complete(recorded.get(i));
        }
    }

    private int writeAlone(Job job) {
        List<Integer> recorded = transaction.execute(status -> insert(List.of(job)));
        return recorded == null ? 0 : recorded.getFirst();
    }

    /**
     * The group's inserts in one batch, then the seats; how many rows each post added.
     */
    private List<Integer> insert(List<Job> group) {
        List<Row> rows = group.stream()
            .flatMap(job -> job.actions().stream().map(action -> new Row(action, job.at())))
            .toList();
        int[] counts = rows.isEmpty() ? new int[0]
                : jdbc.batchUpdate(INSERT, rows, rows.size(), (ps, row) -> bind(ps, row.action(), row.at()))[0];
        List<Integer> recorded = new ArrayList<>(group.size());
        int row = 0;
        for (Job job : group) {
            int added = 0;
            for (int i = 0; i < job.actions().size(); i++) {
                added += counts[row++] > 0 ? 1 : 0;
            }
            recorded.add(added);
        }
        // Seats by supporter, so that two groups never lock the same rows in another
        // order
        List<NewAction> seats = group.stream()
            .filter(job -> job.settleSeat() && !job.actions().isEmpty())
            .map(job -> job.actions().getFirst())
            .filter(a -> a.supporterId() != null && a.state() != null && a.district() != null)
            .sorted(Comparator.comparing(NewAction::supporterId))
            .toList();
        if (!seats.isEmpty()) {
            jdbc.batchUpdate(SETTLE_SEAT, seats, seats.size(), (ps, a) -> {
                ps.setString(1, a.state());
                ps.setInt(2, a.district());
                ps.setLong(3, a.supporterId());
                ps.setString(4, a.state());
                ps.setInt(5, a.district());
            });
        }
        return recorded;
    }

    private static void bind(PreparedStatement ps, NewAction a, OffsetDateTime now) throws SQLException {
        ps.setObject(1, a.supporterId(), Types.BIGINT);
        ps.setLong(2, a.campaignId());
        ps.setString(3, a.type().name());
        ps.setObject(4, a.bioguideId(), Types.VARCHAR);
        ps.setObject(5, a.deliveryMethod() == null ? null : a.deliveryMethod().name(), Types.VARCHAR);
        ps.setObject(6, a.outcome() == null ? null : a.outcome().name(), Types.VARCHAR);
        ps.setObject(7, a.state(), Types.VARCHAR);
        ps.setObject(8, a.district(), Types.INTEGER);
        ps.setObject(9, now, Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setString(10, a.idempotencyKey());
    }

    /** Stops taking posts and writes those still queued before the pool closes. */
    @Override
    public void destroy() throws InterruptedException {
        closed = true;
        writer.join(ANSWER_WITHIN.toMillis());
        for (Job job; (job = queue.poll()) != null;) {
            try {
                job.answer().complete(writeAlone(job));
            }
            catch (RuntimeException e) {
                job.answer().completeExceptionally(e);
            }
        }
    }

}
