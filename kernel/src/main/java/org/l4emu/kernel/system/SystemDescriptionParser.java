package org.l4emu.kernel.system;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads XML system descriptions (docs/abi.md section 4): well-formedness and the bundled schema
 * {@code system.xsd} first, then the rules a schema cannot state. The first problem found is
 * reported; its message is one line.
 */
public final class SystemDescriptionParser {
    /** In this order: later checks rely on earlier ones (cycles need resolvable pagers). */
    private static final List<SemanticCheck> CHECKS = List.of(
            UniqueNames::check,
            References::check,
            RegionOverlaps::check,
            UserLayoutFit::check,
            PagerCycles::check);

    private SystemDescriptionParser() {}

    public static SystemDescription parse(Path xml) throws SystemDescriptionException {
        XmlElement root = ValidatingXmlReader.read(xml);
        DescriptionReader reader = new DescriptionReader(xml);
        SystemDescription description = reader.read(root);
        for (SemanticCheck check : CHECKS) {
            check.check(description, reader.positions());
        }
        return description;
    }
}
