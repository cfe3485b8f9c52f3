package app.trellis.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A program a tenant runs (care coordination, housing support, ...). Cases are opened in one of the
 * tenant's active programs. The code is the stable handle partners and reports use; it never changes.
 */
@Entity
@Table(name = "program")
public class Program extends TenantRecord {

    @Column(nullable = false, updatable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    private String description;
    private boolean active;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Program() {
    }

    public static Program define(String tenantId, String code, String name, String description, Instant now) {
        Program program = new Program();
        program.begin(tenantId, now);
        program.code = Objects.requireNonNull(code);
        program.name = Objects.requireNonNull(name);
        program.description = description;
        program.active = true;
        program.updatedAt = now;
        return program;
    }

    /** Renames or retires the program; retiring keeps existing cases but stops new ones (checked when opening a case). */
    public void revise(String name, String description, boolean active, Instant now) {
        this.name = Objects.requireNonNull(name);
        this.description = description;
        this.active = active;
        this.updatedAt = now;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public boolean active() {
        return active;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
