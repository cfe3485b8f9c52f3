package app.trellis.document.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The clamd wire protocol ({@code zINSTREAM}, length-prefixed chunks, a zero-length end, a NUL-terminated reply).
 * No ClamAV daemon can run on the build machines (its signatures download from the internet), so the other end
 * here is a loopback socket that reads the stream exactly as clamd does and answers as clamd would.
 */
class ClamdScannerTest {

    private static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    @Test
    void aStreamHoldingTheTestSignatureIsInfectedAndAnyOtherIsClean() throws Exception {
        assertFalse(scanAgainstStandIn(EICAR.getBytes(StandardCharsets.US_ASCII)).clean());
        assertEquals("Eicar-Test-Signature", scanAgainstStandIn(EICAR.getBytes(StandardCharsets.US_ASCII)).signature());
        assertTrue(scanAgainstStandIn(new byte[200_000]).clean());
    }

    @Test
    void anythingButAVerdictIsAFailureNeverClean() {
        assertThrows(IOException.class, () -> ClamdScanner.verdict("INSTREAM size limit exceeded. ERROR"));
        assertTrue(assertThrows(IOException.class, () -> new ClamdScanner("127.0.0.1", 1, Duration.ofSeconds(1))
                .scan(new ByteArrayInputStream(new byte[1]))) != null);
    }

    private static MalwareScanner.Verdict scanAgainstStandIn(byte[] content) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> standIn = CompletableFuture.runAsync(() -> answer(server));
            MalwareScanner.Verdict verdict = new ClamdScanner("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5))
                    .scan(new ByteArrayInputStream(content));
            standIn.get();
            return verdict;
        }
    }

    private static void answer(ServerSocket server) {
        try (Socket socket = server.accept()) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] command = new byte["zINSTREAM\0".length()];
            in.readFully(command);
            if (!"zINSTREAM\0".equals(new String(command, StandardCharsets.US_ASCII))) {
                throw new IllegalStateException("not an INSTREAM command");
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            for (int length = in.readInt(); length > 0; length = in.readInt()) {
                received.write(in.readNBytes(length));
            }
            boolean found = received.toString(StandardCharsets.US_ASCII).contains(EICAR);
            socket.getOutputStream().write((found ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0")
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
