package org.l4emu.kernel.boot;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.l4emu.emulator.elf.ElfFormatException;
import org.l4emu.emulator.elf.ElfImage;
import org.l4emu.kernel.system.SystemDescription;
import org.l4emu.kernel.system.TaskSpec;

/**
 * Every ELF image a description names, read and checked against its architecture before any
 * machine exists, so that bad input never costs an emulator start-up.
 */
public final class ImageSet {
    private final Map<Path, ElfImage> images;

    private ImageSet(Map<Path, ElfImage> images) {
        this.images = images;
    }

    public static ImageSet load(SystemDescription description) throws BootException {
        Map<Path, ElfImage> images = new HashMap<>();
        for (TaskSpec task : description.tasks()) {
            Path path = task.image();
            if (images.containsKey(path)) {
                continue;
            }
            ElfImage image;
            try {
                image = ElfImage.read(path);
            } catch (ElfFormatException e) {
                throw new BootException(e.getMessage());
            }
            if (image.architecture() != description.arch()) {
                throw new BootException(path + ": image is for " + image.architecture().xmlName()
                        + " but the system is " + description.arch().xmlName());
            }
            images.put(path, image);
        }
        ImageSet set = new ImageSet(images);
        RegionsClearOfImages.check(description, set);
        return set;
    }

    /**
     * Every task of {@code description} loads {@code image}, whatever its image path says: for
     * systems on a scripted machine, which executes no code and so needs no file.
     */
    public static ImageSet sameForAll(SystemDescription description, ElfImage image) throws BootException {
        Map<Path, ElfImage> images = new HashMap<>();
        for (TaskSpec task : description.tasks()) {
            images.put(task.image(), image);
        }
        ImageSet set = new ImageSet(images);
        RegionsClearOfImages.check(description, set);
        return set;
    }

    public ElfImage image(TaskSpec task) {
        return images.get(task.image());
    }
}
