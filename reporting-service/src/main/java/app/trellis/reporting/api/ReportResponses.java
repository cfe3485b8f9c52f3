package app.trellis.reporting.api;

import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.reporting.domain.report.ReportFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A report as JSON (a page: {@code {items, nextCursor}}) or, when the caller prefers {@code text/csv}, as CSV: every
 * row from the cursor on, read a page at a time while it streams. The first page is read before anything is sent,
 * so a bad filter or cursor is still a 400 problem.
 */
final class ReportResponses {

    static final String TEXT_CSV = Csv.MEDIA_TYPE;
    private static final MediaType CSV = MediaType.valueOf(TEXT_CSV);

    private ReportResponses() {
    }

    /** One report: a page of the tenant's rows that pass the filter. */
    @FunctionalInterface
    interface Report<T> {
        Page<T> read(String tenant, ReportFilter filter, PageRequest page);
    }

    static <T extends Record> Response of(HttpHeaders headers, String name, Class<T> type, ReportQuery query,
                                          String tenant, Report<T> rows) {
        ReportFilter filter = query.filter();
        Function<PageRequest, Page<T>> report = page -> rows.read(tenant, filter, page);
        if (!wantsCsv(headers)) {
            return Response.ok(report.apply(query.page()), MediaType.APPLICATION_JSON_TYPE).build();
        }
        Page<T> first = report.apply(query.wholeFromCursor());
        CsvRecords<T> csv = new CsvRecords<>(type);
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            csv.header(writer);
            Page<T> page = first;
            while (true) {
                for (T row : page.items()) {
                    csv.row(writer, row);
                }
                if (page.nextCursor() == null) {
                    break;
                }
                page = report.apply(PageRequest.of(PageRequest.MAX_LIMIT, page.nextCursor()));
            }
            writer.flush();
        };
        return Response.ok(body, MediaType.valueOf(TEXT_CSV + "; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }

    /** CSV when the most preferred acceptable type that names one of ours is text/csv; JSON otherwise. */
    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (!accepted.isWildcardType() && !accepted.isWildcardSubtype() && accepted.isCompatible(CSV)) {
                return true;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
