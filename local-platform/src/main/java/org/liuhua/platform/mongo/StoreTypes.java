package org.liuhua.platform.mongo;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the stand-in's maps store and order their entries. mongo-java-server's H2 backend opens every map with H2's
 * {@link ObjectDataType}, which orders a {@link KeyValue} (the key of every unique index, {@code _id} included) by
 * serializing both sides with Java serialization on every comparison, and stores every document with Java
 * serialization: on the demo load that was about half of the store's CPU (docs/adr/0015). These types order index keys
 * and document ids with mongo-java-server's own {@link ValueComparator} (the order MongoDB gives them) and store
 * documents and keys as BSON; whatever BSON cannot hold (mongo-java-server's {@link Missing}) falls back to the old
 * Java serialization, marked by a leading tag byte.
 */
final class StoreTypes {

    private static final byte JAVA = 0;
    private static final byte BSON = 1;
    private static final byte MISSING = 0x7E;

    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    private StoreTypes() {
    }

    /** The next {@code length} bytes of a page being read, without copying them where the page is on the heap. */
    private static ByteBuf take(ByteBuffer buffer, int length) {
        ByteBuf bytes;
        if (buffer.hasArray()) {
            bytes = Unpooled.wrappedBuffer(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
        } else {
            byte[] copy = new byte[length];
            buffer.duplicate().get(copy);
            bytes = Unpooled.wrappedBuffer(copy);
        }
        buffer.position(buffer.position() + length);
        return bytes;
    }

    /** The key of a collection's data map: the document's {@code _id}. */
    static final class Ids extends BasicDataType<Object> {
        private final ObjectDataType plain = new ObjectDataType();

        @Override
        public int compare(Object a, Object b) {
            return ORDER.compare(a, b);
        }

        @Override
        public int getMemory(Object id) {
            return plain.getMemory(id);
        }

        @Override
        public void write(WriteBuffer buffer, Object id) {
            plain.write(buffer, id);
        }

        @Override
        public Object read(ByteBuffer buffer) {
            return plain.read(buffer);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    /** The key of a unique index: the indexed values of one document, in the index's field order. */
    static final class Keys extends BasicDataType<KeyValue> {
        private final ObjectDataType plain = new ObjectDataType();

        @Override
        public int compare(KeyValue a, KeyValue b) {
            int n = Math.min(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                int c = ORDER.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        @Override
        public int getMemory(KeyValue key) {
            return 48 + 40 * key.size();
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            ByteBuf out = Unpooled.buffer(64);
            try {
                for (Object value : key) {
                    if (value instanceof Missing) {
                        out.writeByte(MISSING);
                    } else {
                        byte type = BsonEncoder.determineType(value);
                        out.writeByte(type);
                        BsonEncoder.encodeValue(type, value, out);
                    }
                }
            } catch (IllegalArgumentException notBson) {
                buffer.put(JAVA);
                plain.write(buffer, key);
                return;
            }
            buffer.put(BSON).putVarInt(key.size()).putVarInt(out.readableBytes());
            buffer.put(ByteBuffer.wrap(out.array(), out.arrayOffset() + out.readerIndex(), out.readableBytes()));
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            if (buffer.get() == JAVA) {
                return (KeyValue) plain.read(buffer);
            }
            int size = DataUtils.readVarInt(buffer);
            ByteBuf in = take(buffer, DataUtils.readVarInt(buffer));
            Object[] values = new Object[size];
            for (int i = 0; i < size; i++) {
                byte type = in.readByte();
                values[i] = type == MISSING ? Missing.getInstance() : BsonDecoder.decodeValue(type, in);
            }
            return new KeyValue(values);
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }

    /** A stored document. */
    static final class Documents extends BasicDataType<Document> {
        private final ObjectDataType plain = new ObjectDataType();
        /** A running estimate of a document's size in memory, for the page cache's accounting. */
        private volatile int averageMemory = 2048;

        @Override
        public int compare(Document a, Document b) {
            return a.equals(b) ? 0 : Integer.compare(System.identityHashCode(a), System.identityHashCode(b));
        }

        @Override
        public int getMemory(Document document) {
            return averageMemory;
        }

        @Override
        public void write(WriteBuffer buffer, Document document) {
            ByteBuf out = Unpooled.buffer(512);
            try {
                BsonEncoder.encodeDocument(document, out);
            } catch (IllegalArgumentException notBson) {
                buffer.put(JAVA);
                plain.write(buffer, document);
                return;
            }
            int length = out.readableBytes();
            averageMemory = (averageMemory * 31 + 3 * length) / 32;
            buffer.put(BSON).putVarInt(length);
            buffer.put(ByteBuffer.wrap(out.array(), out.arrayOffset() + out.readerIndex(), length));
        }

        @Override
        public Document read(ByteBuffer buffer) {
            if (buffer.get() == JAVA) {
                return (Document) plain.read(buffer);
            }
            return BsonDecoder.decodeBson(take(buffer, DataUtils.readVarInt(buffer)));
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    }
}
