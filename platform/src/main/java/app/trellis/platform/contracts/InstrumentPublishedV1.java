package app.trellis.platform.contracts;

import java.util.UUID;

/**
 * {@code app.trellis.instrument.published.v1}, subject {@code instrument/<instrumentId>}: a tenant's instrument
 * version was published; from now on it never changes and new assessments may be started on it.
 *
 * @param instrumentId        the instrument
 * @param instrumentVersionId the version published
 * @param code                the instrument's code, e.g. {@code intake-screen}
 * @param instrument          canonical {@code url|version} of the version (what scores are traced to)
 */
public record InstrumentPublishedV1(UUID instrumentId, UUID instrumentVersionId, String code, String instrument) {
    public static final String TYPE = "app.trellis.instrument.published.v1";
}
