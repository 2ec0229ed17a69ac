package org.advocacy.legislators;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.advocacy.legislators.internal.UsStateRepository;
import org.advocacy.legislators.internal.ZctaDistrictRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maintains the ZIP (ZCTA) to congressional district table. An import replaces the
 * table's contents with the new file's by difference, in one transaction: rows already
 * present are left alone, so importing the same file twice writes nothing.
 */
@Service
public class DistrictService {

    private static final Logger log = LoggerFactory.getLogger(DistrictService.class);

    private final ZctaDistrictRepository zctas;

    private final UsStateRepository states;

    private final EntityManager entityManager;

    private final ApplicationEventPublisher events;

    DistrictService(ZctaDistrictRepository zctas, UsStateRepository states, EntityManager entityManager,
            ApplicationEventPublisher events) {
        this.zctas = zctas;
        this.states = states;
        this.entityManager = entityManager;
        this.events = events;
    }

    /** What an import did. */
    public record ImportResult(int rows, int inserted, int deleted) {

        public int rowsWritten() {
            return inserted + deleted;
        }

        public String describe() {
            return rows + " rows in the file, " + inserted + " inserted, " + deleted + " deleted";
        }
    }

    @Transactional
    public ImportResult replaceAll(List<ZctaDistrict> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("The ZIP-to-district file has no rows; the table was left as it was");
        }
        entityManager.createNativeQuery("select pg_advisory_xact_lock(727004)").getSingleResult();
        Set<String> known = new HashSet<>();
        states.findAll().forEach(state -> known.add(state.getCode()));
        Set<ZctaDistrict> wanted = new LinkedHashSet<>(rows);
        for (ZctaDistrict row : wanted) {
            if (!known.contains(row.state())) {
                throw new IllegalArgumentException(
                        "Unknown state " + row.state() + " for ZCTA " + row.zcta() + "; the table was left as it was");
            }
        }
        Set<ZctaDistrict> present = zctas.all();
        List<ZctaDistrict> toDelete = new ArrayList<>();
        for (ZctaDistrict row : present) {
            if (!wanted.contains(row)) {
                toDelete.add(row);
            }
        }
        List<ZctaDistrict> toInsert = new ArrayList<>();
        for (ZctaDistrict row : wanted) {
            if (!present.contains(row)) {
                toInsert.add(row);
            }
        }
        zctas.delete(toDelete);
        zctas.insert(toInsert);
        ImportResult result = new ImportResult(wanted.size(), toInsert.size(), toDelete.size());
        if (result.rowsWritten() > 0 || !zctas.hasBeenImported()) {
            zctas.recordImport(result.rows(), result.inserted(), result.deleted());
        }
        log.info("District import: {}", result.describe());
        if (result.rowsWritten() > 0) {
            events.publishEvent(new DistrictsImported(result.inserted(), result.deleted()));
        }
        return result;
    }

    /**
     * Whether the whole table was ever imported; a few hand-inserted rows do not count.
     */
    @Transactional(readOnly = true)
    public boolean hasBeenImported() {
        return zctas.hasBeenImported();
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return zctas.isEmpty();
    }

    @Transactional(readOnly = true)
    public long count() {
        return zctas.count();
    }

}
