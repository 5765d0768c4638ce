package org.liuhua.manual.card;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a printed card back: its pages, its text (PDFBox), its QR code (ZXing), and a picture of it (an artifact). */
public final class PdfChecks {

    /** What a card's PDF says when read back. */
    public record ReadBack(int pages, String text, String qr, Path png, float widthPt, float heightPt) {
    }

    private PdfChecks() {
    }

    public static ReadBack read(byte[] pdf, String artifactName) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
            Path dir = Path.of("target", "card-artifacts");
            Files.createDirectories(dir);
            Path png = dir.resolve(artifactName + ".png");
            ImageIO.write(image, "png", png.toFile());
            Files.write(dir.resolve(artifactName + ".pdf"), pdf);
            Result qr = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return new ReadBack(document.getNumberOfPages(), text, qr.getText(), png,
                    document.getPage(0).getMediaBox().getWidth(), document.getPage(0).getMediaBox().getHeight());
        }
    }

    /** Text extraction may break lines anywhere; compare without whitespace. */
    public static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }
}
