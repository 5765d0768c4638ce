package org.liuhua.manual.card;

import java.io.IOException;
import java.io.InputStream;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * The font printed cards use: WenQuanYi Micro Hei (Apache-2.0, {@code fonts/wqy-microhei.ttc}, see the NOTICE beside
 * it), a TrueType font covering GB 2312/GBK Chinese and Latin. The file is read once; each rendering opens its own
 * parse of it (PDFBox fonts are not shared between threads) and embeds only the glyphs it uses.
 */
public final class CardFont {

    static final String RESOURCE = "/fonts/wqy-microhei.ttc";
    private static final AtomicReference<CardFont> SHARED = new AtomicReference<>();

    static final int POOL = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));

    private final byte[] bytes;
    private final java.util.concurrent.BlockingQueue<TrueTypeFont> idle =
            new java.util.concurrent.ArrayBlockingQueue<>(POOL);
    private final BitSet printable = new BitSet(0x10000);

    private CardFont(byte[] bytes) throws IOException {
        this.bytes = bytes;
        try (TrueTypeCollection collection = open()) {
            CmapLookup cmap = first(collection).getUnicodeCmapLookup();
            for (int cp = 0x20; cp < 0x10000; cp++) {
                if (cmap.getGlyphId(cp) > 0) {
                    printable.set(cp);
                }
            }
        }
        printable.set(' ');
    }

    /** The font, read from the class path once per JVM. */
    public static CardFont shared() {
        CardFont font = SHARED.get();
        if (font != null) {
            return font;
        }
        try (InputStream in = CardFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the card font " + RESOURCE + " is missing from the class path");
            }
            SHARED.compareAndSet(null, new CardFont(in.readAllBytes()));
            return SHARED.get();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the card font", e);
        }
    }

    /** Whether the font has a glyph for the code point (what a card may contain). */
    public boolean printable(int codePoint) {
        return codePoint >= 0 && codePoint < 0x10000 && printable.get(codePoint);
    }

    /**
     * Lends a parsed face for one rendering (parsing costs far more than rendering a card, and a PDFBox font must
     * not be used by two threads at once): at most {@link #POOL} parses are kept; the borrower gives it back with
     * {@link #giveBack}.
     */
    TrueTypeFont borrow() throws IOException {
        TrueTypeFont face = idle.poll();
        if (face != null) {
            return face;
        }
        TrueTypeCollection collection = open();
        return first(collection);
    }

    void giveBack(TrueTypeFont face) {
        if (!idle.offer(face)) {
            try {
                face.close();
            } catch (IOException ignored) {
                // a parse from memory has nothing to release
            }
        }
    }

    /** A fresh parse of the font collection; the caller closes it after saving the document that uses it. */
    TrueTypeCollection open() throws IOException {
        return new TrueTypeCollection(new java.io.ByteArrayInputStream(bytes));
    }

    /** The proportional face (the collection's first font; the second is the monospaced one). */
    static TrueTypeFont first(TrueTypeCollection collection) throws IOException {
        AtomicReference<TrueTypeFont> first = new AtomicReference<>();
        collection.processAllFonts(font -> first.compareAndSet(null, font));
        return first.get();
    }
}
