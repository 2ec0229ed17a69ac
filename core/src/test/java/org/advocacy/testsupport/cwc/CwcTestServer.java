package org.advocacy.testsupport.cwc;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A Communicating with Congress server for tests and development:
 * {@code POST /v2/message} and {@code /v2/validate} with {@code ?apikey=}, validating
 * every message against the CWC 2.0 schema written from the open implementations
 * ({@code cwc/cwc-2.0.xsd}) plus the rules a schema cannot say, and answering 200, or 400
 * with one {@code <Error>} per violation. It can be told to answer 503 or to drop the
 * connection after reading the body. It speaks HTTP/1.1 on a plain socket so that a
 * dropped connection is a real one.
 *
 * <p>
 * Only the JDK is needed, so it also runs on its own:
 * {@code java core/src/test/java/org/advocacy/testsupport/cwc/CwcTestServer.java --port 18510 --schema
 * core/src/test/resources/cwc/cwc-2.0.xsd --api-key dev-key --log /tmp/cwc-ids.log}; the
 * log gets one line per {@code /v2/message} request: its DeliveryId and what the server
 * did with it.
 */
public final class CwcTestServer implements AutoCloseable {

    /** What the server does with a {@code /v2/message} request. */
    public enum Behaviour {

        NORMAL, UNAVAILABLE, DROP_AFTER_BODY

    }

    private final ServerSocket socket;

    private final Schema schema;

    private final String apiKey;

    private final char chamber;

    private final Path log;

    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();

    private final Map<String, AtomicInteger> postsByDeliveryId = new ConcurrentHashMap<>();

    private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());

    private final AtomicInteger validations = new AtomicInteger();

    private volatile Behaviour behaviour = Behaviour.NORMAL;

    private final AtomicInteger behaviourCount = new AtomicInteger();

    private volatile long delayMillis;

    private Writer logWriter;

    /**
     * @param chamber 'H' or 'S' to accept only that chamber's offices, anything else for
     * both
     * @param log where to append one line per message request, or null
     */
    public CwcTestServer(int port, String apiKey, char chamber, Path log) throws IOException {
        this(port, apiKey, chamber, log, null);
    }

    private CwcTestServer(int port, String apiKey, char chamber, Path log, Path schemaFile) throws IOException {
        this.apiKey = apiKey;
        this.chamber = chamber;
        this.log = log;
        this.schema = loadSchema(schemaFile);
        this.socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        Thread.ofPlatform().daemon().name("cwc-test-server").start(this::accept);
    }

    public static CwcTestServer start(String apiKey, char chamber) {
        try {
            return new CwcTestServer(0, apiKey, chamber, null);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /**
     * The next {@code count} message requests get this behaviour; then the server answers
     * normally again.
     */
    public void next(int count, Behaviour behaviour) {
        this.behaviourCount.set(count);
        this.behaviour = behaviour;
    }

    public void delay(long millis) {
        this.delayMillis = millis;
    }

    /** Every accepted message, as sent. */
    public List<String> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    /**
     * How many {@code /v2/message} requests carried each DeliveryId (accepted, rejected
     * or dropped).
     */
    public Map<String, Integer> postsByDeliveryId() {
        Map<String, Integer> copy = new LinkedHashMap<>();
        postsByDeliveryId.forEach((id, n) -> copy.put(id, n.get()));
        return copy;
    }

    public int validations() {
        return validations.get();
    }

    public void reset() {
        postsByDeliveryId.clear();
        accepted.clear();
        validations.set(0);
        behaviour = Behaviour.NORMAL;
        delayMillis = 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connections.shutdownNow();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.submit(() -> serve(client));
            }
            catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            client.setTcpNoDelay(true);
        }
        catch (IOException e) {
            return;
        }
        try (client;
                InputStream in = new BufferedInputStream(client.getInputStream());
                OutputStream out = client.getOutputStream()) {
            while (true) {
                Request request = Request.read(in);
                if (request == null) {
                    return;
                }
                if (!handle(request, out)) {
                    return;
                }
            }
        }
        catch (IOException | RuntimeException e) {
            // the client went away
        }
    }

    /** Returns false when the connection must be dropped. */
    private boolean handle(Request request, OutputStream out) throws IOException {
        String path = request.path();
        boolean message = path.equals("/v2/message");
        if (!request.method().equals("POST") || !(message || path.equals("/v2/validate"))) {
            respond(out, 404, errors(List.of("Not found: " + request.method() + " " + path)));
            return true;
        }
        if (!apiKey.equals(request.query().get("apikey"))) {
            respond(out, 401, errors(List.of("Invalid or missing API key")));
            return true;
        }
        String contentType = request.headers().getOrDefault("content-type", "");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/xml")) {
            respond(out, 415, errors(List.of("Content-Type must be application/xml")));
            return true;
        }
        String deliveryId = deliveryId(request.body());
        if (!message) {
            validations.incrementAndGet();
            List<String> problems = validate(request.body());
            respond(out, problems.isEmpty() ? 200 : 400,
                    problems.isEmpty() ? "<Success>valid</Success>" : errors(problems));
            return true;
        }
        postsByDeliveryId.computeIfAbsent(deliveryId == null ? "(none)" : deliveryId, k -> new AtomicInteger())
            .incrementAndGet();
        Behaviour now = takeBehaviour();
        if (delayMillis > 0) {
            sleep(delayMillis);
        }
        if (now == Behaviour.DROP_AFTER_BODY) {
            record(deliveryId, "DROPPED");
            return false;
        }
        if (now == Behaviour.UNAVAILABLE) {
            record(deliveryId, "503");
            respond(out, 503, "<html><body>Service Unavailable</body></html>");
            return true;
        }
        List<String> problems = validate(request.body());
        if (problems.isEmpty() && deliveryId != null && postsByDeliveryId.get(deliveryId).get() > 1
                && accepted.stream().anyMatch(xml -> deliveryId.equals(deliveryId(xml)))) {
            problems = List.of("DeliveryId " + deliveryId + " was already delivered");
        }
        if (problems.isEmpty()) {
            accepted.add(request.body());
            record(deliveryId, "ACCEPTED");
            respond(out, 200, "<Success>Message delivered</Success>");
        }
        else {
            record(deliveryId, "REJECTED");
            respond(out, 400, errors(problems));
        }
        return true;
    }

    private Behaviour takeBehaviour() {
        Behaviour current = behaviour;
        if (current == Behaviour.NORMAL) {
            return current;
        }
        int left = behaviourCount.getAndDecrement();
        if (left <= 0) {
            behaviour = Behaviour.NORMAL;
            return Behaviour.NORMAL;
        }
        return current;
    }

    /**
     * What the server would answer for this message: empty when valid, else one entry per
     * violation.
     */
    public List<String> validateForTest(String xml) {
        return validate(xml);
    }

    /** Schema violations first, then the rules a schema cannot say. */
    List<String> validate(String xml) {
        List<String> problems = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            public void warning(SAXParseException e) {
            }

            public void error(SAXParseException e) {
                problems.add(plain(e));
            }

            public void fatalError(SAXParseException e) {
                problems.add(plain(e));
            }
        });
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        }
        catch (SAXParseException e) {
            if (problems.isEmpty()) {
                problems.add(plain(e));
            }
            return problems;
        }
        catch (Exception e) {
            problems.add("The message is not well-formed XML");
            return problems;
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        Document doc = parse(xml);
        String office = text(doc, "MemberOffice");
        String state = text(doc, "StateAbbreviation");
        if (office != null && chamber != '*' && office.charAt(0) != chamber) {
            problems.add("MemberOffice " + office + " is not an office of this chamber");
        }
        if (office != null && state != null && !office.substring(1, 3).equals(state)) {
            problems.add("StateAbbreviation " + state + " is not the state of MemberOffice " + office);
        }
        return problems;
    }

    private static String plain(SAXParseException e) {
        return "Line " + e.getLineNumber() + ": " + e.getMessage();
    }

    private void record(String deliveryId, String what) {
        if (log == null) {
            return;
        }
        synchronized (this) {
            try {
                if (logWriter == null) {
                    logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                }
                logWriter.write(deliveryId + " " + what + "\n");
                logWriter.flush();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String deliveryId(String xml) {
        int start = xml.indexOf("<DeliveryId>");
        int end = xml.indexOf("</DeliveryId>");
        return start < 0 || end < start ? null : xml.substring(start + "<DeliveryId>".length(), end).strip();
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String text(Document doc, String name) {
        var nodes = doc.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : ((Element) nodes.item(0)).getTextContent().strip();
    }

    private static String errors(List<String> problems) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Errors>");
        for (String problem : problems) {
            xml.append("<Error>")
                .append(problem.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
                .append("</Error>");
        }
        return xml.append("</Errors>").toString();
    }

    private static void respond(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason(status)
                + "\r\nContent-Type: application/xml; charset=UTF-8\r\n" + "Content-Length: " + bytes.length
                + "\r\n\r\n";
        // One write: a head and body in two segments would meet the client's delayed ACK
        // (40 ms a response).
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] whole = new byte[headBytes.length + bytes.length];
        System.arraycopy(headBytes, 0, whole, 0, headBytes.length);
        System.arraycopy(bytes, 0, whole, headBytes.length, bytes.length);
        out.write(whole);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 415 -> "Unsupported Media Type";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Schema loadSchema(Path file) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            if (file != null) {
                return factory.newSchema(file.toFile());
            }
            URL resource = CwcTestServer.class.getResource("/cwc/cwc-2.0.xsd");
            if (resource == null) {
                throw new IllegalStateException("cwc/cwc-2.0.xsd is not on the classpath; pass --schema");
            }
            return factory.newSchema(resource);
        }
        catch (SAXException e) {
            throw new IllegalStateException("The CWC schema does not load", e);
        }
    }

    /** One HTTP/1.1 request with a Content-Length body. */
    private record Request(String method, String path, Map<String, String> query, Map<String, String> headers,
            String body) {

        static Request read(InputStream in) throws IOException {
            String line = line(in);
            if (line == null || line.isEmpty()) {
                return null;
            }
            String[] parts = line.split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            header.substring(colon + 1).strip());
                }
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                return null;
            }
            String target = parts.length > 1 ? parts[1] : "/";
            int q = target.indexOf('?');
            Map<String, String> query = new LinkedHashMap<>();
            if (q >= 0) {
                for (String pair : target.substring(q + 1).split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        query.put(pair.substring(0, eq),
                                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            return new Request(parts[0], q >= 0 ? target.substring(0, q) : target, query, headers,
                    new String(body, StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int last = line.length() - 1;
                    return last >= 0 && line.charAt(last) == '\r' ? line.substring(0, last) : line.toString();
                }
                line.append((char) c);
            }
            return line.isEmpty() ? null : line.toString();
        }
    }

    /**
     * {@code --port N} (default 18510), {@code --api-key K} (default dev-key),
     * {@code --chamber H|S|*}, {@code --schema file.xsd}, {@code --log file},
     * {@code --delay-ms N}.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String schema = options.get("schema");
        String log = options.get("log");
        CwcTestServer server = new CwcTestServer(Integer.parseInt(options.getOrDefault("port", "18510")),
                options.getOrDefault("api-key", "dev-key"), options.getOrDefault("chamber", "*").charAt(0),
                log == null ? null : Path.of(log), schema == null ? null : Path.of(schema));
        server.delay(Long.parseLong(options.getOrDefault("delay-ms", "0")));
        System.out.println("CWC test server listening on " + server.baseUrl());
        Thread.currentThread().join();
    }

}
