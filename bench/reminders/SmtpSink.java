import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A minimal SMTP sink for the reminder benchmark: accepts every message, keeps nothing but a count per
 * Message-ID, and every 200 ms writes "total distinct duplicates first_ms last_ms" to the status file.
 * Run with: java bench/reminders/SmtpSink.java PORT STATUS_FILE
 */
public class SmtpSink {

    static final LongAdder total = new LongAdder();
    static final Map<String, Integer> perMessageId = new ConcurrentHashMap<>();
    static final LongAdder duplicates = new LongAdder();
    static final AtomicLong first = new AtomicLong();
    static final AtomicLong last = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path status = Path.of(args[1]);
        Thread.ofPlatform().daemon().start(() -> {
            while (true) {
                try {
                    Thread.sleep(200);
                    Path tmp = status.resolveSibling(status.getFileName() + ".tmp");
                    Files.writeString(tmp, total.sum() + " " + perMessageId.size() + " " + duplicates.sum() + " "
                            + first.get() + " " + last.get() + "\n");
                    Files.move(tmp, status, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
                catch (Exception e) {
                    return;
                }
            }
        });
        try (ServerSocket server = new ServerSocket(port, 200, java.net.InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            }
        }
    }

    static void serve(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SIZE 10485760");
                    case "HELO" -> reply(out, "250 sink");
                    case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String messageId = null;
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            if (messageId == null && data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                messageId = data.substring(11).strip();
                            }
                        }
                        long now = System.currentTimeMillis();
                        first.compareAndSet(0, now);
                        last.set(now);
                        total.increment();
                        if (messageId != null && perMessageId.merge(messageId, 1, Integer::sum) > 1) {
                            duplicates.increment();
                        }
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        }
        catch (IOException e) {
            // The client went away.
        }
    }

    static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
