package app.trellis.reporting.domain.report;

/** How many results of an instrument fell in a band ({@code band} null: the instrument has no bands). */
public record ScoreBandRow(String instrumentId, String instrument, String band, long assessments) {
}
