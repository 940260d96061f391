package io.stellaops.airlock.app.ui.controls;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.image.Image;

/**
 * The PNG icons rendered by {@code icons/render.sh} into {@code io/stellaops/airlock/app/ui/icons}.
 * In-app icons are 16 px with a 32 px {@code @2x} twin, which JavaFX picks on HiDPI screens by
 * itself; each is loaded once and shared, as an {@link Image} is immutable.
 */
public final class IconImages {

    /** The sizes of the application icon the window offers the desktop, smallest first. */
    public static final List<Integer> WINDOW_SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private static final String FOLDER = "/io/stellaops/airlock/app/ui/icons/";
    private static final Map<String, Image> CACHE = new ConcurrentHashMap<>();

    private IconImages() {
    }

    /** An in-app icon by its source name, for example {@code verdict-passed}. */
    public static Image named(String name) {
        return CACHE.computeIfAbsent(name, IconImages::load);
    }

    /** The application icon in every size of {@link #WINDOW_SIZES}, for {@code Stage.getIcons()}. */
    public static List<Image> window() {
        return WINDOW_SIZES.stream().map(size -> named("airlock-" + size)).toList();
    }

    private static Image load(String name) {
        URL url = IconImages.class.getResource(FOLDER + name + ".png");
        if (url == null) {
            throw new IllegalArgumentException("no icon " + FOLDER + name + ".png (run icons/render.sh)");
        }
        return new Image(url.toExternalForm());
    }
}
