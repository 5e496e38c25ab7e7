package org.yizhan.locator.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** A union account. The password is stored only as an adaptive hash. */
@Entity
@Table(name = "account")
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, unique = true, length = 60)
    private String username = "";

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName = "";

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash = "";

    @Column(nullable = false, length = 10)
    private String role = Role.VIEWER.value();

    @Column(nullable = false)
    private boolean enabled = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_scope", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "adcode_prefix", length = 6)
    private Set<String> regions = new TreeSet<>();

    /** Sessions remember the epoch they signed in under; a change of rights moves it on. */
    @Column(name = "session_epoch", nullable = false)
    private long sessionEpoch;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    @Version
    private long version;

    protected Account() {}

    Account(String username, Instant now) {
        this.username = username;
        this.createdAt = now;
        this.updatedAt = now;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return Role.parse(role).orElseThrow();
    }

    boolean enabled() {
        return enabled;
    }

    List<String> regions() {
        return new ArrayList<>(regions);
    }

    long version() {
        return version;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void setRole(Role role) {
        this.role = role.value();
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void setRegions(List<String> regions) {
        this.regions = new TreeSet<>(regions);
    }

    long sessionEpoch() {
        return sessionEpoch;
    }

    void endSessions() {
        this.sessionEpoch++;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    Actor actor() {
        return new Actor(username, role(), regions());
    }
}
