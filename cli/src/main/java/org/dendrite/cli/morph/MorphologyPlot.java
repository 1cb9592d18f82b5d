package org.dendrite.cli.morph;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.dendrite.engine.morphology.Morphology;
import org.dendrite.engine.morphology.Section;

/** Projects a morphology on a plane and draws it as PNG (java.awt) or SVG (text). */
final class MorphologyPlot {
    private final Morphology m;
    private final int a, b;           // coordinate indices for the horizontal and vertical axes
    private final int size;
    private final String title;
    private final double scale, offA, offB;
    private static final int MARGIN = 40;

    MorphologyPlot(Morphology m, String plane, int size, String title) {
        this.m = m;
        this.a = plane.charAt(0) - 'x';
        this.b = plane.charAt(1) - 'x';
        this.size = size;
        this.title = title + " (" + plane + " projection)";
        double minA = Double.POSITIVE_INFINITY, maxA = Double.NEGATIVE_INFINITY;
        double minB = Double.POSITIVE_INFINITY, maxB = Double.NEGATIVE_INFINITY;
        for (Section s : m.sections()) {
            for (int k = 0; k < s.pointCount(); k++) {
                minA = Math.min(minA, c(s, k, a));
                maxA = Math.max(maxA, c(s, k, a));
                minB = Math.min(minB, c(s, k, b));
                maxB = Math.max(maxB, c(s, k, b));
            }
        }
        double span = Math.max(Math.max(maxA - minA, maxB - minB), 1e-9);
        scale = (size - 2.0 * MARGIN) / span;
        offA = MARGIN - minA * scale + ((size - 2.0 * MARGIN) - (maxA - minA) * scale) / 2;
        offB = MARGIN + maxB * scale + ((size - 2.0 * MARGIN) - (maxB - minB) * scale) / 2;
    }

    private static double c(Section s, int k, int axis) {
        return axis == 0 ? s.x(k) : axis == 1 ? s.y(k) : s.z(k);
    }

    private double px(Section s, int k) {
        return offA + c(s, k, a) * scale;
    }

    private double py(Section s, int k) {
        return offB - c(s, k, b) * scale;         // image y grows downwards
    }

    static Color color(int type) {
        return switch (type) {
            case 1 -> Color.BLACK;
            case 2 -> new Color(0x1f, 0x4e, 0xd8);
            case 3 -> new Color(0xd6, 0x27, 0x28);
            case 4 -> new Color(0x94, 0x3f, 0xbd);
            default -> new Color(0x2c, 0xa0, 0x2c);
        };
    }

    private double width(Section s, int k) {
        return Math.max(1.0, Math.abs(s.diam(k)) * scale);
    }

    void writePng(Path out) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        for (Section s : m.sections()) {
            g.setColor(color(s.type().code()));
            for (int k = 1; k < s.pointCount(); k++) {
                g.setStroke(new BasicStroke((float) width(s, k), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.drawLine((int) Math.round(px(s, k - 1)), (int) Math.round(py(s, k - 1)),
                        (int) Math.round(px(s, k)), (int) Math.round(py(s, k)));
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString(title, 10, 20);
        drawScaleBar(g);
        g.dispose();
        // atomically: a full disk or an unwritable folder leaves no half-written PNG
        org.dendrite.io.output.AtomicFiles.write(out, o -> {
            if (!ImageIO.write(img, "png", o)) throw new IOException("no PNG writer in this JVM");
        });
    }

    private double scaleBarUm() {
        double target = (size - 2.0 * MARGIN) / 5 / scale;
        double p = Math.pow(10, Math.floor(Math.log10(target)));
        for (double f : new double[] {5, 2, 1}) if (f * p <= target) return f * p;
        return p;
    }

    private void drawScaleBar(Graphics2D g) {
        double um = scaleBarUm();
        int len = (int) Math.round(um * scale);
        g.setStroke(new BasicStroke(2));
        g.drawLine(10, size - 15, 10 + len, size - 15);
        g.drawString(fmt(um) + " um", 14 + len, size - 10);
    }

    void writeSvg(Path out) throws IOException {
        org.dendrite.io.output.AtomicFiles.write(out, o -> writeSvg(new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8)));
    }

    private void writeSvg(Writer w0) throws IOException {
        try (Writer w = new java.io.BufferedWriter(w0)) {
            w.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + size + "\" height=\"" + size
                    + "\" viewBox=\"0 0 " + size + " " + size + "\">\n");
            w.write("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
            w.write("<title>" + escape(title) + "</title>\n");
            w.write("<g stroke-linecap=\"round\" fill=\"none\">\n");
            for (Section s : m.sections()) {
                Color col = color(s.type().code());
                String stroke = String.format("#%02x%02x%02x", col.getRed(), col.getGreen(), col.getBlue());
                for (int k = 1; k < s.pointCount(); k++) {
                    w.write("<line x1=\"" + fmt(px(s, k - 1)) + "\" y1=\"" + fmt(py(s, k - 1)) + "\" x2=\""
                            + fmt(px(s, k)) + "\" y2=\"" + fmt(py(s, k)) + "\" stroke=\"" + stroke
                            + "\" stroke-width=\"" + fmt(width(s, k)) + "\"><title>" + escape(s.name())
                            + "</title></line>\n");
                }
            }
            w.write("</g>\n");
            double um = scaleBarUm();
            w.write("<text x=\"10\" y=\"20\" font-family=\"sans-serif\" font-size=\"14\" fill=\"#444\">"
                    + escape(title) + "</text>\n");
            w.write("<line x1=\"10\" y1=\"" + (size - 15) + "\" x2=\"" + fmt(10 + um * scale) + "\" y2=\""
                    + (size - 15) + "\" stroke=\"#444\" stroke-width=\"2\"/>\n");
            w.write("<text x=\"" + fmt(14 + um * scale) + "\" y=\"" + (size - 10) + "\" font-family=\"sans-serif\""
                    + " font-size=\"12\" fill=\"#444\">" + fmt(um) + " um</text>\n");
            w.write("</svg>\n");
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
