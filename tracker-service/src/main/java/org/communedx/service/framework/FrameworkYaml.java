package org.communedx.service.framework;

import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.communedx.model.Numbers;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.service.framework.FrameworkDocument.GroupDocument;
import org.communedx.service.framework.ImportProblem.Place;
import org.communedx.service.framework.RawFramework.RawGroup;
import org.communedx.service.framework.RawFramework.RawRecord;
import org.communedx.service.framework.RawFramework.RawValue;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A framework version as YAML: one mapping with the version's fields and a list of groups, each with its list
 * of criteria. Reading keeps the line of every value, so that a problem names the line to fix.
 */
final class FrameworkYaml {

    static final Set<String> HEADER_FIELDS = Set.of("code", "version", "titleVi", "titleEn", "scoreDisplay",
            "scoreDecimals", "declaredTotal", "classes", "groups");

    static final Set<String> CLASS_FIELDS = Set.of("nameVi", "nameEn", "threshold");

    static final Set<String> GROUP_FIELDS = Set.of("code", "nameVi", "nameEn", "criteria");

    static final Set<String> CRITERION_FIELDS = Set.of("code", "nameVi", "nameEn", "descriptionVi", "descriptionEn",
            "type", "target", "comparison", "unit", "weight", "scoring", "steps", "typicalEvidenceVi",
            "typicalEvidenceEn", "evidenceRequired", "automatic");

    /** Jackson's default bound on nesting, which a framework (four levels) never comes near. */
    static final int MAX_NESTING_DEPTH = StreamReadConstraints.DEFAULT_MAX_DEPTH;

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private FrameworkYaml() {
    }

    static byte[] write(FrameworkDocument document) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("code", document.code());
        root.put("version", document.version());
        root.put("titleVi", document.title().vi());
        root.put("titleEn", document.title().en());
        root.put("scoreDisplay", document.scoreSettings().display().name());
        root.put("scoreDecimals", document.scoreSettings().decimals());
        if (document.scoreSettings().declaredTotal() != null) {
            root.put("declaredTotal", Numbers.plain(document.scoreSettings().declaredTotal()));
        }
        if (!document.scoreClasses().isEmpty()) {
            root.put("classes", document.scoreClasses().classes().stream().map(scoreClass -> {
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("nameVi", scoreClass.nameVi());
                node.put("nameEn", scoreClass.nameEn());
                node.put("threshold", Numbers.plain(scoreClass.threshold()));
                return node;
            }).toList());
        }
        List<Object> groups = new ArrayList<>();
        for (GroupDocument group : document.groups()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("code", group.code());
            node.put("nameVi", group.name().vi());
            node.put("nameEn", group.name().en());
            node.put("criteria", group.criteria().stream().map(FrameworkYaml::criterion).toList());
            groups.add(node);
        }
        root.put("groups", groups);
        return MAPPER.writeValueAsBytes(root);
    }

    private static Map<String, Object> criterion(CriterionDefinition definition) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("code", definition.code());
        putIfPresent(node, "nameVi", definition.name().vi());
        putIfPresent(node, "nameEn", definition.name().en());
        putIfPresent(node, "descriptionVi", definition.description().vi());
        putIfPresent(node, "descriptionEn", definition.description().en());
        node.put("type", definition.type().name());
        node.put("target", Numbers.plain(definition.target()));
        node.put("comparison", definition.comparison().name());
        putIfPresent(node, "unit", definition.unit());
        node.put("weight", Numbers.plain(definition.weight()));
        node.put("scoring", definition.scoring().method().name());
        putIfPresent(node, "steps", definition.scoring().text());
        putIfPresent(node, "typicalEvidenceVi", definition.typicalEvidence().vi());
        putIfPresent(node, "typicalEvidenceEn", definition.typicalEvidence().en());
        node.put("evidenceRequired", definition.evidenceRequired());
        // Only where set: a document of a version without automatic criteria reads as it did before the flag.
        if (definition.automatic()) {
            node.put("automatic", true);
        }
        return node;
    }

    private static void putIfPresent(Map<String, Object> node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /**
     * A mapper for reading files of at most {@code maxBytes}: SnakeYAML's own bound on a document (3 MB by default)
     * is set to the same number, so that the file's byte limit is the one that speaks (a code point is at least one
     * byte).
     */
    static YAMLMapper reader(long maxBytes) {
        LoadSettings settings = LoadSettings.builder().setCodePointLimit((int) Math.min(maxBytes, Integer.MAX_VALUE))
                .build();
        return YAMLMapper.builder(YAMLFactory.builder().loadSettings(settings).build()).build();
    }

    /** The file's content, or {@code null} when {@code problems} received at least one problem. */
    static RawFramework read(YAMLMapper reader, Reader text, List<ImportProblem> problems) {
        Node root;
        try (JsonParser parser = reader.createParser(text)) {
            try {
                if (parser.nextToken() == null) {
                    problems.add(ImportProblem.ofFile("framework.import.problem.empty"));
                    return null;
                }
                root = node(parser, problems);
            }
            catch (StreamConstraintsException tooDeep) {
                // Lists and mappings nested beyond Jackson's bound (500 levels): the exception knows no place, the
                // parser stands on the value that went one level too far.
                problems.add(new ImportProblem(Place.YAML_LINE, lineOf(parser.currentLocation()), null,
                        "framework.import.problem.nestedTooDeep", MAX_NESTING_DEPTH));
                return null;
            }
        }
        catch (JacksonException ex) {
            problems.add(new ImportProblem(Place.YAML_LINE, lineOf(ex.getLocation()), null,
                    "framework.import.problem.yamlSyntax"));
            return null;
        }
        if (!problems.isEmpty()) {
            return null;
        }
        int before = problems.size();
        if (!(root instanceof Mapping header)) {
            // A CSV, a text or a list at the top is no framework at all: "expected fields here" on line 1 said less.
            problems.add(ImportProblem.ofFile("framework.import.problem.notAFramework"));
            return null;
        }
        RawRecord headerRecord = record(header, HEADER_FIELDS, problems);
        List<RawRecord> classes = new ArrayList<>();
        for (Node classNode : sequence(header, "classes", problems)) {
            Mapping scoreClass = mapping(classNode, problems);
            if (scoreClass != null) {
                classes.add(record(scoreClass, CLASS_FIELDS, problems));
            }
        }
        List<RawGroup> groups = new ArrayList<>();
        for (Node groupNode : sequence(header, "groups", problems)) {
            Mapping group = mapping(groupNode, problems);
            if (group == null) {
                continue;
            }
            List<RawRecord> criteria = new ArrayList<>();
            for (Node criterionNode : sequence(group, "criteria", problems)) {
                Mapping criterion = mapping(criterionNode, problems);
                if (criterion != null) {
                    criteria.add(record(criterion, CRITERION_FIELDS, problems));
                }
            }
            groups.add(new RawGroup(record(group, GROUP_FIELDS, problems), criteria));
        }
        return problems.size() > before ? null : new RawFramework(headerRecord, groups, classes);
    }

    private static RawRecord record(Mapping mapping, Set<String> known, List<ImportProblem> problems) {
        RawRecord record = new RawRecord(Place.YAML_LINE, mapping.line());
        mapping.entries().forEach((key, value) -> {
            if (!known.contains(key)) {
                // No field label: the page labels fields by their message, which a name outside the template lacks.
                problems.add(new ImportProblem(Place.YAML_LINE, value.line(), null,
                        "framework.import.problem.unknownField", key));
            }
            else if (value instanceof Scalar scalar) {
                record.values().put(key, new RawValue(scalar.text(), scalar.line()));
            }
            else if (!key.equals("groups") && !key.equals("criteria") && !key.equals("classes")) {
                problems.add(new ImportProblem(Place.YAML_LINE, value.line(), key,
                        "framework.import.problem.expectedText"));
            }
        });
        return record;
    }

    private static List<Node> sequence(Mapping mapping, String key, List<ImportProblem> problems) {
        Node node = mapping.entries().get(key);
        if (node == null || node instanceof Scalar scalar && scalar.text() == null) {
            return List.of();
        }
        if (node instanceof Sequence sequence) {
            return sequence.items();
        }
        problems.add(new ImportProblem(Place.YAML_LINE, node.line(), key, "framework.import.problem.expectedList"));
        return List.of();
    }

    private static Mapping mapping(Node node, List<ImportProblem> problems) {
        if (node instanceof Mapping mapping) {
            return mapping;
        }
        problems.add(new ImportProblem(Place.YAML_LINE, node.line(), null, "framework.import.problem.expectedMapping"));
        return null;
    }

    private static int lineOf(TokenStreamLocation location) {
        return location == null ? 0 : Math.max(location.getLineNr(), 0);
    }

    /** Reads the value the parser stands on, with everything inside it. */
    private static Node node(JsonParser parser, List<ImportProblem> problems) {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Node> entries = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                int keyLine = parser.currentTokenLocation().getLineNr();
                parser.nextToken();
                Node value = node(parser, problems);
                if (entries.putIfAbsent(key, value) != null) {
                    problems.add(new ImportProblem(Place.YAML_LINE, keyLine, key,
                            "framework.import.problem.duplicateField", key));
                }
            }
            return new Mapping(entries, line);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(parser, problems));
            }
            return new Sequence(items, line);
        }
        return new Scalar(token == JsonToken.VALUE_NULL ? null : parser.getString(), line);
    }

    private sealed interface Node permits Scalar, Mapping, Sequence {

        int line();
    }

    private record Scalar(String text, int line) implements Node {
    }

    private record Mapping(Map<String, Node> entries, int line) implements Node {
    }

    private record Sequence(List<Node> items, int line) implements Node {
    }
}
