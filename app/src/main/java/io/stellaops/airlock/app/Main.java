package io.stellaops.airlock.app;

import io.stellaops.airlock.app.cli.AirlockCli;
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
            GuiLauncher.launch(args);
            return;
        }
        System.exit(AirlockCli.run(args));
    }
}
