package org.advocacy.legislators.internal;

import java.util.List;

import org.advocacy.legislators.DistrictRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ZIP (ZCTA) to congressional district table; plain SQL, since it is bulk reference data. */
@Repository
public class ZctaDistrictRepository {

    private final JdbcClient jdbc;

    ZctaDistrictRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DistrictRef> districtsOf(String zcta) {
        return jdbc.sql("select state, district from zcta_district where zcta = ? order by state, district")
                .param(zcta)
                .query((rs, row) -> new DistrictRef(rs.getString("state"), rs.getInt("district")))
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from zcta_district").query(Long.class).single();
    }
}
