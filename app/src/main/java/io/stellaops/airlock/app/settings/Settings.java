package io.stellaops.airlock.app.settings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the wizard remembers between runs: the last folder per purpose (bundle, source, output,
 * TLS ...), the last kit, the trust policy, the kubeconfig and context, the theme and the language.
 * Immutable; the {@code with...} methods return a changed copy.
 *
 * @param folders     the last folder chosen, per purpose
 * @param kit         the last Offline Kit folder
 * @param trustPolicy the last trust policy (file or folder of keys)
 * @param kubeconfig  the last kubeconfig file
 * @param context     the last kubeconfig context
 * @param theme       {@code light} or {@code dark}
 * @param language    a language tag such as {@code de}, if the user chose one
 */
public record Settings(Map<String, Path> folders, Optional<Path> kit, Optional<Path> trustPolicy,
        Optional<Path> kubeconfig, Optional<String> context, String theme, Optional<String> language) {

    public static final String LIGHT = "light";
    public static final String DARK = "dark";

    public Settings {
        folders = Map.copyOf(new TreeMap<>(folders));
        Objects.requireNonNull(kit, "kit");
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        Objects.requireNonNull(kubeconfig, "kubeconfig");
        Objects.requireNonNull(context, "context");
        theme = DARK.equals(theme) ? DARK : LIGHT;
        Objects.requireNonNull(language, "language");
    }

    public static Settings defaults() {
        return new Settings(Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), LIGHT,
                Optional.empty());
    }

    public Optional<Path> folder(String purpose) {
        return Optional.ofNullable(folders.get(purpose));
    }

    public Settings withFolder(String purpose, Path folder) {
        Map<String, Path> changed = new TreeMap<>(folders);
        changed.put(purpose, folder);
        return new Settings(changed, kit, trustPolicy, kubeconfig, context, theme, language);
    }

    public Settings withKit(Path value) {
        return new Settings(folders, Optional.of(value), trustPolicy, kubeconfig, context, theme, language);
    }

    public Settings withTrustPolicy(Path value) {
        return new Settings(folders, kit, Optional.of(value), kubeconfig, context, theme, language);
    }

    public Settings withCluster(Path file, String name) {
        return new Settings(folders, kit, trustPolicy, Optional.of(file), Optional.ofNullable(name), theme, language);
    }

    public Settings withTheme(String value) {
        return new Settings(folders, kit, trustPolicy, kubeconfig, context, value, language);
    }

    public Settings withLanguage(String value) {
        return new Settings(folders, kit, trustPolicy, kubeconfig, context, theme, Optional.ofNullable(value));
    }
}
