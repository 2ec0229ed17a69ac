package org.advocacy.legislators.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.advocacy.legislators.ZctaDistrict;
import org.advocacy.legislators.DistrictRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ZIP (ZCTA) to congressional district table; plain SQL, since it is bulk reference
 * data.
 */
@Repository
public class ZctaDistrictRepository {

    private final JdbcClient jdbc;

    private final JdbcTemplate template;

    ZctaDistrictRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public List<DistrictRef> districtsOf(String zcta) {
        return jdbc.sql("select state, district from zcta_district where zcta = ? order by state, district")
            .param(zcta)
            .query((rs, row) -> new DistrictRef(rs.getString("state"), rs.getInt("district")))
            .list();
    }

    public boolean districtExists(DistrictRef district) {
        return jdbc.sql("select exists (select 1 from zcta_district where state = ? and district = ?)")
            .params(district.state(), district.district())
            .query(Boolean.class)
            .single();
    }

    public long count() {
        return jdbc.sql("select count(*) from zcta_district").query(Long.class).single();
    }

    /** Records a completed import of the whole table. */
    public void recordImport(int rowsInFile, int inserted, int deleted) {
        jdbc.sql("insert into district_import (rows_in_file, inserted, deleted) values (?, ?, ?)")
            .params(rowsInFile, inserted, deleted)
            .update();
    }

    public boolean hasBeenImported() {
        return jdbc.sql("select exists (select 1 from district_import)").query(Boolean.class).single();
    }

    public boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from zcta_district)").query(Boolean.class).single();
    }

    public Set<ZctaDistrict> all() {
        Set<ZctaDistrict> rows = new HashSet<>();
        template.query("select zcta, state, district from zcta_district", rs -> {
            rows.add(new ZctaDistrict(rs.getString(1), rs.getString(2), rs.getInt(3)));
        });
        return rows;
    }

    public int insert(List<ZctaDistrict> rows) {
        template.batchUpdate("insert into zcta_district (zcta, state, district) values (?, ?, ?)", rows, 1000,
                (ps, row) -> {
                    ps.setString(1, row.zcta());
                    ps.setString(2, row.state());
                    ps.setInt(3, row.district());
                });
        return rows.size();
    }

    public int delete(List<ZctaDistrict> rows) {
        template.batchUpdate("delete from zcta_district where zcta = ? and state = ? and district = ?", rows, 1000,
                (ps, row) -> {
                    ps.setString(1, row.zcta());
                    ps.setString(2, row.state());
                    ps.setInt(3, row.district());
                });
        return rows.size();
    }

    /** Districts in the table that no sitting Representative holds. */
    public List<DistrictRef> vacantSeats() {
        return jdbc.sql("""
                select distinct z.state, z.district from zcta_district z
                where not exists (select 1 from legislator l where l.in_office and l.chamber = 'HOUSE'
                                  and l.state = z.state and l.district = z.district)
                order by z.state, z.district""")
            .query((rs, row) -> new DistrictRef(rs.getString("state"), rs.getInt("district")))
            .list();
    }

}
