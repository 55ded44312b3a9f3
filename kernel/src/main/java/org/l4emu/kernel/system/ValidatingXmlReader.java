package org.l4emu.kernel.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Reads a system description into {@link XmlElement}s in one SAX pass through the schema
 * validator. DOCTYPEs are refused outright, so no entity, internal or external, is ever expanded.
 */
final class ValidatingXmlReader {
    private static final String SCHEMA_RESOURCE = "system.xsd";
    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    /** Xerces localises its messages; SchemaMessages understands the English ones. */
    private static final String MESSAGE_LOCALE = "http://apache.org/xml/properties/locale";

    private static final Schema SCHEMA = loadSchema();

    private ValidatingXmlReader() {}

    static XmlElement read(Path xml) throws SystemDescriptionException {
        String file = xml.toString();
        ElementTreeBuilder tree = new ElementTreeBuilder(file);
        ValidationErrors errors = new ValidationErrors();
        try (InputStream in = Files.newInputStream(xml)) {
            newReader(tree, errors).parse(new InputSource(in));
            errors.throwPending();
        } catch (NoSuchFileException e) {
            throw new SystemDescriptionException("no such file: " + file);
        } catch (AccessDeniedException e) {
            throw new SystemDescriptionException("cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new SystemDescriptionException("cannot read " + file + ": " + e.getMessage());
        } catch (SAXParseException e) {
            // Like ElementTreeBuilder's, schema positions are tag ends: only the line is meaningful.
            int column = SchemaMessages.isSchemaViolation(e.getMessage()) ? 0 : e.getColumnNumber();
            throw new SourcePosition(file, e.getLineNumber(), column).error(SchemaMessages.readable(e.getMessage()));
        } catch (SAXException e) {
            throw new SystemDescriptionException(file + ": " + SchemaMessages.readable(e.getMessage()));
        }
        return tree.root();
    }

    private static XMLReader newReader(ElementTreeBuilder tree, ValidationErrors errors) throws SAXException {
        ValidatorHandler validator = SCHEMA.newValidatorHandler();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setProperty(MESSAGE_LOCALE, Locale.ENGLISH);
        validator.setErrorHandler(errors);
        validator.setContentHandler(tree);

        XMLReader reader = newSecureXmlReader();
        reader.setProperty(MESSAGE_LOCALE, Locale.ENGLISH);
        reader.setErrorHandler(errors);
        reader.setContentHandler(validator);
        return reader;
    }

    private static XMLReader newSecureXmlReader() throws SAXException {
        // The JDK's own parser, whatever else is on the class path: it knows these features.
        SAXParserFactory factory = SAXParserFactory.newDefaultNSInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
            factory.setXIncludeAware(false);
            return factory.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser lacks a security feature", e);
        }
    }

    private static Schema loadSchema() {
        URL schema = ValidatingXmlReader.class.getResource(SCHEMA_RESOURCE);
        if (schema == null) {
            throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the class path");
        }
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(schema);
        } catch (SAXException e) {
            throw new IllegalStateException("bundled " + SCHEMA_RESOURCE + " is invalid: " + e.getMessage(), e);
        }
    }
}
