package org.l4emu.kernel.system;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects SAX events into {@link XmlElement}s, recording the line of each start tag. Only the
 * line: SAX knows where a tag ends, not where it starts, so a column would point at its '>'.
 */
final class ElementTreeBuilder extends DefaultHandler {
    /** An element whose children are still being read. */
    private record Open(String name, Map<String, String> attributes, SourcePosition position,
                        List<XmlElement> children) {}

    private final String file;
    private final Deque<Open> open = new ArrayDeque<>();
    private Locator locator;
    private XmlElement root;

    ElementTreeBuilder(String file) {
        this.file = file;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qualifiedName, Attributes attributes) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            values.put(attributes.getQName(i), attributes.getValue(i).strip());
        }
        open.push(new Open(qualifiedName, values, position(), new ArrayList<>()));
    }

    @Override
    public void endElement(String uri, String localName, String qualifiedName) {
        Open closed = open.pop();
        XmlElement element = new XmlElement(closed.name(), closed.attributes(), closed.position(), closed.children());
        if (open.isEmpty()) {
            root = element;
        } else {
            open.peek().children().add(element);
        }
    }

    /** The document element once the whole document has been read. */
    XmlElement root() {
        return root;
    }

    private SourcePosition position() {
        return new SourcePosition(file, locator == null ? 0 : locator.getLineNumber(), 0);
    }
}
