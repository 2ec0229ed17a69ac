package org.advocacy.legislators;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/** The contact details of a district office, as the roster source gives them. */
public record OfficeDetails(@Nullable String address, @Nullable String suite, @Nullable String building, String city,
        String state, @Nullable String zip, @Nullable String phone, @Nullable String fax, @Nullable String hours,
        @Nullable Double latitude, @Nullable Double longitude) implements Serializable {
}
