package org.l4emu.kernel.system;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An element of a validated description: just what the model needs, plus where it was written. */
record XmlElement(String name, Map<String, String> attributes, SourcePosition position, List<XmlElement> children) {
    XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    Optional<String> attribute(String attributeName) {
        return Optional.ofNullable(attributes.get(attributeName));
    }

    /** An attribute the schema makes mandatory. */
    String required(String attributeName) {
        String value = attributes.get(attributeName);
        if (value == null) {
            throw new IllegalStateException("schema let <" + name + "> without " + attributeName + " through");
        }
        return value;
    }

    List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }
}
