import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Graceful-shutdown probe for bench/faults/graceful-shutdown.sh. CONCURRENCY virtual threads send GET requests in
 * a loop to 127.0.0.1:PORT (one connection per request, "Connection: close"), over PATHS in turn. After WARMUP_MS it
 * sends SIGTERM to PID itself and notes the instant; the threads go on until the port refuses connections (plus a
 * last round) or 60 s pass. Each request is classified by when it was sent relative to the signal:
 * in flight (sent before, answered after), before, or after (new connections). Prints one summary line per class.
 * Run with: java bench/faults/InFlight.java PORT PID CONCURRENCY WARMUP_MS PATH...
 */
public class InFlight {

    record Result(long sentNanos, long doneNanos, String outcome) {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long pid = Long.parseLong(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        long warmupMs = Long.parseLong(args[3]);
        List<String> paths = List.of(args).subList(4, args.length);
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        long[] signalAt = {Long.MAX_VALUE};
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            int offset = t;
            Thread.ofVirtual().start(() -> {
                int i = offset;
                int refusedInARow = 0;
                while (!stop.get() && refusedInARow < 3) {
                    long sent = System.nanoTime();
                    String outcome = request(port, paths.get(i++ % paths.size()));
                    results.add(new Result(sent, System.nanoTime(), outcome));
                    refusedInARow = outcome.equals("refused") && sent > signalAt[0] ? refusedInARow + 1 : 0;
                    if (outcome.equals("refused")) {
                        sleep(20);
                    }
                }
                done.countDown();
            });
        }
        Thread.sleep(warmupMs);
        signalAt[0] = System.nanoTime();
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid)).destroy(); // SIGTERM
        Thread.ofPlatform().daemon().start(() -> {
            sleep(60_000);
            stop.set(true);
        });
        done.await();
        long signal = signalAt[0];
        Map<String, Map<String, Integer>> summary = new TreeMap<>();
        long lastInFlightDone = signal;
        for (Result r : results) {
            String phase = r.sentNanos() >= signal ? "3-after-sigterm" : r.doneNanos() >= signal ? "2-in-flight-at-sigterm" : "1-before-sigterm";
            summary.computeIfAbsent(phase, k -> new TreeMap<>()).merge(r.outcome(), 1, Integer::sum);
            if (phase.startsWith("2") && r.doneNanos() > lastInFlightDone) {
                lastInFlightDone = r.doneNanos();
            }
        }
        summary.forEach((phase, outcomes) -> System.out.println("PHASE " + phase.substring(2) + " " + outcomes));
        System.out.println("LAST_IN_FLIGHT_DONE_MS " + (lastInFlightDone - signal) / 1_000_000);
    }

    static String request(int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccept: text/html,application/json\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                head.write(b);
            }
            String status = head.toString(StandardCharsets.US_ASCII).strip();
            if (status.isEmpty()) {
                return "closed-without-answer";
            }
            in.transferTo(OutputStream.nullOutputStream()); // the whole body: the request is complete only then
            String[] parts = status.split(" ");
            return parts.length > 1 ? parts[1] : status;
        }
        catch (ConnectException e) {
            return "refused";
        }
        catch (IOException e) {
            return "io-error:" + e.getClass().getSimpleName();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
