package app.trellis.cases.domain;

import app.trellis.platform.access.Responsibility;
import app.trellis.platform.security.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A person served. The sensitive identifiers are held only as {@link SealedValue}s (ciphertext and
 * blind index); this class never sees them in clear, so it cannot leak them through a toString or a log.
 */
@Entity
@Table(name = "client")
public class Client extends TenantRecord {

    @Column(name = "given_name", nullable = false)
    private String givenName;
    @Column(name = "family_name", nullable = false)
    private String familyName;
    @Column(name = "middle_name")
    private String middleName;
    @Column(name = "preferred_name")
    private String preferredName;
    @Column(name = "birth_date_enc", nullable = false)
    private String birthDateEnc;
    @Column(name = "birth_date_idx", nullable = false)
    private String birthDateIdx;
    @Column(nullable = false)
    private String sex;
    @Column(name = "gender_identity")
    private String genderIdentity;
    private String language;
    private String phone;
    private String email;
    @Column(name = "address_line1")
    private String addressLine1;
    @Column(name = "address_line2")
    private String addressLine2;
    private String city;
    private String region;
    @Column(name = "postal_code")
    private String postalCode;
    @Column(name = "ssn_enc")
    private String ssnEnc;
    @Column(name = "ssn_idx")
    private String ssnIdx;
    @Column(name = "medicaid_enc")
    private String medicaidEnc;
    @Column(name = "medicaid_idx")
    private String medicaidIdx;
    @Column(name = "legacy_id")
    private String legacyId;
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "registered_by", nullable = false, updatable = false)
    private String registeredBy;
    @Column(name = "registered_by_name", updatable = false)
    private String registeredByName;
    @Column(updatable = false)
    private String team;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Client() {
    }

    /** Registers a person; {@code registeredBy} and {@code team} decide who may see them before a case exists. */
    public static Client register(String tenantId, ClientDetails details, Person registeredBy, String team, Instant now) {
        Client client = new Client();
        client.begin(tenantId, now);
        client.registeredBy = registeredBy.subject();
        client.registeredByName = registeredBy.name();
        client.team = team;
        client.apply(details, now);
        return client;
    }

    /** Replaces the editable details (a PUT); the external id, once given, never changes. */
    public void revise(ClientDetails details, Instant now) {
        if (externalId != null && !externalId.equals(details.externalId())) {
            throw new CaseRuleViolation("external-id-immutable", "A client's external id never changes");
        }
        apply(details, now);
    }

    private void apply(ClientDetails d, Instant now) {
        givenName = d.givenName();
        familyName = d.familyName();
        middleName = d.middleName();
        preferredName = d.preferredName();
        birthDateEnc = d.birthDate().ciphertext();
        birthDateIdx = d.birthDate().index();
        sex = d.sex();
        genderIdentity = d.genderIdentity();
        language = d.language();
        phone = d.phone();
        email = d.email();
        addressLine1 = d.addressLine1();
        addressLine2 = d.addressLine2();
        city = d.city();
        region = d.region();
        postalCode = d.postalCode();
        ssnEnc = d.ssn() == null ? null : d.ssn().ciphertext();
        ssnIdx = d.ssn() == null ? null : d.ssn().index();
        medicaidEnc = d.medicaidId() == null ? null : d.medicaidId().ciphertext();
        medicaidIdx = d.medicaidId() == null ? null : d.medicaidId().index();
        legacyId = d.legacyId();
        externalId = d.externalId();
        updatedAt = now;
    }

    /** Who answers for the client before any case exists: who registered it, and their team. */
    public Responsibility registration() {
        return new Responsibility(registeredBy, team);
    }

    public String givenName() { return givenName; }
    public String familyName() { return familyName; }
    public String middleName() { return middleName; }
    public String preferredName() { return preferredName; }
    public SealedValue birthDate() { return new SealedValue(birthDateEnc, birthDateIdx); }
    public String sex() { return sex; }
    public String genderIdentity() { return genderIdentity; }
    public String language() { return language; }
    public String phone() { return phone; }
    public String email() { return email; }
    public String addressLine1() { return addressLine1; }
    public String addressLine2() { return addressLine2; }
    public String city() { return city; }
    public String region() { return region; }
    public String postalCode() { return postalCode; }
    public SealedValue ssn() { return ssnEnc == null ? null : new SealedValue(ssnEnc, ssnIdx); }
    public SealedValue medicaidId() { return medicaidEnc == null ? null : new SealedValue(medicaidEnc, medicaidIdx); }
    public String legacyId() { return legacyId; }
    public String externalId() { return externalId; }
    public Person registeredBy() { return new Person(registeredBy, registeredByName); }
    public Instant updatedAt() { return updatedAt; }
}
