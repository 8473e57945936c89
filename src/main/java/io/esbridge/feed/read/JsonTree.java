package io.esbridge.feed.read;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.esbridge.record.SourceRef;

/**
 * One record's tree (a JSON object, or an XML element read into the same tree) as the values a mapping reads: nested
 * properties become dotted paths ({@code address.city}, {@code phones[0]}). An entry of a list of named entries (an
 * object with a {@code name} member, as Plesk writes its limits: {@code <limit><name>disk_space</name><value>…}) can
 * also be read by its name, {@code limits.limit[disk_space].value}: their order differs between answers, so a
 * position would pick the wrong limit.
 */
final class JsonTree {

    private JsonTree() {}

    static SourcedRow row(SourceRef source, JsonNode node, String what) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!node.isObject()) {
            values.put("value", node.toString());
            return new SourcedRow(source, values, "is not " + what);
        }
        flatten("", node, values);
        return SourcedRow.of(source, values);
    }

    private static void flatten(String path, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                flatten(child, field.getValue(), into);
                JsonNode name = field.getValue().get("name");
                if (field.getValue().isObject() && name != null && name.isValueNode()) {
                    flatten(child + "[" + name.asText() + "]", field.getValue(), into);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                flatten(path + "[" + i + "]", element, into);
                JsonNode name = element.get("name");
                if (element.isObject() && name != null && name.isValueNode()) {
                    flatten(path + "[" + name.asText() + "]", element, into);
                }
            }
        } else {
            into.put(path, node.isNull() ? null : node.asText());
        }
    }
}
