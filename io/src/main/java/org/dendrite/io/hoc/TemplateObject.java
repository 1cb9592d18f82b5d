package org.dendrite.io.hoc;

import java.util.HashMap;
import java.util.Map;

/** An instance of a user template: its own variables, sections and object references. */
final class TemplateObject extends HocObject {
    final Template template;
    final Map<String, Symbol> fields = new HashMap<>();

    TemplateObject(Template template, int index) {
        super(template.name, index);
        this.template = template;
    }
}
