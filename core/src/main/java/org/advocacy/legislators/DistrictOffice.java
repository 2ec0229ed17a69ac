package org.advocacy.legislators;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.advocacy.shared.PublicContentListener;
import org.jspecify.annotations.Nullable;

/**
 * A member's office in their home state (Washington offices live on {@link Legislator}).
 */
@Entity
@EntityListeners(PublicContentListener.class)
@Table(name = "district_office")
public class DistrictOffice {

    @Id
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "bioguide_id", nullable = false)
    private Legislator legislator;

    private @Nullable String address;

    private @Nullable String suite;

    private @Nullable String building;

    @Column(nullable = false)
    private String city;

    @Column(nullable = false)
    private String state;

    private @Nullable String zip;

    private @Nullable String phone;

    private @Nullable String fax;

    private @Nullable String hours;

    private @Nullable Double latitude;

    private @Nullable Double longitude;

    protected DistrictOffice() {
    }

    public DistrictOffice(String id, Legislator legislator, OfficeDetails details) {
        this.id = id;
        this.legislator = legislator;
        apply(details);
    }

    /** Copies every field of the details; returns whether anything changed. */
    public boolean apply(OfficeDetails details) {
        boolean changed = !details.equals(details());
        address = details.address();
        suite = details.suite();
        building = details.building();
        city = details.city();
        state = details.state();
        zip = details.zip();
        phone = details.phone();
        fax = details.fax();
        hours = details.hours();
        latitude = details.latitude();
        longitude = details.longitude();
        return changed;
    }

    public OfficeDetails details() {
        return new OfficeDetails(address, suite, building, city, state, zip, phone, fax, hours, latitude, longitude);
    }

    public String getId() {
        return id;
    }

    public Legislator getLegislator() {
        return legislator;
    }

    public @Nullable String getAddress() {
        return address;
    }

    public @Nullable String getSuite() {
        return suite;
    }

    public @Nullable String getBuilding() {
        return building;
    }

    public String getCity() {
        return city;
    }

    public String getState() {
        return state;
    }

    public @Nullable String getZip() {
        return zip;
    }

    public @Nullable String getPhone() {
        return phone;
    }

    public @Nullable String getFax() {
        return fax;
    }

    public @Nullable String getHours() {
        return hours;
    }

    public @Nullable Double getLatitude() {
        return latitude;
    }

    public @Nullable Double getLongitude() {
        return longitude;
    }

    /** The street lines as one line: address, suite and building where known. */
    public String streetLine() {
        StringBuilder line = new StringBuilder();
        for (String part : new String[] { address, suite, building }) {
            if (part != null && !part.isBlank()) {
                if (!line.isEmpty()) {
                    line.append(", ");
                }
                line.append(part);
            }
        }
        return line.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DistrictOffice office && Objects.equals(id, office.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

}
