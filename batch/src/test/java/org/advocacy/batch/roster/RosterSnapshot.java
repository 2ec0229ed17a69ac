package org.advocacy.batch.roster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The bundled snapshot, and edited copies of it written to a folder for the job to read
 * by file: URL.
 */
final class RosterSnapshot {

    static final YAMLMapper YAML = YAMLMapper.builder().build();

    private RosterSnapshot() {
    }

    static byte[] bundled(String file) throws IOException {
        try (InputStream in = RosterSnapshot.class.getResourceAsStream("/roster/" + file)) {
            return in.readAllBytes();
        }
    }

    /**
     * Writes the three files to the folder, the legislators file edited; returns its
     * file: URL.
     */
    static String writeEdited(Path folder, UnaryOperator<ArrayNode> edit) throws IOException {
        ArrayNode legislators = (ArrayNode) YAML.readTree(bundled(RosterParser.LEGISLATORS));
        Files.write(folder.resolve(RosterParser.LEGISLATORS), YAML.writeValueAsBytes(edit.apply(legislators)));
        Files.write(folder.resolve(RosterParser.OFFICES), bundled(RosterParser.OFFICES));
        Files.write(folder.resolve(RosterParser.SOCIAL), bundled(RosterParser.SOCIAL));
        return folder.toUri().toString();
    }

    static ArrayNode without(ArrayNode legislators, Set<String> bioguideIds) {
        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode person : legislators) {
            if (!bioguideIds.contains(person.path("id").path("bioguide").asString())) {
                kept.add(person);
            }
        }
        ArrayNode result = legislators.arrayNode();
        kept.forEach(result::add);
        return result;
    }

}
