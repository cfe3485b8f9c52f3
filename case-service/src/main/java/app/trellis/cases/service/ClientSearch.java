package app.trellis.cases.service;

import java.time.LocalDate;

/** Search criteria: a family or given name prefix, an exact date of birth, an exact identifier. */
public record ClientSearch(String namePrefix, LocalDate birthDate, String identifier) {
}
