package io.stellaops.airlock.app;

import io.stellaops.airlock.app.cli.AirlockCli;
import io.stellaops.airlock.app.cli.VersionText;
import io.stellaops.airlock.app.ui.GuiLauncher;

/**
 * {@code airlock}: with no arguments it opens the wizard, with a subcommand it runs headless. The
 * GUI classes are only touched on the first path, so the command line never loads JavaFX.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            if (!hasDisplay()) {
                System.err.println("airlock: no display to open the wizard on; run a subcommand instead (airlock --help)");
                System.exit(1);
            }
            GuiLauncher.launch(args);
            return;
        }
        if (VersionText.isVersionRequest(args)) {
            // Same lines as picocli's --version, without building the whole command tree first.
            VersionText.lines().forEach(System.out::println);
            System.exit(0);
        }
        System.exit(AirlockCli.run(args));
    }

    /** Linux and other X11/Wayland systems need a display; Windows and macOS always have one. */
    private static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return !System.getenv().getOrDefault("DISPLAY", "").isBlank() || !System.getenv().getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    }
}
