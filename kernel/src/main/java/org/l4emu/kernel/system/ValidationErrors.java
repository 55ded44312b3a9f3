package org.l4emu.kernel.system;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Stops parsing at the first problem. For a bad attribute value Xerces reports the broken facet
 * first ("value does not match pattern ...") and then the attribute it belongs to; the second
 * is the one worth showing, so the first is held back until it is clear none follows.
 */
final class ValidationErrors implements ErrorHandler {
    private SAXParseException pending;

    @Override
    public void warning(SAXParseException warning) {
        // Warnings (none arise from this schema) do not make a description unusable.
    }

    @Override
    public void error(SAXParseException error) throws SAXParseException {
        if (SchemaMessages.isFacetDetail(error.getMessage())) {
            if (pending == null) {
                pending = error;
            }
            return;
        }
        throw error;
    }

    @Override
    public void fatalError(SAXParseException error) throws SAXParseException {
        throw error;
    }

    /** Throws the held-back error, if one was never followed by a better one. */
    void throwPending() throws SAXParseException {
        if (pending != null) {
            throw pending;
        }
    }
}
