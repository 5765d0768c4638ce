package org.liuhua.manual.card;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.liuhua.manual.card.domain.Card;

/**
 * Prints a card on one A4 page (M-5): title, owner, post, kind, revision and date at the top with a QR code that
 * opens the card's mobile page, then each part under its heading with numbered lines, in the embedded Chinese font.
 * The text shrinks until everything fits the page (the card's own limits make sure it can). Plain Java: a benchmark
 * builds one with {@link #CardRenderer(CardFont)} and calls {@link #render(Print)}.
 */
public class CardRenderer {

    /** What goes on the page, independent of the aggregate (benchmarks and previews build it directly). */
    public record Print(String title, String kindTitle, String ownerName, String postName, int revision,
                        LocalDate date, Map<String, List<String>> parts, String url) {
    }

    static final float MARGIN = 36f;
    static final float QR_SIZE = 96f;
    static final float MAX_SIZE = 12f;
    static final float MIN_SIZE = 6f;
    static final float LEADING = 1.35f;

    private final CardFont font;

    public CardRenderer(CardFont font) {
        this.font = font;
    }

    /** The print of a card: its parts under their printed headings. */
    public static Print print(Card card, String url, LocalDate date) {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        card.parts().forEach((key, lines) -> parts.put(card.kind().heading(key), lines));
        return new Print(card.title(), card.kind().title(), card.ownerName(), card.postName(), card.revision(), date,
                parts, url);
    }

    /** One page of A4 as PDF bytes. */
    public byte[] render(Print print) {
        TrueTypeFont parsed;
        try {
            parsed = font.borrow();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the card font", e);
        }
        try (PDDocument document = new PDDocument()) {
            PDType0Font face = PDType0Font.load(document, parsed, true);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            document.getDocumentInformation().setTitle(print.title());
            document.getDocumentInformation().setSubject(print.kindTitle());
            document.getDocumentInformation().setCreator("Liuhua manual-service");
            float width = page.getMediaBox().getWidth();
            float height = page.getMediaBox().getHeight();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float top = height - MARGIN;
                drawQr(content, print.url(), width - MARGIN - QR_SIZE, top - QR_SIZE);
                float headerWidth = width - 2 * MARGIN - QR_SIZE - 12;
                float y = top;
                float titleSize = 20;
                while (titleSize > 12 && text(face, print.title(), titleSize) > headerWidth) {
                    titleSize -= 1;
                }
                for (String line : wrap(face, print.title(), titleSize, headerWidth)) {
                    y -= titleSize * 1.2f;
                    show(content, face, titleSize, MARGIN, y, line);
                }
                y -= 6;
                List<String> facts = new ArrayList<>();
                if (print.ownerName() != null) {
                    facts.add("单位：" + print.ownerName());
                }
                if (print.postName() != null) {
                    facts.add("岗位：" + print.postName());
                }
                facts.add(print.kindTitle() + "　第 " + print.revision() + " 版　" + print.date());
                for (String fact : facts) {
                    for (String line : wrap(face, fact, 10, headerWidth)) {
                        y -= 14;
                        show(content, face, 10, MARGIN, y, line);
                    }
                }
                float bodyTop = Math.min(y, top - QR_SIZE - 14) - 10;
                show(content, face, 7, width - MARGIN - QR_SIZE, top - QR_SIZE - 10, "扫码在手机上查看");
                content.setStrokingColor(0.2f, 0.2f, 0.2f);
                content.moveTo(MARGIN, bodyTop + 4);
                content.lineTo(width - MARGIN, bodyTop + 4);
                content.stroke();

                float footerTop = MARGIN + 24;
                float bodyWidth = width - 2 * MARGIN;
                float size = MAX_SIZE;
                while (size > MIN_SIZE && bodyHeight(face, print.parts(), size, bodyWidth) > bodyTop - footerTop) {
                    size -= 0.5f;
                }
                if (bodyHeight(face, print.parts(), size, bodyWidth) > bodyTop - footerTop) {
                    throw new IllegalStateException("card '" + print.title() + "' does not fit one page");
                }
                y = bodyTop;
                for (Map.Entry<String, List<String>> part : print.parts().entrySet()) {
                    float headingSize = size + 1.5f;
                    y -= headingSize * LEADING + 4;
                    content.setNonStrokingColor(0.87f, 0.91f, 0.97f);
                    content.addRect(MARGIN, y - headingSize * 0.35f, bodyWidth, headingSize * LEADING);
                    content.fill();
                    content.setNonStrokingColor(0.05f, 0.15f, 0.4f);
                    show(content, face, headingSize, MARGIN + 4, y, part.getKey());
                    content.setNonStrokingColor(0f, 0f, 0f);
                    y -= 2;
                    int n = 1;
                    for (String line : part.getValue()) {
                        String number = n++ + ". ";
                        float indent = text(face, number, size);
                        boolean first = true;
                        for (String wrapped : wrap(face, line, size, bodyWidth - 8 - indent)) {
                            y -= size * LEADING;
                            if (first) {
                                show(content, face, size, MARGIN + 4, y, number);
                                first = false;
                            }
                            show(content, face, size, MARGIN + 4 + indent, y, wrapped);
                        }
                    }
                }
                content.setNonStrokingColor(0.35f, 0.35f, 0.35f);
                show(content, face, 7, MARGIN, MARGIN + 10, "扫描右上角二维码在手机上查看本卡最新版本：" + print.url());
                show(content, face, 7, MARGIN, MARGIN, "六化安全生产监管平台 · 手册化 · 岗位员工应按卡作业、依卡操作");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot render card '" + print.title() + "'", e);
        } finally {
            font.giveBack(parsed);
        }
    }

    /** Renders the same card {@code count} times and answers cards per second (a benchmark's inner loop). */
    public double cardsPerSecond(Print print, int count) {
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            render(print);
        }
        return count / ((System.nanoTime() - started) / 1e9);
    }

    private static float bodyHeight(PDType0Font face, Map<String, List<String>> parts, float size, float width)
            throws IOException {
        float height = 0;
        for (Map.Entry<String, List<String>> part : parts.entrySet()) {
            height += (size + 1.5f) * LEADING + 6;
            int n = 1;
            for (String line : part.getValue()) {
                float indent = text(face, n++ + ". ", size);
                height += wrap(face, line, size, width - 8 - indent).size() * size * LEADING;
            }
        }
        return height;
    }

    static List<String> wrap(PDType0Font face, String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float used = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            float w = text(face, ch, size);
            if (used + w > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.append(ch);
            used += w;
            i += Character.charCount(cp);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float text(PDType0Font face, String text, float size) throws IOException {
        return face.getStringWidth(text) / 1000f * size;
    }

    private static void show(PDPageContentStream content, PDType0Font face, float size, float x, float y,
                             String text) throws IOException {
        content.beginText();
        content.setFont(face, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private static void drawQr(PDPageContentStream content, String url, float x, float y) throws IOException {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 2);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode " + url + " as a QR code", e);
        }
        float module = QR_SIZE / matrix.getWidth();
        content.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    content.addRect(x + col * module, y + QR_SIZE - (row + 1) * module, module, module);
                }
            }
        }
        content.fill();
    }
}
