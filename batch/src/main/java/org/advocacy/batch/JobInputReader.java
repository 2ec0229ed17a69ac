package org.advocacy.batch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Reads a job's input from a URL: {@code https:} (or {@code http:}) with timeouts,
 * {@code file:} or {@code classpath:}. Any failure becomes a
 * {@link SourceUnavailableException} that names the URL.
 */
@Component
public class JobInputReader {

    /** Inputs larger than this are refused; the real files are about 1 MB. */
    static final int MAX_BYTES = 32 * 1024 * 1024;

    private final ResourceLoader resources;

    private final HttpClient http;

    private final Duration timeout;

    JobInputReader(ResourceLoader resources, @Value("${advocacy.jobs.download-timeout:PT60S}") Duration timeout) {
        this.resources = resources;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    }

    /** A URL's bytes, or an exception saying clearly why they could not be read. */
    public byte[] read(String url) {
        String location = url.strip();
        if (location.isEmpty()) {
            throw new SourceUnavailableException("No URL was given");
        }
        try {
            if (location.startsWith("https:") || location.startsWith("http:")) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(location)).timeout(timeout).GET().build();
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() != 200) {
                        throw new SourceUnavailableException(
                                "Cannot read " + location + ": HTTP " + response.statusCode());
                    }
                    return limited(body, location);
                }
            }
            if (!location.startsWith("file:") && !location.startsWith("classpath:")) {
                throw new SourceUnavailableException(
                        "Cannot read " + location + ": only https:, http:, file: and classpath: URLs are supported");
            }
            Resource resource = resources.getResource(location);
            if (!resource.exists() || !resource.isReadable()) {
                throw new SourceUnavailableException("Cannot read " + location + ": no such file");
            }
            try (InputStream in = resource.getInputStream()) {
                return limited(in, location);
            }
        }
        catch (IllegalArgumentException e) {
            throw new SourceUnavailableException("Cannot read " + location + ": not a valid URL");
        }
        catch (IOException e) {
            throw new SourceUnavailableException("Cannot read " + location + ": " + describe(e));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("Cannot read " + location + ": interrupted");
        }
    }

    private static byte[] limited(InputStream in, String location) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new SourceUnavailableException("Cannot read " + location + ": larger than " + MAX_BYTES + " bytes");
        }
        return bytes;
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + " (" + e.getMessage() + ")";
    }

    /** The input of a job could not be read. */
    public static class SourceUnavailableException extends RuntimeException {

        public SourceUnavailableException(String message) {
            super(message);
        }

    }

}
