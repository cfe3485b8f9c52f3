import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw insert limit for client rows: the same rows the case-service writes to trellis_case.client
 * (UUID id, tenant, names, AES-GCM-sized ciphertexts "v1:local1:" + base64 (62 chars) for birth date and SSN,
 * 64-hex blind indexes, sex, language, registered_by, team, version, timestamps), inserted with plain JDBC
 * batches (rewriteBatchedStatements=true, one commit per batch) by THREADS threads into a scratch copy
 * {@code trellis_bench.bench_raw_client} (CREATE TABLE ... LIKE trellis_case.client), which is dropped
 * afterwards together with the scratch schema.
 *
 * <pre>java -cp mysql-connector-j-*.jar bench/RawInsert.java [rows] [threads] [batch]</pre>
 * Environment: BENCH_DB_URL (default jdbc:mysql://127.0.0.1:3306/), BENCH_DB_USER / BENCH_DB_PASSWORD
 * (default the local stack's admin, trellis_admin). Prints one line:
 * {@code RAW rows=N threads=T batch=B seconds=S rows_per_s=R}.
 */
public class RawInsert {

    static final String INSERT = "INSERT INTO trellis_bench.bench_raw_client (id, tenant_id, given_name, family_name,"
            + " birth_date_enc, birth_date_idx, sex, language, ssn_enc, ssn_idx, registered_by, team, version,"
            + " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    static final String[] GIVEN = {"Maria", "James", "Aisha", "Wei", "Olga", "Carlos", "Fatima", "John", "Priya", "Liam"};

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        String base = env("BENCH_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
        String url = base + (base.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true&useSSL=false"
                + "&allowPublicKeyRetrieval=true";
        String user = env("BENCH_DB_USER", "trellis_admin");
        String password = env("BENCH_DB_PASSWORD", "trellis_admin_local");

        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS trellis_bench");
            st.execute("DROP TABLE IF EXISTS trellis_bench.bench_raw_client");
            st.execute("CREATE TABLE trellis_bench.bench_raw_client LIKE trellis_case.client");
        }
        try {
            run(url, user, password, Math.max(rows / 10, threads * batch), threads, batch); // warm-up (JIT, pool)
            long t0 = System.nanoTime();
            long done = run(url, user, password, rows, threads, batch);
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("RAW rows=%d threads=%d batch=%d seconds=%.2f rows_per_s=%.0f%n", done, threads, batch,
                    secs, done / secs);
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS trellis_bench");
            }
        }
    }

    /** Inserts {@code rows} rows with {@code threads} connections; returns the number inserted. */
    static long run(String url, String user, String password, int rows, int threads, int batch) throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong inserted = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        // Open every connection before timing starts so the numbers show inserts, not connects.
        List<Connection> connections = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Connection c = DriverManager.getConnection(url, user, password);
            c.setAutoCommit(false);
            connections.add(c);
        }
        for (Connection c : connections) {
            workers.add(new Thread(() -> {
                try (c; PreparedStatement ps = c.prepareStatement(INSERT)) {
                    while (true) {
                        long from = next.getAndAdd(batch);
                        if (from >= rows) {
                            break;
                        }
                        long n = Math.min(batch, rows - from);
                        for (long i = 0; i < n; i++) {
                            bind(ps);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                        c.commit();
                        inserted.addAndGet(n);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("insert failed", failures.get(0));
        }
        return inserted.get();
    }

    static void bind(PreparedStatement ps) throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Timestamp now = new Timestamp(System.currentTimeMillis());
        ps.setString(1, UUID.randomUUID().toString());
        ps.setString(2, r.nextBoolean() ? "north" : "river");
        ps.setString(3, GIVEN[r.nextInt(GIVEN.length)]);
        ps.setString(4, "Raw" + letters(r, 8));
        ps.setString(5, cipher(r));
        ps.setString(6, hex(r));
        ps.setString(7, r.nextBoolean() ? "female" : "male");
        ps.setString(8, "en");
        ps.setString(9, cipher(r));
        ps.setString(10, hex(r));
        ps.setString(11, "sam");
        ps.setString(12, "north-team-a");
        ps.setLong(13, 0);
        ps.setTimestamp(14, now);
        ps.setTimestamp(15, now);
    }

    /** Shaped like the service's sealed values: "v1:local1:" + base64(12-byte nonce + plaintext + 16-byte tag). */
    static String cipher(ThreadLocalRandom r) {
        byte[] b = new byte[39];
        r.nextBytes(b);
        return "v1:local1:" + Base64.getEncoder().encodeToString(b);
    }

    /** A blind index: 32 bytes as 64 hex characters. */
    static String hex(ThreadLocalRandom r) {
        byte[] b = new byte[32];
        r.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String letters(ThreadLocalRandom r, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + r.nextInt(26)));
        }
        return s.toString();
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
