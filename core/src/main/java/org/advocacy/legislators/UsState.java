package org.advocacy.legislators;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A state, DC or a territory, from the Census state file. */
@Entity
@Table(name = "us_state")
public class UsState {

    @Id
    private String code;

    @Column(nullable = false)
    private String fips;

    @Column(nullable = false)
    private String name;

    @Column(name = "has_senators", nullable = false)
    private boolean hasSenators;

    protected UsState() {
    }

    public UsState(String code, String fips, String name, boolean hasSenators) {
        this.code = code;
        this.fips = fips;
        this.name = name;
        this.hasSenators = hasSenators;
    }

    public String getCode() {
        return code;
    }

    public String getFips() {
        return fips;
    }

    public String getName() {
        return name;
    }

    public boolean hasSenators() {
        return hasSenators;
    }

}
