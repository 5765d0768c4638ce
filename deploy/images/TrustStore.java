import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes Java's trust store (the JRE's lib/security/cacerts, which Debian links to /etc/ssl/certs/java/cacerts) from
 * the CA certificates of Debian's ca-certificates package, reproducibly: keytool stamps every entry with the current
 * time, so the same certificates would give a different file (and image digest) on every build. This writes the JKS
 * format (what ca-certificates-java writes; Java 17 reads it as the default trust store) with one fixed entry date.
 *
 * <p>{@code java TrustStore.java <output> <epoch seconds> <certificate file>...}; aliases are {@code debian:<file name
 * with .pem>}, as ca-certificates-java names them; store password "changeit".
 */
public class TrustStore {

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args[0]);
        long date = Long.parseLong(args[1]) * 1000;
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        TreeMap<String, byte[]> entries = new TreeMap<>();
        for (int i = 2; i < args.length; i++) {
            Path file = Path.of(args[i]);
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(file)) {
                certificates = x509.generateCertificates(in);
            }
            List<? extends Certificate> list = new ArrayList<>(certificates);
            if (list.size() != 1) {
                throw new IOException(file + " holds " + list.size() + " certificates, expected one");
            }
            String alias = "debian:" + file.getFileName().toString().replaceFirst("\\.crt$", ".pem").toLowerCase();
            entries.put(alias, list.get(0).getEncoded());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xFEEDFEED);
        out.writeInt(2);
        out.writeInt(entries.size());
        for (var entry : entries.entrySet()) {
            out.writeInt(2); // trusted certificate entry
            out.writeUTF(entry.getKey());
            out.writeLong(date);
            out.writeUTF("X.509");
            out.writeInt(entry.getValue().length);
            out.write(entry.getValue());
        }
        out.flush();
        // integrity check as JavaKeyStore computes it: SHA-1 over the password (UTF-16BE), a fixed phrase, the data
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update("changeit".getBytes(StandardCharsets.UTF_16BE));
        sha1.update("Mighty Aphrodite".getBytes(StandardCharsets.UTF_8));
        sha1.update(bytes.toByteArray());
        out.write(sha1.digest());
        out.flush();
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.write(output, bytes.toByteArray());
        System.out.println(output + ": " + entries.size() + " trusted certificates");
    }
}
