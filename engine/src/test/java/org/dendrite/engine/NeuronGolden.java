package org.dendrite.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The committed NEURON 8.2.2 golden traces of models/validation/neuron/nrn822 (see its PROVENANCE.md): the 12
 * cases' CSV traces and JSON oracles, gzipped. They let the neuron-agreement tests run on a fresh clone.
 */
public final class NeuronGolden {
    private NeuronGolden() {}

    /** The 12 golden cases. */
    public static final List<String> CASES = List.of("case01_passive_cylinder_be", "case01_passive_cylinder_cn",
            "case02_ytree_pt3d", "case02_ytree_pt3d_interior", "case03_hh_ball_stick_cn",
            "case03_hh_ball_stick_notable", "case03_hh_ball_stick_table", "case04_hh_celsius37",
            "case04_hh_celsius6p3", "case05_expsyn_exp2syn_netstim", "case06_seclamp_hh", "case07_swc_c91662");

    public static Path dir() {
        return SharedData.projectRoot().resolve("models/validation/neuron/nrn822");
    }

    /** The uncompressed bytes of {@code NAME.csv} or {@code NAME.json} (stored as NAME.csv.gz / NAME.json.gz). */
    public static InputStream open(String name) throws IOException {
        return new GZIPInputStream(Files.newInputStream(dir().resolve(name + ".gz")), 1 << 16);
    }

    public static String text(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines(String name) {
        return text(name).lines().toList();
    }
}
