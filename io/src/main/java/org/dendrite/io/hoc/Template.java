package org.dendrite.io.hoc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A class defined by {@code begintemplate ... endtemplate}. */
final class Template {
    final String name;
    /** Template-level declarations (objref, strdef, double, create): made afresh for every instance. */
    final List<Ast.Stmt> declarations = new ArrayList<>();
    /** Other template-level statements: run once when the template is defined (as NEURON does). */
    final List<Ast.Stmt> definitionStatements = new ArrayList<>();
    /** Variables those statements created implicitly: every instance has them, starting at 0. */
    final List<String> implicitNumbers = new ArrayList<>();
    final Map<String, Procedure> procs = new HashMap<>();
    final Set<String> publics = new LinkedHashSet<>();
    final Set<String> externals = new LinkedHashSet<>();
    /** Index the next instance gets ({@code Name[index]}). */
    int nextIndex;
    final List<TemplateObject> instances = new ArrayList<>();

    Template(String name) {
        this.name = name;
    }
}
