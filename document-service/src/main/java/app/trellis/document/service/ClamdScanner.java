package app.trellis.document.service;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A ClamAV daemon client speaking clamd's {@code INSTREAM} command: the bytes go in length-prefixed chunks, so
 * nothing is written to a disk clamd shares with us. clamd answers {@code stream: OK} or
 * {@code stream: <signature> FOUND}; anything else (an error, a size limit hit) is a failure, retried by the
 * scan worker, never a clean verdict.
 */
public class ClamdScanner implements MalwareScanner {

    private static final int CHUNK = 64 * 1024;

    private final String host;
    private final int port;
    private final Duration timeout;

    public ClamdScanner(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    @Override
    public Verdict scan(InputStream content) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[CHUNK];
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                if (n > 0) {
                    out.writeInt(n);
                    out.write(buffer, 0, n);
                }
            }
            out.writeInt(0);
            out.flush();
            return verdict(readReply(socket.getInputStream()));
        }
    }

    static Verdict verdict(String reply) throws IOException {
        if (reply.endsWith(" OK")) {
            return Verdict.cleanVerdict();
        }
        if (reply.endsWith(" FOUND")) {
            String found = reply.substring(reply.indexOf(':') + 1, reply.length() - " FOUND".length()).trim();
            return new Verdict(false, found.length() > 200 ? found.substring(0, 200) : found);
        }
        throw new IOException("clamd did not give a verdict: " + (reply.length() > 100 ? reply.substring(0, 100) : reply));
    }

    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        for (int b = in.read(); b > 0; b = in.read()) {
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).trim();
    }
}
