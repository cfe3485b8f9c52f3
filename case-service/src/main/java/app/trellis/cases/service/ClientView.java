package app.trellis.cases.service;

import app.trellis.cases.domain.Client;
import java.time.LocalDate;

/** A client with its identifiers opened for display: SSN and Medicaid id only as their last four characters. */
public record ClientView(Client client, LocalDate birthDate, String ssnLast4, String medicaidLast4) {
}
