package org.communedx.service.mapping;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.communedx.service.mapping.MappingDocument.Link;
import org.communedx.service.mapping.MappingFileProblem.Place;
import org.communedx.service.mapping.RawMapping.RawLink;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A mapping as YAML: the two versions' codes and versions, and a list of links, each with its kind and the codes of
 * its old ({@code from}) and new ({@code to}) criteria, written as one text separated by commas (a YAML list is read
 * too). Problems name the link by its place in the list.
 */
final class MappingYaml {

    static final Set<String> HEADER_FIELDS = Set.of("fromCode", "fromVersion", "toCode", "toVersion", "links");

    static final Set<String> LINK_FIELDS = Set.of("kind", "from", "to");

    private static final YAMLMapper WRITER = YAMLMapper.builder().build();

    private MappingYaml() {
    }

    static byte[] write(MappingDocument document) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("fromCode", document.fromCode());
        root.put("fromVersion", document.fromVersion());
        root.put("toCode", document.toCode());
        root.put("toVersion", document.toVersion());
        List<Object> links = new ArrayList<>();
        for (Link link : document.links()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("kind", link.kind().name());
            if (!link.from().isEmpty()) {
                node.put("from", MappingDocument.joined(link.from()));
            }
            if (!link.to().isEmpty()) {
                node.put("to", MappingDocument.joined(link.to()));
            }
            links.add(node);
        }
        root.put("links", links);
        return WRITER.writeValueAsBytes(root);
    }

    /**
     * A mapper for files of at most {@code maxBytes}: SnakeYAML's own bound on a document is set to the same number,
     * so that the file's byte limit is the one that speaks.
     */
    static YAMLMapper reader(long maxBytes) {
        LoadSettings settings = LoadSettings.builder().setCodePointLimit((int) Math.min(maxBytes, Integer.MAX_VALUE))
                .build();
        return YAMLMapper.builder(YAMLFactory.builder().loadSettings(settings).build()).build();
    }

    /** The file's content, or {@code null} when {@code problems} received at least one problem. */
    static RawMapping read(YAMLMapper reader, Reader text, List<MappingFileProblem> problems) {
        JsonNode root;
        try {
            root = reader.readTree(text);
        }
        catch (JacksonException ex) {
            problems.add(MappingFileProblem.ofFile("mapping.import.problem.yamlSyntax", lineOf(ex.getLocation())));
            return null;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.add(MappingFileProblem.ofFile("mapping.import.problem.empty"));
            return null;
        }
        if (!root.isObject()) {
            // A CSV, a text or a list at the top is no mapping at all, as for a framework file.
            problems.add(MappingFileProblem.ofFile("mapping.import.problem.notAMapping"));
            return null;
        }
        int before = problems.size();
        Map<String, String> header = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!HEADER_FIELDS.contains(field.getKey())) {
                problems.add(MappingFileProblem.ofFile("mapping.import.problem.unknownField", field.getKey()));
            }
            else if (!field.getKey().equals("links")) {
                header.put(field.getKey(), scalar(field.getValue(), Place.FILE, 0, field.getKey(), problems));
            }
        }
        List<RawLink> links = new ArrayList<>();
        JsonNode list = root.get("links");
        if (list != null && !list.isNull() && !list.isArray()) {
            problems.add(new MappingFileProblem(Place.FILE, 0, "links", "mapping.import.problem.expectedList",
                    List.of()));
        }
        else if (list != null && list.isArray()) {
            int number = 0;
            for (JsonNode item : list.values()) {
                number++;
                if (!item.isObject()) {
                    problems.add(new MappingFileProblem(Place.YAML_LINK, number, null,
                            "mapping.import.problem.expectedMapping", List.of()));
                    continue;
                }
                for (String field : item.propertyNames()) {
                    if (!LINK_FIELDS.contains(field)) {
                        problems.add(new MappingFileProblem(Place.YAML_LINK, number, null,
                                "mapping.import.problem.unknownField", List.of(field)));
                    }
                }
                links.add(new RawLink(Place.YAML_LINK, number,
                        scalar(item.get("kind"), Place.YAML_LINK, number, "kind", problems),
                        codes(item.get("from"), number, "from", problems),
                        codes(item.get("to"), number, "to", problems)));
            }
        }
        return problems.size() > before ? null : new RawMapping(Place.FILE, 0, header, links);
    }

    private static String scalar(JsonNode node, Place place, int number, String field,
            List<MappingFileProblem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            problems.add(new MappingFileProblem(place, number, field, "mapping.import.problem.expectedText",
                    List.of()));
            return null;
        }
        return RawMapping.blankToNull(node.asString());
    }

    /** A text of codes separated by commas, or a list of codes. */
    private static List<String> codes(JsonNode node, int number, String field, List<MappingFileProblem> problems) {
        if (node != null && node.isArray()) {
            List<String> codes = new ArrayList<>();
            for (JsonNode item : node.values()) {
                String code = scalar(item, Place.YAML_LINK, number, field, problems);
                if (code != null) {
                    codes.add(code);
                }
            }
            return codes;
        }
        return RawMapping.codes(scalar(node, Place.YAML_LINK, number, field, problems));
    }

    private static int lineOf(TokenStreamLocation location) {
        return location == null ? 0 : Math.max(location.getLineNr(), 0);
    }
}
