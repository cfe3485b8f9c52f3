/**
 * Event contracts: one record per event type and version, the {@code data} of a {@link
 * app.trellis.platform.event.CloudEvent}. A record here never changes incompatibly: a breaking change is
 * a new record with the next version. Data is the minimum a consumer needs: ids and codes, never free
 * text or identifiers of a person. Consumers read these with unknown fields ignored.
 */
package app.trellis.platform.contracts;
