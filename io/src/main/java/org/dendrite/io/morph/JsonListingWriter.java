package org.dendrite.io.morph;

import java.io.IOException;
import java.io.Writer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;

/**
 * Writes a morphology as a JSON section listing in the spirit of NeuroML2's {@code <morphology>}: one entry per
 * section, in connection order, with its NEURON name, SWC type, parent and attachment position, its 3-D points
 * {@code [x, y, z, diam]} (um, the stored float values), L (um) and membrane area at nseg 1 (um2). The reader's
 * notes go along.
 */
public final class JsonListingWriter {
    private JsonListingWriter() {}

    public static void write(Morphology m, Writer out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("source", m.source());
            g.writeStringField("units", "um");
            g.writeStringField("section_order", "connection order (NEURON connects sections in this order)");
            g.writeArrayFieldStart("sections");
            for (Section s : m.sections()) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeNumberField("type", s.type().code());
                if (s.parent() < 0) {
                    g.writeNullField("parent");
                    g.writeNullField("parent_x");
                } else {
                    g.writeStringField("parent", m.section(s.parent()).name());
                    g.writeNumberField("parent_x", s.parentX());
                }
                g.writeNumberField("L_um", SectionGeometry.length(s));
                g.writeNumberField("area_nseg1_um2", SectionGeometry.area(s, 1));
                g.writeArrayFieldStart("points");
                for (int k = 0; k < s.pointCount(); k++) {
                    g.writeStartArray();
                    g.writeNumber(s.x(k));
                    g.writeNumber(s.y(k));
                    g.writeNumber(s.z(k));
                    g.writeNumber(s.diam(k));
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (String n : m.notes()) g.writeString(n);
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
