package io.stellaops.airlock.app.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Writes a JavaFX snapshot as PNG through java.desktop's ImageIO, because SwingFXUtils lives
 * in javafx-swing, which the app does not depend on.
 */
final class PngSnapshots {

    private PngSnapshots() {
    }

    static void write(WritableImage image, Path target) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        var buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        buffered.setRGB(0, 0, width, height, argb, 0, width);
        Files.createDirectories(target.toAbsolutePath().getParent());
        if (!ImageIO.write(buffered, "png", target.toFile())) {
            throw new IOException("no PNG writer available for " + target);
        }
    }
}
