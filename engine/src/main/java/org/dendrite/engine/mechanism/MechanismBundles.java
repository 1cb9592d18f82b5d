package org.dendrite.engine.mechanism;

import java.util.List;
import java.util.Set;

/**
 * A provider of named mechanism bundles found at run time with {@link java.util.ServiceLoader}: the engine reads
 * no files, so bundles written in NMODL (dendrite's own .mod files of the Hay and Allen libraries, compiled by
 * the io module) reach {@link MechanismLibrary#named} through this interface.
 */
public interface MechanismBundles {
    /** The bundle names this provider offers (e.g. {@code hay-nmodl}). */
    Set<String> names();

    /** The bundle's types in registration order. */
    List<MechanismType> load(String name);
}
