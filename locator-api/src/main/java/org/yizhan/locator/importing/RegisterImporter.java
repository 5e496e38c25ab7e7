package org.yizhan.locator.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.division.DivisionBoundaries;
import org.yizhan.geo.exchange.ImportOptions;
import org.yizhan.geo.exchange.ImportRow;
import org.yizhan.geo.exchange.RegisterColumn;
import org.yizhan.geo.exchange.RegisterFormat;
import org.yizhan.geo.exchange.RegisterFormatException;
import org.yizhan.geo.exchange.RegisterImport;
import org.yizhan.geo.exchange.RowProblem;
import org.yizhan.geo.hours.OpeningHours;
import org.yizhan.geo.station.FieldLimits;
import org.yizhan.geo.station.StationRecord;
import org.yizhan.locator.account.Actor;
import org.yizhan.locator.station.StationCodeAllocator;
import org.yizhan.locator.web.ApiException;

/**
 * Imports a register file in one transaction. Rows stream from the file into a staging table
 * (so 100,000 rows never sit in memory), are matched to the register by code, or by name
 * within 30 m for rows without one, and classified as create / update / unchanged / reject.
 * A dry run rolls back; a commit with any rejected row rolls back too and reports why.
 * Importing the same file twice therefore changes nothing the second time.
 */
@Service
class RegisterImporter {

    static final int MAX_LISTED = 1_000;
    private static final double SAME_STATION_METERS = 30;

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final StationCodeAllocator codes;
    private final DivisionBoundaries boundaries = DivisionBoundaries.standard();

    RegisterImporter(
            JdbcTemplate jdbcTemplate,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            StationCodeAllocator codes) {
        this.codes = codes;
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Thrown to roll back a commit that has rejected rows; carries the report for the caller. */
    static final class RejectedImportException extends RuntimeException {
        final ImportReport report;

        RejectedImportException(ImportReport report) {
            super("import rejected");
            this.report = report;
        }
    }

    ImportReport run(InputStream in, String fileName, CoordinateSystem crs, boolean dryRun, Actor actor) {
        RegisterFormat format = RegisterFormat.forFileName(fileName)
                .filter(RegisterFormat::importable)
                .orElseThrow(() -> ApiException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "import.fileType"));
        return transactions.execute(status -> {
            ImportReport report = importRows(in, fileName, format, crs, dryRun, actor);
            if (dryRun) status.setRollbackOnly();
            else if (report.rejected() > 0) throw new RejectedImportException(report);
            return report;
        });
    }

    private ImportReport importRows(
            InputStream in, String fileName, RegisterFormat format, CoordinateSystem crs, boolean dryRun, Actor actor) {
        Tally tally = new Tally();
        ImportStaging staging = new ImportStaging(jdbcTemplate);
        List<String> unknownHeaders;
        try (RegisterImport rows =
                RegisterImport.open(in, format, ImportOptions.defaults().withCrs(crs))) {
            Map<String, Boolean> alwaysOpen = new HashMap<>();
            while (rows.hasNext()) {
                ImportRow row = rows.next();
                tally.rows++;
                List<ImportReport.Problem> problems = new ArrayList<>();
                row.problems().forEach(p -> problems.add(problem(p)));
                StationRecord record = row.record();
                if (record != null) problems.addAll(serviceChecks(row.rowNumber(), record, actor));
                if (record == null || !problems.isEmpty()) {
                    tally.reject(row.rowNumber(), record == null ? row.name() : record.name(), problems);
                    continue;
                }
                boolean always = alwaysOpen.computeIfAbsent(
                        record.openingHours(), h -> OpeningHours.parse(h).isAlwaysOpen());
                staging.add(row.rowNumber(), record, always);
            }
            unknownHeaders = rows.unknownHeaders();
        } catch (RegisterFormatException e) {
            throw ApiException.of(HttpStatus.BAD_REQUEST, "import.file.unreadable", String.valueOf(e.getMessage()))
                    .with("field", "file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        staging.flush();
        classify(tally, actor);
        List<ImportReport.Warning> warnings = duplicateWarnings();
        Map<String, Integer> counts = countActions();
        if (!dryRun && tally.rejected == 0) new ImportWriter(jdbc, codes).write(actor.username(), fileName);
        return new ImportReport(
                fileName,
                tally.rows,
                counts.getOrDefault("create", 0),
                counts.getOrDefault("update", 0),
                counts.getOrDefault("unchanged", 0),
                tally.rejected,
                tally.problems,
                tally.problemCount,
                unknownHeaders,
                warnings,
                preview(tally),
                !dryRun && tally.rejected == 0);
    }

    /** Checks the file library cannot make: the account's regions and the division's boundary. */
    private List<ImportReport.Problem> serviceChecks(int row, StationRecord record, Actor actor) {
        List<ImportReport.Problem> problems = new ArrayList<>();
        if (!actor.mayEdit(record.adcode())) {
            problems.add(new ImportReport.Problem(
                    row,
                    RegisterColumn.ADCODE.zh(),
                    "Division " + record.adcode() + " is outside your regions (" + String.join(", ", actor.regions())
                            + ")."));
        }
        DivisionBoundaries.Verdict verdict = boundaries.check(record.adcode(), new LatLng(record.lat(), record.lng()));
        if (!verdict.acceptable(DivisionBoundaries.DEFAULT_TOLERANCE_METRES)) {
            problems.add(new ImportReport.Problem(
                    row,
                    RegisterColumn.LAT.zh(),
                    "The point lies about "
                            + Math.round(verdict.distanceMetres() / 100) / 10.0 + " km outside division "
                            + verdict.checkedCode()
                            + "; check the coordinates and their coordinate system (Amap: gcj02, Baidu: bd09)."));
        }
        tooLong(problems, row, RegisterColumn.NAME, record.name(), FieldLimits.NAME);
        tooLong(problems, row, RegisterColumn.ADDRESS, record.address(), FieldLimits.ADDRESS);
        tooLong(
                problems,
                row,
                RegisterColumn.HOST_ORGANISATION,
                record.hostOrganisation(),
                FieldLimits.HOST_ORGANISATION);
        tooLong(problems, row, RegisterColumn.CONTACT_PERSON, record.contactPerson(), FieldLimits.CONTACT_PERSON);
        tooLong(problems, row, RegisterColumn.CONTACT_PHONE, record.contactPhone(), FieldLimits.CONTACT_PHONE);
        tooLong(problems, row, RegisterColumn.NAME_EN, record.nameEn(), FieldLimits.NAME_EN);
        return problems;
    }

    private static void tooLong(
            List<ImportReport.Problem> problems, int row, RegisterColumn column, @Nullable String value, int max) {
        if (value != null && value.length() > max)
            problems.add(new ImportReport.Problem(row, column.zh(), "At most " + max + " characters."));
    }

    /** Matches staged rows to the register and decides what each one does. */
    private void classify(Tally tally, Actor actor) {
        jdbc.sql("UPDATE import_row r SET match_id = s.id FROM station s WHERE r.code IS NOT NULL AND s.code = r.code")
                .update();
        jdbc.sql(
                        "SELECT row_no, code, name FROM import_row WHERE code IS NOT NULL AND match_id IS NULL ORDER BY row_no")
                .query(rs -> {
                    tally.reject(
                            rs.getInt(1),
                            rs.getString(3),
                            List.of(new ImportReport.Problem(
                                    rs.getInt(1),
                                    RegisterColumn.CODE.zh(),
                                    "Code " + rs.getString(2)
                                            + " is not in the register; leave the code empty for a new station.")));
                });
        jdbc.sql("DELETE FROM import_row WHERE code IS NOT NULL AND match_id IS NULL")
                .update();
        jdbc.sql("""
                UPDATE import_row r SET match_id = (
                    SELECT s.id FROM station s WHERE s.name = r.name AND ST_DWithin(s.location, r.location, :meters)
                     ORDER BY ST_Distance(s.location, r.location), s.id LIMIT 1)
                 WHERE r.code IS NULL""").param("meters", SAME_STATION_METERS).update();
        jdbc.sql("""
                SELECT r.row_no, r.name, s.code FROM import_row r
                  JOIN (SELECT match_id FROM import_row WHERE match_id IS NOT NULL GROUP BY match_id HAVING count(*) > 1) d ON d.match_id = r.match_id
                  JOIN station s ON s.id = r.match_id ORDER BY r.row_no""").query(rs -> {
            tally.reject(
                    rs.getInt(1),
                    rs.getString(2),
                    List.of(new ImportReport.Problem(
                            rs.getInt(1),
                            RegisterColumn.CODE.zh(),
                            "Several rows describe station " + rs.getString(3) + "; keep one of them.")));
        });
        jdbc.sql(
                        "DELETE FROM import_row WHERE match_id IN (SELECT match_id FROM import_row GROUP BY match_id HAVING count(*) > 1)")
                .update();
        if (actor.role() != org.yizhan.locator.account.Role.ADMIN) {
            jdbc.sql(
                            "SELECT r.row_no, r.name, s.code, s.adcode FROM import_row r JOIN station s ON s.id = r.match_id ORDER BY r.row_no")
                    .query(rs -> {
                        if (!actor.mayEdit(rs.getString(4))) {
                            tally.reject(
                                    rs.getInt(1),
                                    rs.getString(2),
                                    List.of(new ImportReport.Problem(
                                            rs.getInt(1),
                                            RegisterColumn.CODE.zh(),
                                            "Station " + rs.getString(3) + " is in " + rs.getString(4)
                                                    + ", outside your regions.")));
                            jdbc.sql("DELETE FROM import_row WHERE row_no = :row")
                                    .param("row", rs.getInt(1))
                                    .update();
                        }
                    });
        }
        jdbc.sql("""
                UPDATE import_row r SET action = 'unchanged' FROM station s
                 WHERE s.id = r.match_id AND ST_DWithin(s.location, r.location, 0.05)
                   AND (s.name, s.name_en, s.address, s.adcode, s.host_type, s.host_organisation, s.contact_person,
                        s.contact_phone, s.opening_hours, s.amenities, s.status, s.floor_area)
                       IS NOT DISTINCT FROM
                       (r.name, r.name_en, r.address, r.adcode, r.host_type, r.host_organisation, r.contact_person,
                        r.contact_phone, r.opening_hours, r.amenities, r.status, r.floor_area)""").update();
        jdbc.sql("UPDATE import_row SET action = 'update' WHERE match_id IS NOT NULL AND action IS NULL")
                .update();
        jdbc.sql("UPDATE import_row SET action = 'create' WHERE match_id IS NULL")
                .update();
    }

    private List<ImportReport.Warning> duplicateWarnings() {
        return jdbc.sql("""
                SELECT r.row_no, s.code, s.name, ST_Distance(s.location, r.location) AS d
                  FROM import_row r JOIN station s ON ST_DWithin(s.location, r.location, :meters) AND s.status = 'active'
                 WHERE r.action = 'create' ORDER BY r.row_no, d LIMIT :max""")
                .param("meters", SAME_STATION_METERS)
                .param("max", MAX_LISTED)
                .query((rs, n) -> new ImportReport.Warning(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        Math.round(rs.getDouble(4) * 10) / 10.0,
                        "Station " + rs.getString(2) + " (" + rs.getString(3) + ") is only "
                                + Math.round(rs.getDouble(4)) + " m away."))
                .list();
    }

    private Map<String, Integer> countActions() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT action, count(*) FROM import_row GROUP BY action")
                .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2)))
                .list();
        return counts;
    }

    private List<ImportReport.PreviewRow> preview(Tally tally) {
        List<ImportReport.PreviewRow> rows = new ArrayList<>(tally.rejectedPreview);
        rows.addAll(jdbc.sql("""
                SELECT r.row_no, r.action, coalesce(s.code, r.code), r.name FROM import_row r LEFT JOIN station s ON s.id = r.match_id
                 ORDER BY r.row_no LIMIT :max""")
                .param("max", MAX_LISTED)
                .query((rs, n) ->
                        new ImportReport.PreviewRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list());
        rows.sort(Comparator.comparingInt(ImportReport.PreviewRow::row));
        return rows.size() > MAX_LISTED ? List.copyOf(rows.subList(0, MAX_LISTED)) : rows;
    }

    private static ImportReport.Problem problem(RowProblem p) {
        return new ImportReport.Problem(p.row(), p.column(), p.message());
    }

    /** Running counts, with the listed problems and rejected rows capped. */
    private static final class Tally {
        int rows;
        int rejected;
        int problemCount;
        final List<ImportReport.Problem> problems = new ArrayList<>();
        final List<ImportReport.PreviewRow> rejectedPreview = new ArrayList<>();

        void reject(int row, @Nullable String name, List<ImportReport.Problem> found) {
            rejected++;
            problemCount += found.size();
            for (ImportReport.Problem p : found) if (problems.size() < MAX_LISTED) problems.add(p.naming(name));
            if (rejectedPreview.size() < MAX_LISTED)
                rejectedPreview.add(new ImportReport.PreviewRow(row, "reject", null, name));
        }
    }
}
