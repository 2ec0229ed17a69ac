package org.advocacy.legislators;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the Census geocoder's geographies/onelineaddress endpoint,
 * answering in its JSON shape. Addresses on "W 34th St" lie in NY-12, on "W 26th St" in
 * NY-10; "Nowhere" matches nothing; "slow" answers after 3 s; "broken" answers 503.
 */
public final class GeocoderTestServer implements AutoCloseable {

    private static volatile GeocoderTestServer shared;

    private final HttpServer server;

    /**
     * The test JVM's one server, started on first use; every batch test context asks it
     * ({@link GeocoderTestServerContextCustomizerFactory}).
     */
    public static GeocoderTestServer shared() {
        GeocoderTestServer current = shared;
        if (current == null) {
            synchronized (GeocoderTestServer.class) {
                current = shared;
                if (current == null) {
                    try {
                        current = new GeocoderTestServer();
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    shared = current;
                }
            }
        }
        return current;
    }

    public GeocoderTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/geocoder/geographies/onelineaddress", this::answer);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/geocoder";
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        if (!query.contains("benchmark=Public_AR_Current") || !query.contains("vintage=Current_Current")
                || !query.contains("format=json")) {
            send(exchange, 400, "{\"errors\":[\"benchmark, vintage and format are required\"]}");
            return;
        }
        if (query.contains("slow")) {
            try {
                Thread.sleep(3000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (query.contains("broken")) {
            send(exchange, 503, "Service Unavailable");
            return;
        }
        if (query.contains("Nowhere")) {
            send(exchange, 200, "{\"result\":{\"input\":{},\"addressMatches\":[]}}");
            return;
        }
        String district = query.contains("W 34th St") ? "12" : query.contains("W 26th St") ? "10" : null;
        if (district == null) {
            send(exchange, 200, "{\"result\":{\"input\":{},\"addressMatches\":[]}}");
            return;
        }
        send(exchange, 200,
                """
                        {"result":{"input":{"address":{"address":"x"},"benchmark":{"id":"4","benchmarkName":"Public_AR_Current"},
                        "vintage":{"id":"4","vintageName":"Current_Current"}},
                        "addressMatches":[{"matchedAddress":"1 W 34TH ST, NEW YORK, NY, 10001",
                        "coordinates":{"x":-73.98,"y":40.75},
                        "geographies":{
                          "States":[{"STUSAB":"NY","STATE":"36","NAME":"New York"}],
                          "118th Congressional Districts":[{"GEOID":"3699","CD118":"99","STATE":"36"}],
                          "119th Congressional Districts":[{"GEOID":"36%s","CD119":"%s","STATE":"36","BASENAME":"%s",
                             "NAME":"Congressional District %s"}]}}]}}
                        """
                    .formatted(district, district, district, district));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
