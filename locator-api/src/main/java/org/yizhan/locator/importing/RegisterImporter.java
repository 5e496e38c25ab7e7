package org.yizhan.locator.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yizhan.geo.LatLng;
import org.yizhan.geo.code.StationCode;
import org.yizhan.geo.crs.CoordinateSystem;
import org.yizhan.geo.division.DivisionBoundaries;
import org.yizhan.geo.exchange.ImportOptions;
import org.yizhan.geo.exchange.ImportRow;
import org.yizhan.geo.exchange.RegisterColumn;
import org.yizhan.geo.exchange.RegisterFormat;
import org.yizhan.geo.exchange.RegisterFormatException;
import org.yizhan.geo.exchange.RegisterImport;
import org.yizhan.geo.exchange.RowProblem;
import org.yizhan.geo.exchange.RowReason;
import org.yizhan.geo.hours.OpeningHours;
import org.yizhan.geo.station.FieldLimits;
import org.yizhan.geo.station.StationRecord;
import org.yizhan.locator.account.Actor;
import org.yizhan.locator.station.StationCodeAllocator;
import org.yizhan.locator.web.ApiException;
import org.yizhan.locator.web.Language;
import org.yizhan.locator.web.ProblemMessages;

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
    private static final ProblemMessages MESSAGES = ProblemMessages.shared();
    private static final Logger log = LoggerFactory.getLogger(RegisterImporter.class);
    private static final double SAME_STATION_METERS = 30;
    /** geo-data's reasons for what its checks did not expect: worded for the clerk, logged for us. */
    private static final Set<RowReason> SAFETY_NETS = EnumSet.of(RowReason.CELL_UNREADABLE, RowReason.ROW_UNREADABLE);

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final StationCodeAllocator codes;
    private final DivisionBoundaries boundaries = DivisionBoundaries.standard();
    private final int rebuildIndexesFrom;

    @Autowired
    RegisterImporter(
            JdbcTemplate jdbcTemplate,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            StationCodeAllocator codes) {
        this(jdbcTemplate, jdbc, transactionManager, codes, ImportWriter.REBUILD_INDEXES_FROM);
    }

    /** With another threshold for the bulk-load strategy, so a test can take that path with a small file. */
    RegisterImporter(
            JdbcTemplate jdbcTemplate,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            StationCodeAllocator codes,
            int rebuildIndexesFrom) {
        this.codes = codes;
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.rebuildIndexesFrom = rebuildIndexesFrom;
    }

    /** Thrown to roll back a commit that has rejected rows; carries the report for the caller. */
    static final class RejectedImportException extends RuntimeException {
        final ImportReport report;

        RejectedImportException(ImportReport report) {
            super("import rejected");
            this.report = report;
        }
    }

    ImportReport run(
            InputStream in, String fileName, CoordinateSystem crs, boolean dryRun, Actor actor, Language language) {
        RegisterFormat format = RegisterFormat.forFileName(fileName)
                .filter(RegisterFormat::importable)
                .orElseThrow(() -> ApiException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "import.fileType"));
        return transactions.execute(status -> {
            ImportReport report = importRows(in, fileName, format, crs, dryRun, actor, language);
            if (dryRun) status.setRollbackOnly();
            else if (report.rejected() > 0) throw new RejectedImportException(report);
            return report;
        });
    }

    private ImportReport importRows(
            InputStream in,
            String fileName,
            RegisterFormat format,
            CoordinateSystem crs,
            boolean dryRun,
            Actor actor,
            Language language) {
        Phases phases = new Phases();
        Tally tally = new Tally(language);
        // Big sorts and hashes of this transaction stay in memory (a million rows spill the 16 MB default).
        jdbc.sql("SET LOCAL work_mem = '256MB'").update();
        List<String> unknownHeaders = jdbcTemplate.execute((ConnectionCallback<List<String>>) connection -> {
            try (ImportStaging staging = new ImportStaging(connection);
                    RegisterImport rows = RegisterImport.open(
                            in, format, ImportOptions.defaults().withCrs(crs))) {
                Map<String, Boolean> alwaysOpen = new HashMap<>();
                while (rows.hasNext()) {
                    ImportRow row = rows.next();
                    tally.rows++;
                    List<ImportReport.Problem> problems = new ArrayList<>();
                    for (RowProblem p : row.problems()) {
                        if (SAFETY_NETS.contains(p.reason())) tally.safetyNet(p);
                        problems.add(tally.problem(p.row(), p.column(), p.key(), p.values()));
                    }
                    StationRecord record = row.record();
                    if (record != null) serviceChecks(tally, problems, row.rowNumber(), record, actor);
                    if (record == null || !problems.isEmpty()) {
                        tally.reject(row.rowNumber(), record == null ? row.name() : record.name(), problems);
                        continue;
                    }
                    boolean always = alwaysOpen.computeIfAbsent(
                            record.openingHours(), h -> OpeningHours.parse(h).isAlwaysOpen());
                    staging.add(row.rowNumber(), record, always);
                }
                staging.finish();
                return rows.unknownHeaders();
            } catch (RegisterFormatException e) {
                // geo-data's reason key and values, worded here in the caller's language (file.*.detail).
                throw ApiException.unreadableFile(e.key(), e.values().toArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        phases.done("read+copy");
        if (tally.firstSafetyNet != null)
            log.warn(
                    "Import of {}: {} row problems fell through to a safety net of geo-data's row checks, first {}; "
                            + "a check lets through what the station refuses, or a parser throws what it does not name",
                    fileName,
                    tally.safetyNets,
                    tally.firstSafetyNet);
        jdbc.sql("ANALYZE import_row").update();
        classify(tally, actor);
        phases.done("classify");
        List<ImportReport.Warning> warnings = duplicateWarnings(language);
        Map<String, Integer> counts = countActions();
        phases.done("warnings");
        Map<String, Integer> firstCodes = Map.of();
        if (!dryRun && tally.rejected == 0)
            firstCodes = new ImportWriter(jdbc, codes, rebuildIndexesFrom).write(actor.username(), fileName, phases);
        List<ImportReport.PreviewRow> preview = preview(tally, firstCodes);
        phases.done("preview");
        log.info("import phases {} ({} rows, {} rejected)", phases, tally.rows, tally.rejected);
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
                preview,
                !dryRun && tally.rejected == 0);
    }

    /** Checks the file library cannot make: the account's regions and the division's boundary. */
    private void serviceChecks(
            Tally tally, List<ImportReport.Problem> problems, int row, StationRecord record, Actor actor) {
        if (!actor.mayEdit(record.adcode())) {
            problems.add(tally.problem(
                    row,
                    RegisterColumn.ADCODE.zh(),
                    "import.row.outsideRegions",
                    List.of(record.adcode(), String.join(", ", actor.regions()))));
        }
        DivisionBoundaries.Verdict verdict = boundaries.check(record.adcode(), new LatLng(record.lat(), record.lng()));
        if (!verdict.acceptable(DivisionBoundaries.DEFAULT_TOLERANCE_METRES)) {
            problems.add(tally.problem(
                    row,
                    RegisterColumn.LAT.zh(),
                    "import.row.outsideDivision",
                    List.of(
                            String.valueOf(Math.round(verdict.distanceMetres() / 100) / 10.0),
                            String.valueOf(verdict.checkedCode()))));
        }
        tooLong(tally, problems, row, RegisterColumn.NAME, record.name(), FieldLimits.NAME);
        tooLong(tally, problems, row, RegisterColumn.ADDRESS, record.address(), FieldLimits.ADDRESS);
        tooLong(
                tally,
                problems,
                row,
                RegisterColumn.HOST_ORGANISATION,
                record.hostOrganisation(),
                FieldLimits.HOST_ORGANISATION);
        tooLong(
                tally,
                problems,
                row,
                RegisterColumn.CONTACT_PERSON,
                record.contactPerson(),
                FieldLimits.CONTACT_PERSON);
        tooLong(tally, problems, row, RegisterColumn.CONTACT_PHONE, record.contactPhone(), FieldLimits.CONTACT_PHONE);
        tooLong(tally, problems, row, RegisterColumn.NAME_EN, record.nameEn(), FieldLimits.NAME_EN);
    }

    private static void tooLong(
            Tally tally,
            List<ImportReport.Problem> problems,
            int row,
            RegisterColumn column,
            @Nullable String value,
            int max) {
        if (value != null && value.length() > max)
            problems.add(tally.problem(row, column.zh(), "import.row.tooLong", List.of(max)));
    }

    /**
     * Matches staged rows to the register and decides what each one does: rows with a code update
     * their station, rows without one update the station of the same name within 30 m or are new.
     * Only matched rows are rewritten; a new station is a row left without {@code match_id}.
     */
    private void classify(Tally tally, Actor actor) {
        jdbc.sql("UPDATE import_row r SET match_id = s.id FROM station s WHERE r.code IS NOT NULL AND s.code = r.code")
                .update();
        jdbc.sql("""
                DELETE FROM import_row WHERE code IS NOT NULL AND match_id IS NULL RETURNING row_no, code, name""").query(rs -> {
            tally.rejectForCode(rs.getInt(1), rs.getString(3), "import.row.unknownCode", rs.getString(2));
        });
        Boolean registerEmpty = jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM station)")
                .query(Boolean.class)
                .single();
        if (!registerEmpty) {
            jdbc.sql("""
                    UPDATE import_row r SET match_id = m.id
                      FROM (SELECT r2.row_no, (SELECT s.id FROM station s
                                                WHERE s.name = r2.name AND ST_DWithin(s.location, %s, :meters)
                                                ORDER BY ST_Distance(s.location, %s), s.id LIMIT 1) AS id
                              FROM import_row r2 WHERE r2.code IS NULL) m
                     WHERE m.id IS NOT NULL AND r.row_no = m.row_no""".formatted(point("r2"), point("r2")))
                    .param("meters", SAME_STATION_METERS)
                    .update();
        }
        jdbc.sql("""
                SELECT r.row_no, r.name, s.code FROM import_row r
                  JOIN (SELECT match_id FROM import_row WHERE match_id IS NOT NULL GROUP BY match_id HAVING count(*) > 1) d ON d.match_id = r.match_id
                  JOIN station s ON s.id = r.match_id ORDER BY r.row_no""").query(rs -> {
            tally.rejectForCode(rs.getInt(1), rs.getString(2), "import.row.duplicateRows", rs.getString(3));
        });
        jdbc.sql("""
                DELETE FROM import_row WHERE match_id IN (
                    SELECT match_id FROM import_row WHERE match_id IS NOT NULL GROUP BY match_id HAVING count(*) > 1)""").update();
        if (actor.role() != org.yizhan.locator.account.Role.ADMIN) {
            List<Integer> outside = new ArrayList<>();
            jdbc.sql(
                            "SELECT r.row_no, r.name, s.code, s.adcode FROM import_row r JOIN station s ON s.id = r.match_id ORDER BY r.row_no")
                    .query(rs -> {
                        if (!actor.mayEdit(rs.getString(4))) {
                            tally.rejectForCode(
                                    rs.getInt(1),
                                    rs.getString(2),
                                    "import.row.stationOutsideRegions",
                                    rs.getString(3),
                                    rs.getString(4));
                            outside.add(rs.getInt(1));
                        }
                    });
            if (!outside.isEmpty())
                jdbc.sql("DELETE FROM import_row WHERE row_no = ANY(CAST(:rows AS int[]))")
                        .param("rows", outside.toArray(Integer[]::new))
                        .update();
        }
        jdbc.sql("""
                UPDATE import_row r SET action = CASE WHEN ST_DWithin(s.location, %s, 0.05)
                   AND (s.name, s.name_en, s.address, s.adcode, s.host_type, s.host_organisation, s.contact_person,
                        s.contact_phone, s.opening_hours, s.amenities, s.status, s.floor_area)
                       IS NOT DISTINCT FROM
                       (r.name, r.name_en, r.address, r.adcode, r.host_type, r.host_organisation, r.contact_person,
                        r.contact_phone, r.opening_hours, r.amenities, r.status, r.floor_area)
                   THEN 'unchanged' ELSE 'update' END
                  FROM station s WHERE s.id = r.match_id""".formatted(point("r"))).update();
        // Rows without a code that matched by name leave gaps in their division's numbering: renumber the new ones.
        Boolean gaps = jdbc.sql("SELECT EXISTS (SELECT 1 FROM import_row WHERE code IS NULL AND match_id IS NOT NULL)")
                .query(Boolean.class)
                .single();
        if (gaps) jdbc.sql("""
                    UPDATE import_row r SET ord = w.n
                      FROM (SELECT row_no, row_number() OVER (PARTITION BY adcode ORDER BY row_no) AS n
                              FROM import_row WHERE match_id IS NULL) w
                     WHERE r.row_no = w.row_no AND r.ord IS DISTINCT FROM w.n""").update();
    }

    /** The staged row's point as geography, from its longitude and latitude. */
    static String point(String alias) {
        return "ST_SetSRID(ST_MakePoint(" + alias + ".lng, " + alias + ".lat), 4326)::geography";
    }

    private List<ImportReport.Warning> duplicateWarnings(Language language) {
        Boolean registerEmpty = jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM station)")
                .query(Boolean.class)
                .single();
        if (registerEmpty) return List.of();
        return jdbc.sql("""
                SELECT r.row_no, s.code, s.name, ST_Distance(s.location, %s) AS d
                  FROM import_row r JOIN station s ON ST_DWithin(s.location, %s, :meters) AND s.status = 'active'
                 WHERE r.match_id IS NULL ORDER BY r.row_no, d LIMIT :max""".formatted(point("r"), point("r")))
                .param("meters", SAME_STATION_METERS)
                .param("max", MAX_LISTED)
                .query((rs, n) -> new ImportReport.Warning(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        Math.round(rs.getDouble(4) * 10) / 10.0,
                        MESSAGES.text(
                                language,
                                "import.warning.nearby",
                                List.of(rs.getString(2), rs.getString(3), Math.round(rs.getDouble(4))))))
                .list();
    }

    private Map<String, Integer> countActions() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT coalesce(action, 'create'), count(*) FROM import_row GROUP BY 1")
                .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2)))
                .list();
        return counts;
    }

    /** The first rows' outcomes; after a commit, new rows with the codes they were given. */
    private List<ImportReport.PreviewRow> preview(Tally tally, Map<String, Integer> firstCodes) {
        List<ImportReport.PreviewRow> rows = new ArrayList<>(tally.rejectedPreview);
        rows.addAll(jdbc.sql("""
                SELECT r.row_no, coalesce(r.action, 'create'), coalesce(s.code, r.code), r.name, r.adcode, r.ord
                  FROM import_row r LEFT JOIN station s ON s.id = r.match_id
                 ORDER BY r.row_no LIMIT :max""")
                .param("max", MAX_LISTED)
                .query((rs, n) -> {
                    String code = rs.getString(3);
                    Integer first = firstCodes.get(rs.getString(5));
                    if (code == null && first != null)
                        code = StationCode.of(rs.getString(5), first + rs.getInt(6) - 1)
                                .value();
                    return new ImportReport.PreviewRow(rs.getInt(1), rs.getString(2), code, rs.getString(4));
                })
                .list());
        rows.sort(Comparator.comparingInt(ImportReport.PreviewRow::row));
        return rows.size() > MAX_LISTED ? List.copyOf(rows.subList(0, MAX_LISTED)) : rows;
    }

    /** How long each step of an import took, for the log (the benchmark reads it). */
    static final class Phases {
        private final StringBuilder text = new StringBuilder();
        private long last = System.nanoTime();

        void done(String phase) {
            long now = System.nanoTime();
            if (!text.isEmpty()) text.append(' ');
            text.append(phase).append('=').append((now - last) / 1_000_000).append("ms");
            last = now;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Running counts, with the listed problems and rejected rows capped; problems in the caller's language. */
    private static final class Tally {
        final Language language;
        int rows;
        int rejected;
        int problemCount;
        final List<ImportReport.Problem> problems = new ArrayList<>();
        final List<ImportReport.PreviewRow> rejectedPreview = new ArrayList<>();
        int safetyNets;

        @Nullable
        RowProblem firstSafetyNet;

        Tally(Language language) {
            this.language = language;
        }

        /** A problem of {@link #SAFETY_NETS}: counted, and the first kept for the log. */
        void safetyNet(RowProblem p) {
            if (safetyNets++ == 0) firstSafetyNet = p;
        }

        /** A problem; worded only while the list has room (a million bad rows are counted, not written). */
        ImportReport.Problem problem(int row, @Nullable String column, String reason, List<Object> values) {
            String message = problems.size() < MAX_LISTED ? MESSAGES.text(language, reason, values) : "";
            return new ImportReport.Problem(row, column, message, null, reason);
        }

        void reject(int row, @Nullable String name, List<ImportReport.Problem> found) {
            rejected++;
            problemCount += found.size();
            for (ImportReport.Problem p : found) if (problems.size() < MAX_LISTED) problems.add(p.naming(name));
            if (rejectedPreview.size() < MAX_LISTED)
                rejectedPreview.add(new ImportReport.PreviewRow(row, "reject", null, name));
        }

        /** Rejects a row for one problem with its station code: unknown, matched twice, outside the regions. */
        void rejectForCode(int row, @Nullable String name, String reason, Object... values) {
            reject(row, name, List.of(problem(row, RegisterColumn.CODE.zh(), reason, List.of(values))));
        }
    }
}
