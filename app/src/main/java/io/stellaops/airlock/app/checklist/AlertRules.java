package io.stellaops.airlock.app.checklist;

import com.fasterxml.jackson.databind.JsonNode;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.manifest.JsonFields;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** The alert names of a Prometheus rules file ({@code groups[].rules[].alert}), in file order. */
final class AlertRules {
    private AlertRules() {
    }

    /** @throws BundleException when the file is missing, not YAML, or not a rules file */
    static Set<String> alertNames(Path file) throws BundleException {
        JsonFields json = new JsonFields(String.valueOf(file.getFileName()));
        JsonNode groups = json.array(json.object(StrictYaml.read(file, json), "rules file"), "", "groups");
        Set<String> names = new LinkedHashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            String path = "groups[" + g + "]";
            JsonNode rules = json.array(json.object(groups.get(g), path), path, "rules");
            for (int r = 0; r < rules.size(); r++) {
                JsonNode rule = json.object(rules.get(r), path + ".rules[" + r + "]");
                if (rule.has("alert")) {
                    names.add(json.text(rule, path + ".rules[" + r + "]", "alert"));
                }
            }
        }
        if (names.isEmpty()) {
            throw json.refused("defines no alert");
        }
        return names;
    }
}
