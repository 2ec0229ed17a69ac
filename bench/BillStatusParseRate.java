import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;

/**
 * The limit for bench/bill-status-sync.sh: how fast this JVM reads and parses the same Bill Status
 * files with the same secure DOM settings as the job, with no database. Usage:
 * java bench/BillStatusParseRate.java FOLDER [ROUNDS]
 */
public class BillStatusParseRate {

    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (var listing = Files.list(Path.of(args[0]))) {
            files = listing.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        long elements = 0;
        double best = 0;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (Path file : files) {
                Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
                elements += document.getElementsByTagName("item").getLength();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, files.size() / seconds);
        }
        System.out.printf("%d files, best of %d rounds: %.0f files/s parsed (JDK DOM, no database; %d items seen)%n",
                files.size(), rounds, best, elements);
    }
}
