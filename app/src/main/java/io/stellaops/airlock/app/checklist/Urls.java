package io.stellaops.airlock.app.checklist;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.URLEncoder;
import java.util.Map;
import java.util.StringJoiner;

/** API paths appended to a configured base URL, which may carry a path prefix (a gateway's route). */
final class Urls {
    private Urls() {
    }

    static URI resolve(URI base, String path) {
        return resolve(base, path, Map.of());
    }

    /** {@code base} + {@code path} (which starts with '/'), with the query parameters form-encoded in order. */
    static URI resolve(URI base, String path, Map<String, String> query) {
        String prefix = base.getRawPath() == null ? "" : base.getRawPath();
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        StringJoiner parameters = new StringJoiner("&", "?", "");
        parameters.setEmptyValue("");
        query.forEach((name, value) -> parameters.add(URLEncoder.encode(name, UTF_8) + "=" + URLEncoder.encode(value, UTF_8)));
        String authority = base.getRawAuthority();
        return URI.create(base.getScheme() + "://" + authority + prefix + path + parameters);
    }
}
