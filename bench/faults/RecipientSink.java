import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An SMTP sink for the fault scripts, on 127.0.0.1 only: accepts every message and appends one line per accepted
 * message and recipient, "address message-id", to a log file, flushed BEFORE it answers 250 (so every message the
 * sender was told was accepted is in the log). The scripts count lines per address to find lost or duplicate email.
 * Run with: java bench/faults/RecipientSink.java PORT LOG_FILE
 */
public class RecipientSink {

    private static BufferedWriter out;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        try (ServerSocket server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress())) {
            System.out.println("listening on 127.0.0.1:" + port);
            int connections = 0;
            while (true) {
                Socket socket = server.accept();
                // Counted so that the scripts can show how many messages went over each connection.
                System.out.println("connection " + ++connections);
                Thread.ofVirtual().start(() -> serve(socket));
            }
        }
    }

    private static synchronized void record(List<String> recipients, String messageId) throws IOException {
        for (String recipient : recipients) {
            out.write(recipient + " " + messageId + "\n");
        }
        out.flush();
    }

    private static void serve(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream reply = socket.getOutputStream()) {
            reply(reply, "220 sink ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(reply, "250-sink\r\n250-8BITMIME\r\n250 SIZE 10485760");
                    case "HELO" -> reply(reply, "250 sink");
                    case "MAIL", "RSET" -> {
                        recipients.clear();
                        reply(reply, "250 OK");
                    }
                    case "RCPT" -> {
                        String address = line.substring(line.indexOf(':') + 1).strip();
                        recipients.add(address.replaceAll("^<|>.*$", "").toLowerCase());
                        reply(reply, "250 OK");
                    }
                    case "DATA" -> {
                        reply(reply, "354 End data with <CR><LF>.<CR><LF>");
                        String messageId = "-";
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            if (messageId.equals("-") && data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                messageId = data.substring(11).strip();
                            }
                        }
                        if (data == null) {
                            return; // The sender went away before the end of the message: not accepted.
                        }
                        record(recipients, messageId);
                        recipients.clear();
                        reply(reply, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(reply, "221 Bye");
                        return;
                    }
                    default -> reply(reply, "250 OK");
                }
            }
        }
        catch (IOException e) {
            // The client went away.
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
