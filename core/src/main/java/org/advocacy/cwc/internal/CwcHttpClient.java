package org.advocacy.cwc.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.advocacy.cwc.CwcOutcome;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * POSTs a message to {@code {base-url}/v2/message?apikey={key}} (or {@code /v2/validate})
 * as {@code application/xml}, the transport of EFForg/congress_forms
 * {@code lib/cwc/client.rb}, and sorts what happened into {@link CwcOutcome}s. A failure
 * to connect is temporary; any break after the connection was made (the body may have
 * left) is in doubt. HTTP/1.1 only, and the JDK client never resends a POST by itself.
 */
public final class CwcHttpClient {

    private final URI baseUrl;

    private final String apiKey;

    private final Duration requestTimeout;

    private final HttpClient http;

    public CwcHttpClient(String baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout) {
        this.baseUrl = URI.create(baseUrl.replaceAll("/+$", ""));
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    public CwcOutcome deliver(String xml) {
        return post("/v2/message", xml);
    }

    public CwcOutcome validate(String xml) {
        return post("/v2/validate", xml);
    }

    private CwcOutcome post(String action, String xml) {
        URI uri = URI.create(baseUrl + action + "?apikey=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Content-Type", "application/xml")
            .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8))
            .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (HttpConnectTimeoutException | ConnectException e) {
            return new CwcOutcome.Temporary("could not connect to the CWC service (" + describe(e) + ")");
        }
        catch (IOException e) {
            if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, ConnectException.class)) {
                return new CwcOutcome.Temporary("could not connect to the CWC service (" + describe(e) + ")");
            }
            return new CwcOutcome.InDoubt("the connection broke after the letter was sent (" + describe(e) + ")");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CwcOutcome.InDoubt("the sender was stopped while waiting for the CWC service");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new CwcOutcome.Accepted();
        }
        if (status >= 500 || status == 429 || status == 408) {
            return new CwcOutcome.Temporary("the CWC service answered " + status);
        }
        return new CwcOutcome.Rejected(status, errors(status, response.body()));
    }

    /**
     * The text of each {@code <Error>} element, or the body itself when there is none (as
     * EFF's client does).
     */
    static List<String> errors(int status, String body) {
        List<String> errors = new ArrayList<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            NodeList nodes = doc.getElementsByTagName("Error");
            for (int i = 0; i < nodes.getLength(); i++) {
                String text = nodes.item(i).getTextContent().strip();
                if (!text.isEmpty()) {
                    errors.add(text);
                }
            }
        }
        catch (Exception e) {
            // not XML: fall back to the body
        }
        if (errors.isEmpty()) {
            String text = body.strip();
            errors.add(text.isEmpty() ? "The CWC service refused the letter (HTTP " + status + ")"
                    : text.length() > 500 ? text.substring(0, 500) : text);
        }
        return errors;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

}
